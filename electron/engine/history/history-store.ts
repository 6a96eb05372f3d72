/**
 * The history of cleanup runs (DESIGN.md safety invariant 5): a run is recorded durably before its first
 * removal and again when it ends; a run that never ended is shown as interrupted at the next start; a
 * damaged line is skipped and counted, never fatal. The file only grows by appends, and is replaced
 * whole, atomically, when it is compacted.
 */
import { writeFileAtomic } from '../config/atomic-write.js';
import { runRecordSchema } from '../../../shared/run-record-schema.js';
import type { HistoryPage, RunRecord } from '../../../shared/types.js';
import { appendDurably, readHistoryFile, type HistoryFileContents } from './history-file.js';

export interface HistoryOptions {
  /** Runs kept; when the file holds more, it is compacted to the newest this many. Default 1000. */
  maxRuns?: number;
  /** When the file grows past this, it is compacted to at most half of it (or the newest run). Default 64 MiB. */
  maxFileBytes?: number;
  /**
   * Open without writing: unfinished runs are left as they are and nothing is compacted. For a process
   * that is not the data folder's owner (another Headroom is running and its run may be in progress).
   */
  readOnly?: boolean;
}

export interface OpenedHistory {
  store: HistoryStore;
  /** Lines of the file that could not be read and were skipped. */
  damagedLines: number;
  /** Runs that started and never finished (the app crashed or was killed), now marked `interrupted`. */
  interrupted: RunRecord[];
}

/** The newest line of one run, and where it stands in the order runs first appeared. */
interface Entry {
  record: RunRecord;
  startedAtMs: number;
  seq: number;
  lineBytes: number;
}

const DEFAULTS: Required<HistoryOptions> = { maxRuns: 1000, maxFileBytes: 64 * 1024 * 1024, readOnly: false };
const DEFAULT_PAGE_SIZE = 100;

/**
 * One history file, held in memory (at most `maxRuns` runs) and appended to. Writes happen one at a time
 * in call order. One process per file: opening marks every unfinished run as interrupted, so a second
 * process opening the same file while a run is going would mark that run interrupted.
 */
export class HistoryStore {
  private readonly runs = new Map<string, Entry>();
  private nextSeq = 0;
  private sizeBytes: number;
  private needsNewline: boolean;
  private exists: boolean;
  private tail: Promise<unknown> = Promise.resolve();
  private closed = false;

  private constructor(
    readonly file: string,
    private readonly limits: Required<HistoryOptions>,
    private readonly damagedLines: number,
    contents: HistoryFileContents,
  ) {
    this.sizeBytes = contents.sizeBytes;
    this.needsNewline = !contents.endsWithNewline;
    this.exists = contents.exists;
    for (const { record, lineBytes } of contents.records) this.remember(record, lineBytes);
  }

  /** Reads `file` (missing is fine), marks unfinished runs interrupted, and compacts if over the bound. */
  static async open(file: string, options: HistoryOptions = {}): Promise<OpenedHistory> {
    const contents = await readHistoryFile(file);
    const store = new HistoryStore(file, { ...DEFAULTS, ...options }, contents.damagedLines, contents);
    if (store.limits.readOnly) return { store, damagedLines: contents.damagedLines, interrupted: [] };
    const interrupted = [...store.runs.values()]
      .filter((e) => e.record.status === 'running')
      .map((e): RunRecord => ({ ...e.record, status: 'interrupted' }));
    if (interrupted.length > 0) await store.append(interrupted);
    else if (store.overBound()) await store.enqueue(() => store.compact());
    return { store, damagedLines: contents.damagedLines, interrupted: structuredClone(interrupted) };
  }

  /** Records that `run` (status `running`) has started; resolves once the line is on disk. */
  async begin(run: RunRecord): Promise<void> {
    if (run.status !== 'running') throw new Error(`begin() takes a running run, not ${run.status}`);
    return this.append([run]);
  }

  /** Records how `run` ended (any status but `running`); resolves once the line is on disk. */
  async finish(run: RunRecord): Promise<void> {
    if (run.status === 'running') throw new Error('finish() takes a run that has ended');
    return this.append([run]);
  }

  /** Runs newest first (by start time), only those that started before `before` (an ISO time) when given. */
  list(query: { limit?: number; before?: string } = {}): HistoryPage {
    const beforeMs = query.before === undefined ? Infinity : Date.parse(query.before);
    const runs = this.newestFirst()
      .filter((e) => e.startedAtMs < beforeMs)
      .slice(0, query.limit ?? DEFAULT_PAGE_SIZE)
      .map((e) => structuredClone(e.record));
    return { runs, damagedLines: this.damagedLines };
  }

  /** The newest real (not dry) run that completed, with or without errors; the schedule counts from it. */
  lastCompletedRun(): RunRecord | null {
    const last = this.newestFirst().find(
      (e) =>
        !e.record.dryRun && (e.record.status === 'completed' || e.record.status === 'completed_with_errors'),
    );
    return last ? structuredClone(last.record) : null;
  }

  /** Resolves when every write asked for so far has finished. */
  async flush(): Promise<void> {
    await this.tail;
  }

  /** Waits for pending writes; later begin/finish calls are refused. */
  async close(): Promise<void> {
    this.closed = true;
    await this.flush();
  }

  private async append(records: RunRecord[]): Promise<void> {
    if (this.closed) throw new Error('the history is closed');
    if (this.limits.readOnly)
      throw new Error('the history was opened read-only: another Headroom process owns it');
    // Validate and serialise now: the caller keeps changing its record after this call returns.
    const lines = records.map((r) => {
      const record = runRecordSchema.parse(r);
      return { record, line: JSON.stringify(record) };
    });
    return this.enqueue(async () => {
      const text = (this.needsNewline ? '\n' : '') + lines.map((l) => `${l.line}\n`).join('');
      await appendDurably(this.file, text, !this.exists);
      this.exists = true;
      this.needsNewline = false;
      this.sizeBytes += Buffer.byteLength(text);
      for (const l of lines) this.remember(l.record, Buffer.byteLength(l.line) + 1);
      // The record is safely on disk; a failed compaction only leaves the file longer, so it is retried later.
      if (this.overBound()) await this.compact().catch(() => undefined);
    });
  }

  /** Runs `op` after every write queued before it, whether those succeeded or not. */
  private enqueue<T>(op: () => Promise<T>): Promise<T> {
    const result = this.tail.then(op);
    this.tail = result.catch(() => undefined);
    return result;
  }

  private remember(record: RunRecord, lineBytes: number): void {
    const known = this.runs.get(record.id);
    const seq = known?.seq ?? this.nextSeq++;
    this.runs.set(record.id, { record, startedAtMs: Date.parse(record.startedAt), seq, lineBytes });
  }

  private newestFirst(): Entry[] {
    return [...this.runs.values()].sort((a, b) => b.startedAtMs - a.startedAtMs || b.seq - a.seq);
  }

  private overBound(): boolean {
    return this.runs.size > this.limits.maxRuns || this.sizeBytes > this.limits.maxFileBytes;
  }

  /** Rewrites the file with the runs `keepForCompaction` picks, oldest first, and forgets the rest. */
  private async compact(): Promise<void> {
    const keep = keepForCompaction(this.newestFirst(), this.limits).reverse();
    const text = keep.map((e) => `${JSON.stringify(e.record)}\n`).join('');
    await writeFileAtomic(this.file, text);
    const kept = new Set(keep.map((e) => e.record.id));
    for (const id of this.runs.keys()) if (!kept.has(id)) this.runs.delete(id);
    this.sizeBytes = Buffer.byteLength(text);
    this.needsNewline = false;
    this.exists = true;
  }
}

/**
 * The runs a compaction keeps, newest first: every running run (its start must never be lost), then the
 * newest others up to `maxRuns` in all and half of `maxFileBytes`, and always at least the newest one.
 */
function keepForCompaction(newestFirst: readonly Entry[], limits: Required<HistoryOptions>): Entry[] {
  const keep: Entry[] = [];
  let bytes = 0;
  for (const e of newestFirst) {
    const running = e.record.status === 'running';
    const fits =
      keep.length < limits.maxRuns && (keep.length === 0 || bytes + e.lineBytes <= limits.maxFileBytes / 2);
    if (!running && !fits) continue;
    keep.push(e);
    bytes += e.lineBytes;
  }
  return keep;
}
