/**
 * chokidar 5 behind the same port, kept so the benchmark measures it beside `fsWatchBackend` in one run.
 * chokidar walks the tree itself (the scan's directory list is not used) and watches every file.
 * File events go through the same settle-then-lstat step as the fs.watch backend, so both report alike.
 */
import { watch as chokidarWatch } from 'chokidar';
import path from 'node:path';
import type { Stats } from 'node:fs';
import { lstatMany } from '../../electron/engine/live/lstat-many.js';
import { SettleQueue } from '../../electron/engine/live/settle-queue.js';
import type {
  RawChange,
  WatchBackend,
  WatchHandle,
  WatchSink,
} from '../../electron/engine/live/watch-backend.js';
import { watchFailureFrom } from '../../electron/engine/live/watch-failure.js';

export interface ChokidarBackendOptions {
  settleMs?: number;
  /** Called once chokidar finished its initial walk (the benchmark times it). */
  onReady?: () => void;
}

export function createChokidarBackend(options: ChokidarBackendOptions = {}): WatchBackend {
  return {
    name: 'chokidar 5',
    watch: (root, _dirs, sink) => startChokidar(root, sink, options),
  };
}

export const chokidarBackend: WatchBackend = createChokidarBackend();

function startChokidar(root: string, sink: WatchSink, options: ChokidarBackendOptions): WatchHandle {
  let closed = false;
  let chain: Promise<void> = Promise.resolve();
  const rel = (abs: string): string => path.relative(root, abs).split(path.sep).join('/');
  const resolve = async (relPaths: string[]): Promise<void> => {
    const stats = await lstatMany(relPaths.map((p) => path.join(root, p)));
    const changes: RawChange[] = relPaths.map((p, i) => toChange(p, stats[i] as Stats | Error));
    if (!closed) sink.onChanges(changes);
  };
  const settle = new SettleQueue(options.settleMs ?? 150, 25, (paths) => {
    chain = chain.then(() => resolve(paths)).catch(() => undefined);
  });
  const watcher = chokidarWatch(root, {
    ignoreInitial: true,
    followSymlinks: false,
    awaitWriteFinish: false,
    atomic: false,
    persistent: true,
  });
  watcher.on('add', (p) => settle.touch(rel(p)));
  watcher.on('change', (p) => settle.touch(rel(p)));
  watcher.on('unlink', (p) => settle.touch(rel(p)));
  watcher.on('addDir', (p) => {
    if (!closed && p !== root) sink.onChanges([{ kind: 'dir-added', path: rel(p) }]);
  });
  watcher.on('unlinkDir', (p) => {
    if (!closed) sink.onChanges([{ kind: 'dir-removed', path: p === root ? '' : rel(p) }]);
  });
  watcher.on('error', (err) => {
    if (!closed) sink.onError(watchFailureFrom(err, ''));
  });
  watcher.on('ready', () => options.onReady?.());
  return {
    addDir: () => undefined, // chokidar finds new directories itself
    removeDir: () => undefined,
    watchedDirCount: () => Object.keys(watcher.getWatched()).length,
    async close() {
      closed = true;
      settle.close();
      await watcher.close();
      await chain;
    },
  };
}

function toChange(relPath: string, stat: Stats | Error): RawChange {
  if (!(stat instanceof Error) && stat.isFile()) {
    return { kind: 'upsert', path: relPath, sizeBytes: stat.size, mtimeMs: stat.mtimeMs };
  }
  return { kind: 'remove', path: relPath };
}
