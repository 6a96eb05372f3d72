/**
 * The removal core (DESIGN.md invariants 1 and 2), used by every removal: planned files, the folders
 * they leave empty, moves to the trash, dry runs. Every call works relative to a folder opened from the
 * root one bare name at a time without following links (pinned-dirs.ts), so a folder renamed or swapped
 * for a link while the run goes on cannot redirect a removal outside the root. Synchronous: it runs on the
 * delete worker thread (delete-worker.ts), or on the caller's thread in tests.
 */
import { hasEscapes } from '../../../shared/byte-names.js';
import type { DirFs, DirHandle } from './dir-fs.js';
import { errorCode, errorMessage } from '../fs/errno.js';
import { isTransientCode } from './errors.js';
import { judgeFile } from './judge-file.js';
import { loadNativeDirFs } from './native-dir-fs.js';
import { openWriterCheck } from './open-writers.js';
import { pathDirFs } from './path-dir-fs.js';
import { PinnedDirs, refusalOfOpen, sharedDetail, skip, type Refusal } from './pinned-dirs.js';
import { STOP_NONE, type JobFile, type JobOutcome, type JobResult, type RemovalJob } from './removal-job.js';
import { removeEmptiedDirs } from './remove-emptied-dirs.js';
import { CROSS_DEVICE, KEPT, trashFile } from './trash-file.js';
import { TrashChain, type TrashPlace } from './trash-target.js';

export interface RemovalHooks {
  /** Read before each file: STOP_NONE runs on; anything else stops before the next file. */
  stop: () => number;
  /**
   * After each file of the first pass, with the disk bytes it gave back and whether it was removed (or
   * moved to the trash; in a dry run, would have been).
   */
  onFileDone: (freedBytes: number, removed: boolean) => void;
  /** Waits `ms` (or less, once stopped) before the retry of transient failures. */
  sleep: (ms: number) => void;
  /** Epoch ms for trash records. */
  nowMs: () => number;
}

type Transient = { kind: 'transient'; code: string; message: string };
type Step = JobOutcome | Transient;

/** The `DirFs` a job runs on: the addon where it is built, else the path fallback. */
export function dirFsFor(job: Pick<RemovalJob, 'forcePathFallback'>): DirFs {
  if (job.forcePathFallback) return pathDirFs;
  const native = loadNativeDirFs();
  return native.ok ? native.dirFs : pathDirFs;
}

/**
 * Windows alone has no trash folder Headroom can rename into itself: there the host's trash takes the
 * file by path. On Linux and macOS the trash chain runs on either port, so a machine without the addon
 * still renames within one mount or keeps the file; the `trash` package would copy across mounts and
 * delete the source tree recursively (issue 10, finding 2).
 */
function hostTrashOnly(place: TrashPlace): boolean {
  return place.platform === 'win32';
}

/** On the fallback, a folder another user can write to: not ours (nor root's), or group/other-writable. */
function sharedFolderTest(dirFs: DirFs): ((dir: DirHandle) => boolean) | null {
  if (dirFs.raceFree || process.platform === 'win32') return null;
  const uid = process.getuid?.() ?? 0;
  return (dir) => (dir.uid !== uid && dir.uid !== 0) || (dir.mode & 0o022) !== 0;
}

/** Carries out `job`; never throws for a file's failure. */
export function runRemovalJob(job: RemovalJob, hooks: RemovalHooks, dirFs = dirFsFor(job)): JobResult {
  const result: JobResult = {
    outcomes: new Array(job.files.length),
    diskFreed: new Array(job.files.length).fill(0),
    trashed: job.action === 'trash' && !job.dryRun,
    removedDirs: [],
    dirErrors: [],
    pathFallback: !dirFs.raceFree,
  };
  const root = openRoot(job, dirFs);
  if ('kind' in root) {
    job.files.forEach((file, i) => {
      result.outcomes[i] = file.refusal ? { kind: 'skip', ...file.refusal } : root;
      hooks.onFileDone(0, false);
    });
    return result;
  }
  const isShared = sharedFolderTest(dirFs);
  const pins = new PinnedDirs(dirFs, root, isShared);
  const trash =
    result.trashed && !hostTrashOnly(job.trashPlace)
      ? new TrashChain(dirFs, job.trashPlace, job.rootRealPath, job.rootDev)
      : null;
  try {
    const ctx: FileCtx = {
      job,
      dirFs,
      pins,
      trash,
      inUse: openWriterCheck(job.rootDev),
      rootShared: isShared?.(root) ?? false,
      nowMs: hooks.nowMs,
    };
    carryOut(ctx, hooks, result);
    const dirs = removeEmptiedDirs(
      dirFs,
      pins,
      heldDirs(job, result),
      job.dryRun,
      () => [...job.removedBefore, ...removedPaths(job, result)],
      new Set(job.keepDirs ?? []),
    );
    result.removedDirs = dirs.removedDirs;
    result.dirErrors = dirs.errors;
  } finally {
    trash?.close();
    pins.closeAll();
  }
  return result;
}

interface FileCtx {
  job: RemovalJob;
  dirFs: DirFs;
  pins: PinnedDirs;
  trash: TrashChain | null;
  inUse: (ino: number) => boolean;
  rootShared: boolean;
  nowMs: () => number;
}

/** The first pass in plan order, then one retry of the files that failed with a transient error. */
function carryOut(ctx: FileCtx, hooks: RemovalHooks, result: JobResult): void {
  const retries: number[] = [];
  const finish = (i: number, step: Step, freed: number) => {
    if (step !== null && step.kind === 'transient') retries.push(i);
    else result.outcomes[i] = step;
    result.diskFreed[i] = freed;
  };
  for (const i of visitOrder(ctx.job.files)) {
    if (hooks.stop() !== STOP_NONE) break;
    const file = ctx.job.files[i] as JobFile;
    const [step, freed] = file.refusal ? [{ kind: 'skip' as const, ...file.refusal }, 0] : safely(ctx, file);
    finish(i, step, freed);
    hooks.onFileDone(freed, step === null);
  }
  if (retries.length === 0) return;
  hooks.sleep(ctx.job.retryDelayMs);
  for (const i of retries) {
    if (hooks.stop() !== STOP_NONE) return;
    const [step, freed] = safely(ctx, ctx.job.files[i] as JobFile);
    result.diskFreed[i] = freed;
    result.outcomes[i] =
      step !== null && step.kind === 'transient'
        ? {
            kind: 'skip',
            why: 'retry-later',
            detail: `${step.code} twice (${step.message}); it will be tried again at the next run`,
          }
        : step;
  }
}

/** Files taken together per folder within a chunk of the plan, and the chunks in plan order. */
const CHUNK = 65_536;

/**
 * The order files are visited in: the plan's (oldest first) chunk by chunk, and within a chunk folder by
 * folder, as `find -delete` goes. Visiting 50,000 files in age order jumped between 1,000 folders at every
 * file; by folder the kernel finds each folder's entries warm (bench/: cleanup against find -delete). A
 * cancelled or stopped run has still removed the oldest files but for part of one chunk.
 */
function visitOrder(files: readonly JobFile[]): number[] {
  const order: number[] = [];
  for (let start = 0; start < files.length; start += CHUNK) {
    const end = Math.min(files.length, start + CHUNK);
    const chunk: { i: number; key: number }[] = [];
    for (let i = start; i < end; i++) {
      const f = files[i] as JobFile;
      chunk.push({ i, key: f.dir });
    }
    chunk.sort((a, b) => a.key - b.key || a.i - b.i);
    for (const c of chunk) order.push(c.i);
  }
  return order;
}

function safely(ctx: FileCtx, file: JobFile): [Step, number] {
  try {
    return removeOne(ctx, file);
  } catch (error) {
    return [{ kind: 'error', code: errorCode(error), message: errorMessage(error) }, 0];
  }
}

/** Checks one planned file through its pinned folder and removes it by its bare name. */
function removeOne(ctx: FileCtx, file: JobFile): [Step, number] {
  const { job, dirFs } = ctx;
  if (ctx.rootShared) return [skip('shared-folder', sharedDetail('')), 0];
  const dir = ctx.pins.get(job.dirs[file.dir] as string[]);
  if ('kind' in dir) return [dir, 0];
  let st;
  try {
    st = dirFs.stat(dir, file.name);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT') return [skip('gone', 'the file no longer exists'), 0];
    return [{ kind: 'error', code, message: errorMessage(error) }, 0];
  }
  const refusal = judgeFile(file, st, job.rootDev, ctx.inUse);
  if (refusal !== null) return [refusal, 0];
  const freed = st.nlink === 1 ? st.diskBytes : 0;
  if (job.dryRun) return [null, job.action === 'trash' ? 0 : freed];
  try {
    if (job.action === 'trash' && file.link === true) {
      return [skip('trash-unavailable', 'a link moved to the trash would dangle there; it was kept'), 0];
    }
    if (job.action === 'trash') return [trashOne(ctx, dir, file.name), 0];
    dirFs.unlink(dir, file.name);
    return [null, freed];
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT') return [skip('gone', 'disappeared while it was being removed'), 0];
    const message = errorMessage(error);
    return [
      isTransientCode(code) ? { kind: 'transient', code, message } : { kind: 'error', code, message },
      0,
    ];
  }
}

/** Into the first trash folder the file can be renamed into; one that answers EXDEV is dropped. */
function trashOne(ctx: FileCtx, dir: DirHandle, name: string): JobOutcome {
  if (ctx.trash === null) {
    // Windows: the host's trash (the `trash` package, Electron's shell) takes paths as text, and would
    // miss a name that is not UTF-8.
    if (hasEscapes(dir.absPath) || hasEscapes(name)) {
      return skip('trash-unavailable', `the system trash cannot take a name that is not UTF-8; ${KEPT}`);
    }
    return { kind: 'hand-off', absPath: `${dir.absPath}/${name}` };
  }
  for (let target = ctx.trash.current(); target !== null; target = ctx.trash.current()) {
    const outcome = trashFile(ctx.dirFs, target, dir, name, ctx.nowMs());
    if (outcome === null || outcome.kind !== 'skip' || outcome.detail !== CROSS_DEVICE) return outcome;
    ctx.trash.drop(`${target.files.absPath} is on another mount than the folder`);
  }
  return skip('trash-unavailable', `no trash folder can take this file (${ctx.trash.whyNone()}); ${KEPT}`);
}

/** The root, opened and compared with the identity the run resolved it to. */
function openRoot(job: RemovalJob, dirFs: DirFs): DirHandle | Refusal {
  let root: DirHandle;
  try {
    root = dirFs.openDir(job.rootRealPath);
  } catch (error) {
    const refusal = refusalOfOpen(error, job.rootRealPath);
    return refusal.kind === 'skip'
      ? { ...refusal, detail: `the folder root: ${refusal.detail}; nothing was removed` }
      : refusal;
  }
  if (root.dev !== job.rootDev || root.ino !== job.rootIno) {
    dirFs.close(root);
    return skip('outside-root', 'the folder root was replaced after the run began; nothing was removed');
  }
  return root;
}

/** The folders that held a file this job (or an earlier job of the run) removed. */
function heldDirs(job: RemovalJob, result: JobResult): Set<string> {
  const held = new Set<number>();
  result.outcomes.forEach((o, i) => o === null && held.add((job.files[i] as JobFile).dir));
  const keys = new Set([...held].map((d) => (job.dirs[d] as string[]).join('/')));
  for (const file of job.removedBefore) {
    const slash = file.lastIndexOf('/');
    keys.add(slash < 0 ? '' : file.slice(0, slash));
  }
  return keys;
}

function removedPaths(job: RemovalJob, result: JobResult): string[] {
  const paths: string[] = [];
  result.outcomes.forEach((o, i) => {
    if (o !== null) return;
    const f = job.files[i] as JobFile;
    const parts = job.dirs[f.dir] as string[];
    paths.push(parts.length === 0 ? f.name : `${parts.join('/')}/${f.name}`);
  });
  return paths;
}
