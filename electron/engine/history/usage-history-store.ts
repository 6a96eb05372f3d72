/**
 * Usage over time, kept in the data folder (issue 15 item 2): `usage-history.jsonl`, appended one line per
 * sample or cleanup and compacted (replaced atomically by one delta-encoded line per folder and tier) once a
 * day's worth of lines has accumulated, so the file stays a few hundred KB for ten busy folders. A damaged
 * line (a crash mid-append, a stray edit) is skipped and the rest kept; the log says so, and the next write
 * starts from a clean file.
 */
import { appendFile, readFile } from 'node:fs/promises';
import type { FolderUsageHistory, UsageHistory } from '../../../shared/usage-history.js';
import { MS_PER_DAY } from '../../../shared/units.js';
import { writeFileAtomic } from '../fs/atomic-write.js';
import type { LogFn } from '../ports.js';
import {
  freedLineText,
  parseUsageLine,
  sampleLineText,
  seriesLineText,
  seriesOf,
  type UsageLine,
} from './usage-history-lines.js';
import { USAGE_TIERS, UsageSeries } from './usage-series.js';
import { thinPoints } from './thin-usage.js';

export const USAGE_FILE = 'usage-history.jsonl';

/** One reading of a folder's totals. */
export interface UsageReading {
  sizeBytes: number;
  fileCount: number;
}

export interface UsageStoreOptions {
  /** False for a process that is not the data folder's owner: it reads, and keeps samples in memory only. */
  writable: boolean;
  log: LogFn;
  /** Appended lines before the file is compacted. Default 288 (a day of 5-minute samples). */
  compactAfterLines?: number;
}

export interface UsageViewOptions {
  days?: number;
  maxPoints?: number;
  nowMs: number;
}

/** The per-day totals always cover this many days ("Freed in the last 30 days"). */
const MIN_FREED_DAYS = 30;

export class UsageHistoryStore {
  /** Per folder, one series per tier (USAGE_TIERS order). */
  private readonly folders = new Map<string, UsageSeries[]>();
  private appended = 0;
  private newestMs = -Infinity;
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    private readonly file: string,
    private readonly options: UsageStoreOptions,
  ) {}

  static async open(file: string, options: UsageStoreOptions): Promise<UsageHistoryStore> {
    const store = new UsageHistoryStore(file, options);
    const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT')
        options.log(`usage history: could not read ${file} (${error.message}); starting anew`);
      return '';
    });
    let damaged = 0;
    for (const raw of text.split('\n')) {
      if (raw.trim() === '') continue;
      const line = parseUsageLine(raw);
      if (line) store.replay(line);
      else damaged++;
    }
    if (damaged > 0) {
      const lines = damaged === 1 ? '1 damaged line' : `${damaged} damaged lines`;
      options.log(`usage history: skipped ${lines} of ${file}; kept the rest`, 'warning');
    }
    // A torn last line would swallow the next append: start from a clean file instead.
    if (options.writable && (damaged > 0 || (text !== '' && !text.endsWith('\n')))) store.compact();
    return store;
  }

  /** Records each folder's reading at `atMs` (the sampler's, or one just after a cleanup). */
  sample(atMs: number, readings: Record<string, UsageReading>): Promise<void> {
    this.apply({ kind: 'sample', atMs, readings });
    return this.append(sampleLineText(atMs, readings));
  }

  /** Records the bytes a cleanup freed per folder, at the time it ended. */
  freed(atMs: number, bytes: Record<string, number>): Promise<void> {
    const freed = Object.fromEntries(Object.entries(bytes).filter(([, b]) => b > 0));
    if (Object.keys(freed).length === 0) return this.writing;
    this.apply({ kind: 'freed', atMs, bytes: freed });
    return this.append(freedLineText(atMs, freed));
  }

  /** Each named folder's usage over the last `days` (default 7) and what cleanups freed over at least 30 days. */
  history(names: readonly string[], { days = 7, maxPoints = 400, nowMs }: UsageViewOptions): UsageHistory {
    const freedDays = Math.max(MIN_FREED_DAYS, days);
    const tier = USAGE_TIERS.findIndex((t) => t.keepMs >= days * MS_PER_DAY);
    const pointsTier = tier < 0 ? USAGE_TIERS.length - 1 : tier;
    const freedTier = USAGE_TIERS.findIndex((t) => t.keepMs >= freedDays * MS_PER_DAY);
    const folders = names.map((name): FolderUsageHistory => {
      const series = this.folders.get(name);
      const since = (d: number) => nowMs - d * MS_PER_DAY;
      const recent = (series?.[pointsTier]?.points ?? []).filter((p) => p.atMs >= since(days));
      const thinned = thinPoints(recent, USAGE_TIERS[pointsTier]!.stepMs, maxPoints);
      const freed = (series?.[freedTier]?.points ?? [])
        .filter((p) => p.freedBytes > 0 && p.atMs >= since(freedDays))
        .map((p) => ({ atMs: p.atMs, bytes: p.freedBytes }));
      return { name, points: thinned.points, stepMs: thinned.stepMs, freed };
    });
    return { folders, freedDays };
  }

  /** Resolves once every write asked for so far is on disk (or has failed and been logged). */
  settle(): Promise<void> {
    return this.writing;
  }

  private replay(line: UsageLine): void {
    if (line.kind !== 'series') return this.apply(line);
    const tier = USAGE_TIERS.findIndex((t) => t.stepMs === line.stepMs);
    if (tier < 0) return;
    this.seriesOf(line.folder)[tier] = seriesOf(USAGE_TIERS[tier]!, line.points);
    const newest = line.points[line.points.length - 1];
    if (newest) this.newestMs = Math.max(this.newestMs, newest.atMs);
  }

  private apply(line: Exclude<UsageLine, { kind: 'series' }>): void {
    this.newestMs = Math.max(this.newestMs, line.atMs);
    if (line.kind === 'sample') {
      for (const [name, r] of Object.entries(line.readings)) {
        for (const series of this.seriesOf(name)) series.sample(line.atMs, r.sizeBytes, r.fileCount);
      }
    } else {
      for (const [name, bytes] of Object.entries(line.bytes)) {
        for (const series of this.seriesOf(name)) series.addFreed(line.atMs, bytes);
      }
    }
    for (const series of this.folders.values()) for (const s of series) s.trim(this.newestMs);
  }

  private seriesOf(name: string): UsageSeries[] {
    let series = this.folders.get(name);
    if (!series) {
      series = USAGE_TIERS.map((tier) => new UsageSeries(tier));
      this.folders.set(name, series);
    }
    return series;
  }

  private append(text: string): Promise<void> {
    if (!this.options.writable) return this.writing;
    this.appended++;
    this.enqueue(() => appendFile(this.file, text + '\n', { mode: 0o600 }));
    if (this.appended >= (this.options.compactAfterLines ?? 288)) this.compact();
    return this.writing;
  }

  /** Replaces the file by one line per folder and tier, dropping folders with nothing left to show. */
  private compact(): void {
    this.appended = 0;
    const lines: string[] = [];
    for (const [name, series] of this.folders) {
      if (series.every((s) => s.points.length === 0)) {
        this.folders.delete(name);
        continue;
      }
      for (const s of series) if (s.points.length > 0) lines.push(seriesLineText(name, s));
    }
    const text = lines.map((l) => l + '\n').join('');
    this.enqueue(() => writeFileAtomic(this.file, text));
  }

  private enqueue(write: () => Promise<void>): void {
    this.writing = this.writing.then(write).catch((error: unknown) => {
      this.options.log(`usage history: could not write ${this.file}: ${(error as Error).message ?? error}`);
    });
  }
}
