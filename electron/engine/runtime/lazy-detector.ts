/**
 * The engine's folder detector, built the first time detect is asked for. Its code (the tools' install
 * layouts, model-cache readers, YAML comments) is about 15 KB that status, preview and clean never use, so
 * it stays out of their start-up (#17: a CLI call's fixed cost is mostly loading code).
 */
import type { DetectHost } from '../detect/detect-host.js';
import type { DetectDeps, FolderDetector } from '../detect/folder-detector.js';

/** What the detector needs; `host` defaults to this machine's home, environment and temp folder. */
export type LazyDetectorDeps = Omit<DetectDeps, 'host'> & { host?: DetectHost };

/** A function that resolves to the one detector, loading its code on the first call. */
export function lazyDetector(deps: LazyDetectorDeps): () => Promise<FolderDetector> {
  let detector: Promise<FolderDetector> | null = null;
  return () =>
    (detector ??= (async () => {
      const [{ FolderDetector }, { systemDetectHost }] = await Promise.all([
        import('../detect/folder-detector.js'),
        import('../detect/detect-host.js'),
      ]);
      return new FolderDetector({ ...deps, host: deps.host ?? systemDetectHost() });
    })());
}
