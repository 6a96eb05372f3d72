/**
 * One folder kept live: an initial scan fills the index, a watcher applies deltas, a rescan reconciles
 * (after a watcher error, at each cleanup, periodically where watching is impossible). A missing root is
 * looked for until it appears; a root that disappears empties the index and is looked for again. Until the
 * first scan ends, the folder says it is scanning and how far it got; its empty index is never offered as
 * the folder's files (see `scanned`).
 */
import { lstat } from 'node:fs/promises';
import type { FolderRules, WatchMode } from '../../../shared/types.js';
import { formatBytes } from '../../../shared/format.js';
import { compileGlobs, folderGlobOptions } from '../../core/glob-match.js';
import { FolderIndex, type IndexDrift } from '../index/folder-index.js';
import { systemClock, type Clock, type Disposer, type LogLevel } from '../ports.js';
import { FolderIndexBuilder } from '../index/folder-index-builder.js';
import { scanFolderIndex, type IndexedScan, type ScanProgressCount } from '../index/scan-folder-index.js';
import type { PackedFiles } from '../scan/packed-files.js';
import type { FolderScan } from '../scan/scan-folder.js';
import { fsWatchBackend } from './fs-watch-backend.js';
import { unwatchableFilesystemReason } from './unwatchable-filesystem.js';
import type { RawChange, WatchFailure, WatchHandle } from './watch-backend.js';
import { failureOfStart } from './watch-failure.js';
import { applyChanges } from './apply-changes.js';
import { ChangeThrottle } from './change-throttle.js';
import type { LiveFolderOptions, LiveStats } from './live-types.js';
import { NextAction } from './next-action.js';
import { SizeHistory, type SizeSample } from './size-history.js';

export type { LiveFolderOptions, LiveStats, ScanFn } from './live-types.js';

const NO_DRIFT: IndexDrift = { files: 0, bytes: 0 };

export class LiveFolder {
  readonly rules: FolderRules;
  private readonly isExcluded: (relPath: string) => boolean;
  private readonly clock: Clock;
  private readonly pollIntervalMs: number;
  private readonly history: SizeHistory;
  private readonly throttle: ChangeThrottle;
  private readonly abort = new AbortController();
  private readonly closing = new Set<Promise<void>>();
  private index: FolderIndex;
  private exists = false;
  private error: string | null = null;
  private watchState: LiveStats['watch'] = { mode: 'off', reason: null };
  private handle: WatchHandle | null = null;
  /** Set when watching failed for good: the folder is rescanned every poll interval from then on. */
  private pollReason: string | null = null;
  /** Changes that arrive while a rescan runs, applied to the fresh index once it is built. */
  private pending: RawChange[] | null = null;
  private rescanning: Promise<IndexDrift> | null = null;
  /** Changes applied since the last rescan (see `onChanges`). */
  private changesSinceRescan = 0;
  private readonly next: NextAction;
  private disposed = false;
  /** False until the first scan: there is no earlier index for it to have drifted from. */
  private scanned = false;
  /** What the first scan has counted so far; null once it is done. */
  private progress: ScanProgressCount | null = { files: 0, bytes: 0 };
  /** Settles when the first scan has ended (or the folder was disposed first). */
  readonly firstScan: Promise<void>;
  private firstScanDone!: () => void;
  private firstScanOver = false;
  private firstScanError: Error | null = null;
  private firstRun: Promise<void> = Promise.resolve();

  private constructor(private readonly options: LiveFolderOptions) {
    this.rules = options.rules;
    this.isExcluded = compileGlobs(options.rules.exclude, folderGlobOptions(options.rules));
    this.clock = options.clock ?? systemClock;
    this.next = new NextAction(this.clock);
    this.pollIntervalMs = options.pollIntervalMs ?? 60_000;
    this.history = new SizeHistory(options.historySampleMs, options.historyMaxSamples);
    this.throttle = new ChangeThrottle(this.clock, options.notifyIntervalMs ?? 250);
    this.index = new FolderIndex(this.isExcluded);
    this.firstScan = new Promise<void>((resolve) => (this.firstScanDone = resolve));
  }

  /** Scans the folder and starts watching it (or polling, or looking for a missing root). */
  static async start(options: LiveFolderOptions): Promise<LiveFolder> {
    const folder = LiveFolder.begin(options);
    await folder.firstRun; // the scan, and the watching it starts
    if (folder.firstScanError !== null) throw folder.firstScanError;
    return folder;
  }

  /**
   * Starts the first scan and returns at once: the folder says it is scanning (with its progress) until
   * the scan ends, then watches as `start` would. A failed first scan is logged and leaves the folder
   * scanned with the failure as its error.
   */
  static begin(options: LiveFolderOptions): LiveFolder {
    const folder = new LiveFolder(options);
    folder.firstRun = folder.rescan().then(
      () => folder.endFirstScan(null),
      (err: unknown) => folder.endFirstScan(err instanceof Error ? err : new Error(String(err))),
    );
    return folder;
  }

  /** True once the first scan has ended: from then on `files` is the folder's index. */
  get isScanned(): boolean {
    return this.progress === null;
  }

  /** The live index of counted files (the planner's snapshot source). Replaced by each rescan. */
  get files(): FolderIndex {
    return this.index;
  }

  status(nowMs: number): LiveStats {
    if (this.progress !== null) {
      const scanning = { filesSoFar: this.progress.files, bytesSoFar: this.progress.bytes };
      const watch = { mode: 'off' as const, reason: null };
      return { exists: true, error: null, sizeBytes: 0, fileCount: 0, oldestMtimeMs: null, watch, scanning };
    }
    const totals = this.index.totals();
    this.history.record(nowMs, totals.sizeBytes);
    return {
      exists: this.exists,
      error: this.error,
      ...totals,
      watch: { ...this.watchState },
      scanning: null,
    };
  }

  /** How many counted files were modified before `cutoffMs` (past an age limit). */
  filesOlderThan(cutoffMs: number): number {
    return this.index.countOlderThan(cutoffMs);
  }

  /** Size samples, oldest first, at least about one sample interval apart. */
  sizeHistory(): readonly SizeSample[] {
    return this.history.list();
  }

  /** Called, coalesced, whenever the totals or the watch state may have changed. */
  onChanged(listener: () => void): Disposer {
    return this.throttle.listen(listener);
  }

  /**
   * Takes files a cleanup removed out of the index at once, so the rescan after the run compares against
   * what is really there (the watcher's own word of the removals can come after that rescan). A file is
   * forgotten only while the index still holds it at the removed size: one written anew under the same
   * name since then stays.
   */
  forgetRemoved(files: readonly { path: string; sizeBytes: number }[]): void {
    for (const file of files) {
      if (this.index.get(file.path)?.sizeBytes === file.sizeBytes) this.index.remove(file.path);
    }
    if (files.length > 0) this.throttle.mark();
  }

  /**
   * Replaces the index with a fresh scan; returns how far the old one had drifted, and logs that as a
   * warning (the watcher missed something; the rescan corrected it). Joins a running rescan.
   */
  rescan(): Promise<IndexDrift> {
    if (this.disposed) return Promise.resolve(NO_DRIFT);
    this.rescanning ??= this.reconcile().finally(() => (this.rescanning = null));
    return this.rescanning;
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    this.firstScanDone();
    this.abort.abort(new Error('live folder disposed'));
    this.next.dispose();
    this.history.stop();
    this.throttle.dispose();
    this.stopWatching();
    await Promise.allSettled([...this.closing, this.rescanning]);
  }

  /** The first scan is over: size sampling starts (an empty index would read as growth), listeners hear. */
  private endFirstScan(error: Error | null): void {
    if (this.firstScanOver) return;
    this.firstScanOver = true;
    this.progress = null;
    if (error !== null && !this.disposed) {
      this.firstScanError = error;
      this.error = `Headroom could not scan this folder: ${error.message}`;
      this.log(`first scan failed: ${error.message}`);
    }
    if (!this.disposed) this.history.sampleEvery(this.clock, () => this.index.totals().sizeBytes);
    this.firstScanDone();
    if (error !== null) this.throttle.mark();
  }

  /** A first scan's batch arrived: its progress is news for the dashboard (coalesced like any change). */
  private onProgress(progress: ScanProgressCount): void {
    if (this.progress === null || this.disposed) return;
    this.progress = progress;
    this.throttle.mark();
  }

  private async reconcile(): Promise<IndexDrift> {
    this.pending = [];
    this.changesSinceRescan = 0;
    let scanned: IndexedScan;
    try {
      scanned = await this.scanIndex();
    } catch (err) {
      this.pending = null;
      if (this.disposed) return NO_DRIFT;
      throw err;
    }
    if (this.disposed) return NO_DRIFT;
    const { scan, index: fresh } = scanned;
    const rootGone = applyChanges(fresh, this.pending);
    this.pending = null;
    const drift = this.scanned ? this.index.diff(fresh) : NO_DRIFT;
    this.scanned = true;
    this.index = fresh;
    this.exists = scan.exists;
    this.error = scan.error;
    if (drift.files > 0) {
      const what = `${drift.files} files (${formatBytes(drift.bytes)})`;
      this.log(`a rescan found the index off by ${what}, missed by the watcher; corrected`, 'warning');
    }
    // The totals are known from here on; whoever waits for them hears it before the folder's push.
    this.endFirstScan(null);
    if (rootGone) this.onRootGone();
    else await this.afterScan(scan);
    this.throttle.mark();
    return drift;
  }

  /**
   * A fresh scan, indexed batch by batch as the workers report (the host never holds the joined scan, nor
   * stalls building a million-file index); an injected scan (tests) is indexed the same way afterwards.
   */
  private async scanIndex(): Promise<IndexedScan> {
    const signal = this.abort.signal;
    // Without patterns there is nothing to test: skip decoding every path, which on a big folder
    // holds the host for a noticeable time.
    const isExcluded = this.rules.exclude.length > 0 ? this.isExcluded : undefined;
    const onProgress = (progress: ScanProgressCount) => this.onProgress(progress);
    const inject = this.options.scan;
    if (!inject) return scanFolderIndex(this.rules.path, { signal, isExcluded, onProgress });
    // An injected scan may report batches as the real one does, or return its files at the end.
    const builder = new FolderIndexBuilder({ isExcluded });
    const onFiles = (files: PackedFiles): void => {
      builder.add(files);
      onProgress({ files: builder.size, bytes: builder.sizeBytes });
    };
    const scan = await inject(this.rules.path, { signal, onFiles });
    if (scan.exists && scan.error === null) builder.add(scan.files);
    return { scan, index: await builder.build() };
  }

  private async afterScan(scan: FolderScan): Promise<void> {
    if (!scan.exists) return this.lookForRoot();
    if (scan.error !== null) {
      this.stopWatching();
      this.setWatch('polling', scan.error);
      return this.next.set(this.pollIntervalMs, () => this.rescanInBackground());
    }
    if (this.pollReason !== null) return this.next.set(this.pollIntervalMs, () => this.rescanInBackground());
    if (this.handle !== null) {
      for (const dir of scan.dirs) this.handle.addDir(dir); // directories the watcher may have missed
      return;
    }
    await this.startWatching(scan.dirs);
  }

  private async startWatching(dirs: readonly string[]): Promise<void> {
    const fsReason = await (this.options.filesystemReason ?? unwatchableFilesystemReason)(this.rules.path);
    if (this.disposed || this.handle !== null) return;
    if (fsReason !== null) return this.fallBack(fsReason, false);
    try {
      this.handle = (this.options.backend ?? fsWatchBackend).watch(this.rules.path, dirs, {
        onChanges: (changes) => this.onChanges(changes),
        onError: (failure) => this.onWatchError(failure),
      });
    } catch (err) {
      return this.fallBack(failureOfStart(err).message, false);
    }
    this.next.clear();
    this.setWatch('watching', null);
  }

  private onChanges(changes: RawChange[]): void {
    if (this.disposed) return;
    if (this.pending !== null) {
      for (const change of changes) this.pending.push(change);
    } else if (applyChanges(this.index, changes)) {
      return this.onRootGone();
    }
    // Node drops inotify's queue-overflow signal on Linux, so a very large burst is reconciled by a
    // rescan once it has been quiet for a while, in case events were lost.
    this.changesSinceRescan += changes.length;
    if (this.changesSinceRescan >= (this.options.burstRescanChanges ?? 5000)) {
      this.next.set(2000, () => this.rescanInBackground());
    }
    this.throttle.mark();
  }

  private onWatchError(failure: WatchFailure): void {
    if (this.disposed) return;
    if (!failure.recoverable) return this.fallBack(failure.message, true);
    this.log(`${failure.message}; rescanning`, 'warning');
    this.next.set(500, () => this.rescanInBackground()); // changes may have been missed
  }

  /** Watching is impossible or broke: rescan every poll interval instead; other folders are unaffected. */
  private fallBack(reason: string, rescanNow: boolean): void {
    this.stopWatching();
    this.pollReason = reason;
    const seconds = secondsText(this.pollIntervalMs);
    this.setWatch('polling', `${reason}; Headroom rescans this folder every ${seconds} instead`);
    this.log(`cannot watch: ${reason}; rescanning every ${seconds}`, 'warning');
    this.next.set(rescanNow ? 0 : this.pollIntervalMs, () => this.rescanInBackground());
  }

  private onRootGone(): void {
    this.stopWatching();
    this.index = new FolderIndex(this.isExcluded);
    this.exists = false;
    this.error = null;
    this.log('the folder disappeared; watching for it to come back', 'warning');
    this.lookForRoot();
    this.throttle.mark();
  }

  private lookForRoot(): void {
    this.stopWatching();
    const seconds = secondsText(this.options.existencePollMs ?? 5000);
    this.setWatch('off', `the folder does not exist; Headroom looks for it every ${seconds}`);
    this.next.set(this.options.existencePollMs ?? 5000, () => {
      lstat(this.rules.path).then(
        (stat) => (stat.isDirectory() ? this.rescanInBackground() : this.lookForRoot()),
        () => this.lookForRoot(),
      );
    });
  }

  private rescanInBackground(): void {
    this.rescan().catch((err: unknown) =>
      this.log(`rescan failed: ${err instanceof Error ? err.message : String(err)}`),
    );
  }

  private stopWatching(): void {
    if (this.handle === null) return;
    const closing = this.handle.close().finally(() => this.closing.delete(closing));
    this.closing.add(closing);
    this.handle = null;
  }

  private setWatch(mode: WatchMode, reason: string | null): void {
    this.watchState = { mode, reason };
  }

  private log(message: string, level?: LogLevel): void {
    this.options.log?.(`${this.rules.name}: ${message}`, level);
  }
}

/** "60 s", "0.15 s": poll periods as a person reads them. */
function secondsText(ms: number): string {
  return `${Number((ms / 1000).toFixed(2))} s`;
}
