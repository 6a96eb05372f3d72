/** Shared pieces of the live folder tests: rules for a temp root, ports that inject faults or stay deaf. */
import type { FolderRules } from '../../../shared/types.js';
import { nodeWatchDir, type WatchDirFn } from '../../../electron/engine/live/dir-watchers.js';
import type { RawChange, WatchBackend, WatchSink } from '../../../electron/engine/live/watch-backend.js';
import { folderRules } from '../../support/folder-rules.js';

export function rulesFor(root: string, overrides: Partial<FolderRules> = {}): FolderRules {
  return folderRules({ path: root, maxSizeBytes: 1024 ** 3, ...overrides });
}

/** A directory-watch port that throws `code` from its `nth` call on (1-based). */
export function watchDirFailingFrom(nth: number, code: string): WatchDirFn {
  let calls = 0;
  return (absDir, sink) => {
    if (++calls >= nth) throw Object.assign(new Error(`watch ${absDir} ${code}`), { code });
    return nodeWatchDir(absDir, sink);
  };
}

/** A backend that starts but never reports anything; `sink()` hands the test the sink to push failures into. */
export function deafBackend(): WatchBackend & { sink: () => WatchSink | null } {
  let captured: WatchSink | null = null;
  return {
    name: 'deaf',
    sink: () => captured,
    watch(_root, _dirs, sink) {
      captured = sink;
      return {
        addDir: () => undefined,
        removeDir: () => undefined,
        watchedDirCount: () => 0,
        close: async () => undefined,
      };
    },
  };
}

/** Wraps a backend and drops every `nth` upsert, as an unnoticed inotify queue overflow would. */
export function lossyBackend(inner: WatchBackend, nth: number): WatchBackend {
  let upserts = 0;
  const keep = (c: RawChange) => c.kind !== 'upsert' || ++upserts % nth !== 0;
  return {
    name: `lossy ${inner.name}`,
    watch: (root, dirs, sink) =>
      inner.watch(root, dirs, {
        onChanges: (c) => sink.onChanges(c.filter(keep)),
        onError: (f) => sink.onError(f),
      }),
  };
}
