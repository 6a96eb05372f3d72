/**
 * The chosen watch backend (bench/watch-compare.ts), per platform. Linux: one non-recursive `fs.watch` per
 * directory, using the directories a scan already found (one inotify watch per folder, not per file).
 * macOS and Windows: one recursive `fs.watch` on the root, the platform's own subtree watching (FSEvents,
 * ReadDirectoryChangesW); one watcher per directory there would be one FSEvents registration each on a
 * shared stream rebuilt at every addition, or one open directory handle each.
 * Each event only names an entry; the entry is lstat'ed once it settles, so the reported state is always
 * what is on disk, whatever events were merged or reordered on the way.
 */
import { lstatSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Stats } from 'node:fs';
import { decodeName } from '../../../shared/byte-names.js';
import { fsPath } from '../fs/fs-path.js';
import { classifyEntry } from './classify-entry.js';
import { DirWatchers, nodeWatchDir, type WatchDirFn } from './dir-watchers.js';
import { joinRel, lstatMany } from './lstat-many.js';
import { SettleQueue } from './settle-queue.js';
import type { RawChange, WatchBackend, WatchHandle, WatchSink } from './watch-backend.js';
import { isGoneError, watchFailureFrom, WatchStartError } from './watch-failure.js';

export interface FsWatchOptions {
  /** Quiet time before a changed path is examined (files still being written are not final). */
  settleMs?: number;
  /** Starts one directory watcher; replaced in tests to inject faults. */
  watchDir?: WatchDirFn;
  /** One recursive watcher on the root instead of one per directory (Node emulates it on Linux). */
  recursive?: boolean;
}

/** Key that never clashes with a relative path: "check whether the root itself is still there". */
const ROOT_CHECK = '\0root';

/** Builds an fs.watch backend; `fsWatchBackend` is the default instance. */
export function createFsWatchBackend(options: FsWatchOptions = {}): WatchBackend {
  return {
    name: options.recursive ? 'fs.watch recursive per root' : 'fs.watch per directory',
    watch: (root, dirs, sink) => new FsWatchHandle(root, dirs, sink, options),
  };
}

/** The backend for a platform: recursive where the OS watches subtrees natively (macOS, Windows). */
export function fsWatchBackendFor(platform: NodeJS.Platform, options: FsWatchOptions = {}): WatchBackend {
  return createFsWatchBackend({ ...options, recursive: platform === 'darwin' || platform === 'win32' });
}

export const fsWatchBackend: WatchBackend = fsWatchBackendFor(process.platform);

class FsWatchHandle implements WatchHandle {
  private readonly watchers: DirWatchers;
  private readonly settle: SettleQueue;
  private readonly rootDev: number;
  private readonly rootIno: number;
  private readonly recursive: boolean;
  private chain: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly root: string,
    dirs: readonly string[],
    private readonly sink: WatchSink,
    options: FsWatchOptions,
  ) {
    const rootStat = lstatSync(root);
    if (!rootStat.isDirectory())
      throw Object.assign(new Error(`${root} is not a directory`), { code: 'ENOTDIR' });
    this.rootDev = rootStat.dev;
    this.rootIno = rootStat.ino;
    this.recursive = options.recursive ?? false;
    this.watchers = new DirWatchers(
      root,
      options.watchDir ?? nodeWatchDir,
      (relDir, filename) => this.onEvent(relDir, filename),
      (relDir, err) => this.onWatcherError(relDir, err),
      this.recursive,
    );
    this.settle = new SettleQueue(options.settleMs ?? 150, 25, (paths) => this.enqueue(paths));
    this.watchInitial(rootStat, dirs);
  }

  addDir(relDir: string): void {
    if (this.closed || this.watchers.has(relDir)) return;
    try {
      const stat = lstatSync(fsPath(this.abs(relDir)));
      if (stat.isDirectory() && stat.dev === this.rootDev) this.watchers.add(relDir, stat.ino);
    } catch (err) {
      if (!isGoneError(err)) this.sink.onError(watchFailureFrom(err, relDir));
    }
  }

  removeDir(relDir: string): void {
    this.watchers.remove(relDir);
  }

  watchedDirCount(): number {
    return this.watchers.size;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.settle.close();
    this.watchers.closeAll();
    await this.chain;
  }

  private watchInitial(rootStat: Stats, dirs: readonly string[]): void {
    for (const relDir of ['', ...dirs]) {
      try {
        const stat = relDir === '' ? rootStat : lstatSync(fsPath(this.abs(relDir)));
        if (stat.isDirectory() && stat.dev === this.rootDev) this.watchers.add(relDir, stat.ino);
      } catch (err) {
        if (isGoneError(err)) continue;
        this.watchers.closeAll();
        this.settle.close();
        throw new WatchStartError(watchFailureFrom(err, relDir));
      }
    }
  }

  private onEvent(relDir: string, filename: string | null): void {
    if (this.closed) return;
    if (filename === null) {
      // No name (not seen on Linux; other platforms on overflow): look at the whole directory again and
      // let the owner reconcile removals, which a listing cannot reveal.
      this.enqueueRelist(relDir);
      this.sink.onError({
        code: 'ENOFILENAME',
        path: relDir,
        message: `a change in ${relDir === '' ? 'the folder' : `"${relDir}"`} came without a file name`,
        recoverable: true,
      });
      return;
    }
    // inotify reports the watched directory's own deletion or move under its base name; how a recursive
    // watcher reports its root's going differs by platform, so there every batch checks the root (one lstat).
    if (this.recursive || (relDir === '' && filename === path.basename(this.root)))
      this.settle.touch(ROOT_CHECK);
    this.settle.touch(joinRel(relDir, filename.split(path.sep).join('/')));
  }

  private onWatcherError(relDir: string, err: Error): void {
    if (this.closed) return;
    if (isGoneError(err)) this.settle.touch(relDir === '' ? ROOT_CHECK : relDir);
    else this.sink.onError(watchFailureFrom(err, relDir));
  }

  private enqueue(paths: string[]): void {
    this.chain = this.chain.then(() => this.resolve(paths)).catch((err: unknown) => this.reportBug(err));
  }

  private enqueueRelist(relDir: string): void {
    this.chain = this.chain
      .then(async () => {
        const names = await readdir(fsPath(this.abs(relDir)), { encoding: 'buffer' }).catch(() => []);
        for (const name of names) this.settle.touch(joinRel(relDir, decodeName(name)));
      })
      .catch((err: unknown) => this.reportBug(err));
  }

  /** Examines settled paths and turns what is on disk now into changes. */
  private async resolve(paths: string[]): Promise<void> {
    if (this.closed) return;
    if (paths.includes(ROOT_CHECK) && !(await this.rootStillThere())) {
      this.watchers.closeAll();
      this.settle.close();
      this.sink.onChanges([{ kind: 'dir-removed', path: '' }]);
      return;
    }
    const relPaths = paths.filter((p) => p !== ROOT_CHECK);
    const stats = await lstatMany(relPaths.map((p) => this.abs(p)));
    const changes: RawChange[] = [];
    const newDirs: { relDir: string; ino: number }[] = [];
    relPaths.forEach((relPath, i) => {
      const outcome = classifyEntry(
        relPath,
        stats[i] as Stats | Error,
        this.watchers.inoOf(relPath),
        this.rootDev,
      );
      if (outcome.dropDir) this.dropDir(relPath, changes);
      if (outcome.change) changes.push(outcome.change);
      if (outcome.adopt) newDirs.push(outcome.adopt);
    });
    for (const { relDir, ino } of newDirs) await this.adoptDir(relDir, ino, changes);
    if (!this.closed && changes.length > 0) this.sink.onChanges(changes);
  }

  private dropDir(relDir: string, changes: RawChange[]): void {
    this.watchers.remove(relDir);
    changes.push({ kind: 'dir-removed', path: relDir });
  }

  /** A directory that appeared (created or moved in): watch it first, then list it, so nothing slips between. */
  private async adoptDir(relDir: string, ino: number, changes: RawChange[]): Promise<void> {
    if (this.closed) return;
    try {
      this.watchers.add(relDir, ino);
    } catch (err) {
      if (!isGoneError(err)) this.sink.onError(watchFailureFrom(err, relDir));
      return;
    }
    changes.push({ kind: 'dir-added', path: relDir });
    const entries = await readdir(fsPath(this.abs(relDir)), {
      withFileTypes: true,
      encoding: 'buffer',
    }).catch(() => []);
    for (const entry of entries) {
      const child = joinRel(relDir, decodeName(entry.name));
      if (!entry.isDirectory()) {
        this.settle.touch(child);
        continue;
      }
      const stat = await lstatMany([this.abs(child)]);
      const childStat = stat[0];
      if (
        childStat &&
        !(childStat instanceof Error) &&
        childStat.isDirectory() &&
        childStat.dev === this.rootDev
      ) {
        await this.adoptDir(child, childStat.ino, changes);
      }
    }
  }

  private async rootStillThere(): Promise<boolean> {
    const [stat] = await lstatMany([this.root]);
    return stat !== undefined && !(stat instanceof Error) && stat.isDirectory() && stat.ino === this.rootIno;
  }

  private reportBug(err: unknown): void {
    if (this.closed) return;
    const message = `watching stopped unexpectedly: ${err instanceof Error ? err.message : String(err)}`;
    this.sink.onError({ code: 'EWATCH', path: '', message, recoverable: true });
  }

  private abs(relPath: string): string {
    return relPath === '' ? this.root : path.join(this.root, relPath);
  }
}
