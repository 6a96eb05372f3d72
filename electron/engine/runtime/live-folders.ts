/**
 * The set of live folders, kept in step with the configuration: a folder whose path, exclusions or
 * enabled flag changed is restarted; a limit change only swaps its rules (no rescan needed). Folders start
 * scanning and are added at once; nothing here waits for a scan, except `scanned` for those that must.
 * Built before the live runtime, so the consent gate (which the runtime needs) can read their indexes too.
 */
import { CONFIG_DEFAULTS } from '../../../shared/config-schema.js';
import type { AppConfig, FolderRules, FolderRunResult } from '../../../shared/types.js';
import type { FolderIndex } from '../index/folder-index.js';
import { LiveFolder, type ScanFn } from '../live/live-folder.js';
import type { LiveSource } from '../status/live-folder-status.js';
import type { Clock, Disposer, LogFn } from '../ports.js';

interface Entry {
  key: string;
  rules: FolderRules;
  live: LiveFolder | null;
  unsubscribe: Disposer;
}

export class LiveFolders {
  private readonly entries = new Map<string, Entry>();
  /** Folder names in configuration order. */
  private order: string[] = [];
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly clock: Clock,
    private readonly log: LogFn,
    /** The folders' scan; default the real one (tests hold a first scan here). */
    private readonly scan?: ScanFn,
  ) {}

  /** Brings the live folders in line with `config` (null: no usable config, keep nothing). */
  async sync(config: AppConfig | null): Promise<void> {
    const wanted = new Map((config?.folders ?? []).map((rules) => [rules.name, rules]));
    this.order = [...wanted.keys()];
    for (const [name, entry] of this.entries) {
      const rules = wanted.get(name);
      if (!rules || restartKey(rules) !== entry.key) await this.stop(name);
      else entry.rules = rules;
    }
    const pollIntervalMs = (config?.pollIntervalSeconds ?? CONFIG_DEFAULTS.poll_interval_seconds) * 1000;
    for (const rules of wanted.values()) {
      if (!this.entries.has(rules.name)) this.startOne(rules, pollIntervalMs);
    }
  }

  /** Calls `listener` whenever a folder's files change (after its watcher settled them). */
  onChanged(listener: () => void): Disposer {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** Sources for status building, in configuration order; null for a disabled folder. */
  sources(): { rules: FolderRules; source: LiveSource | null }[] {
    const entries = this.order.flatMap((name) => this.entries.get(name) ?? []);
    return entries.map(({ rules, live }) => ({
      rules,
      source: live && {
        rules,
        status: (nowMs: number) => live.status(nowMs),
        sizeHistory: () => live.sizeHistory(),
        filesOlderThan: (cutoffMs: number) => live.filesOlderThan(cutoffMs),
      },
    }));
  }

  /**
   * Resolves once the named folders (all when absent) have finished their first scan, or are gone: what
   * a cleanup, a preview and the start-up run wait for. Folders configured meanwhile are not waited for.
   */
  async scanned(names?: readonly string[]): Promise<void> {
    const wanted = names === undefined ? [...this.entries.keys()] : names;
    const scans = wanted.map((name) => this.entries.get(name)?.live?.firstScan);
    await Promise.all(scans);
  }

  /** Whether any of the named folders (all when absent) is still in its first scan. */
  scanning(names?: readonly string[]): boolean {
    const wanted = names === undefined ? [...this.entries.keys()] : names;
    return wanted.some((name) => this.entries.get(name)?.live?.isScanned === false);
  }

  /**
   * After a cleanup: each folder that lost files forgets them, then is rescanned, so what the rescan
   * still finds different (and logs as drift) is what the watcher really missed.
   */
  async reconcile(results: readonly FolderRunResult[]): Promise<void> {
    for (const result of results) {
      const live = this.entries.get(result.name)?.live;
      if (!live?.isScanned || result.filesRemoved === 0) continue;
      live.forgetRemoved(result.removed);
      await live.rescan();
    }
  }

  /**
   * The live index of the folder `rules` name, when it counts files exactly as `rules` would (same path,
   * exclusions and glob case): the impact check's files without a second scan.
   */
  indexOf(rules: FolderRules): FolderIndex | null {
    const live = this.entries.get(rules.name)?.live ?? null;
    // A folder still in its first scan has an empty index: never offer that as its files.
    if (live === null || !live.isScanned) return null;
    const same =
      live.rules.path === rules.path &&
      live.rules.caseSensitiveGlobs === rules.caseSensitiveGlobs &&
      JSON.stringify(live.rules.exclude) === JSON.stringify(rules.exclude);
    return same ? live.files : null;
  }

  /** Newest mtime among a live folder's counted files; null when it is empty, disabled or unknown. */
  newestMtimeMs(name: string): number | null {
    const live = this.entries.get(name)?.live;
    return live?.isScanned ? live.files.newestMtimeMs() : null;
  }

  async dispose(): Promise<void> {
    for (const name of [...this.entries.keys()]) await this.stop(name);
  }

  private startOne(rules: FolderRules, pollIntervalMs: number): void {
    const scan = this.scan;
    const live = rules.enabled
      ? LiveFolder.begin({
          rules,
          clock: this.clock,
          pollIntervalMs,
          log: this.log,
          ...(scan ? { scan } : {}),
        })
      : null;
    const changed = () => {
      for (const listener of this.listeners) listener();
    };
    const unsubscribe = live?.onChanged(changed) ?? (() => {});
    this.entries.set(rules.name, { key: restartKey(rules), rules, live, unsubscribe });
  }

  private async stop(name: string): Promise<void> {
    const entry = this.entries.get(name);
    this.entries.delete(name);
    entry?.unsubscribe();
    await entry?.live?.dispose();
  }
}

function restartKey(rules: FolderRules): string {
  return JSON.stringify([rules.path, rules.exclude, rules.enabled]);
}
