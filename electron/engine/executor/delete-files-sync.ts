/**
 * The fast delete path's core: checks and unlinks a folder's planned files with synchronous calls, in
 * plan order, under the same invariants as the async path (DESIGN.md 1 and 2). It runs in a worker
 * thread (delete-worker.ts); tests and the race fuzzer run it through a `SyncFsOps` of their own.
 *
 * Per file it makes, in this order: one `lstat` of each folder from the real root down to the file's
 * folder, compared with the identities validated for that folder earlier in the run (a full walk, with
 * the async path's verdicts, the first time a folder is met or when a comparison fails); one `lstat` of
 * the file (regular, the root's device, the planned device, inode, size and mtime, the grace period);
 * the `unlink`. The async path looks at the folders and the file twice; the first look only validated
 * what the second repeats, so the last look at every folder and at the file, and the calls between it
 * and the unlink, are the same as there: a swap of any folder before its last `lstat`, or of the file
 * before its `lstat`, is caught exactly as well, and the window left is the one no path-based remover
 * can close (process-planned-file.ts).
 */
import path from 'node:path';
import type { Stats } from 'node:fs';
import type { SkipWhy } from '../../../shared/types.js';
import { type DirIdentity, type Refusal, describeChange, failedLstat } from './check-planned-file.js';
import type { DeleteJob, JobFile, JobOutcome } from './delete-job.js';
import { errorCode, errorMessage, isTransientCode } from './fs-ops.js';

/** The synchronous calls the fast path makes; `fs.lstatSync` and `fs.unlinkSync` in production. */
export interface SyncFsOps {
  lstat(path: string): Stats;
  unlink(path: string): void;
}

export interface SyncRunHooks {
  /** Checked before each file is started: true stops the run there (the rest stay `undefined`). */
  cancelled: () => boolean;
  /** Called after each file with the bytes it freed (0 unless removed). */
  onFileDone: (freedBytes: number) => void;
}

const skip = (why: SkipWhy, detail: string): Refusal => ({ kind: 'skip', why, detail });

/**
 * Carries out `job` and returns each file's outcome by index (`undefined` for files not started because
 * the run was cancelled). Never throws for a file's failure.
 */
export function deleteFilesSync(
  job: DeleteJob,
  ops: SyncFsOps,
  hooks: SyncRunHooks,
): (JobOutcome | undefined)[] {
  const outcomes: (JobOutcome | undefined)[] = new Array(job.files.length);
  const chains = new Map<string, DirIdentity[]>();
  for (let i = 0; i < job.files.length; i++) {
    if (hooks.cancelled()) break;
    const file = job.files[i] as JobFile;
    let outcome: JobOutcome;
    try {
      outcome = file.refusal ? { kind: 'skip', ...file.refusal } : deleteOne(job, file, chains, ops);
    } catch (error) {
      outcome = { kind: 'error', code: errorCode(error), message: errorMessage(error) };
    }
    outcomes[i] = outcome;
    hooks.onFileDone(outcome === null ? file.sizeBytes : 0);
  }
  return outcomes;
}

function deleteOne(
  job: DeleteJob,
  file: JobFile,
  chains: Map<string, DirIdentity[]>,
  ops: SyncFsOps,
): JobOutcome {
  const dirKey = file.dirParts.join('/');
  const chain = checkChain(job, file.dirParts, chains.get(dirKey), ops);
  if (!Array.isArray(chain)) {
    chains.delete(dirKey);
    return chain;
  }
  chains.set(dirKey, chain);
  const absPath = path.join(chain.at(-1)?.absPath ?? job.rootRealPath, file.name);
  const refusal = checkFile(job, file, absPath, ops);
  if (refusal !== null) return refusal;
  if (job.dryRun) return null;
  try {
    ops.unlink(absPath);
    return null;
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT')
      return { kind: 'skip', why: 'gone', detail: 'disappeared while it was being removed' };
    const message = errorMessage(error);
    return isTransientCode(code) ? { kind: 'transient', code, message } : { kind: 'error', code, message };
  }
}

/**
 * The folders from the root down to the file's folder, each `lstat`ed now. When every one is still the
 * folder validated before (same device and inode: a directory's type cannot change), that is the answer;
 * otherwise the folders are walked afresh, so the verdict is the one the async path's walk would give.
 */
function checkChain(
  job: DeleteJob,
  dirParts: string[],
  known: DirIdentity[] | undefined,
  ops: SyncFsOps,
): DirIdentity[] | Refusal {
  if (known !== undefined && sameChain(known, ops)) return known;
  return walkChain(job, dirParts, ops);
}

function sameChain(known: DirIdentity[], ops: SyncFsOps): boolean {
  for (const dir of known) {
    try {
      const st = ops.lstat(dir.absPath);
      if (st.ino !== dir.ino || st.dev !== dir.dev || !st.isDirectory()) return false;
    } catch {
      return false;
    }
  }
  return true;
}

/** The async path's `walkParents`, synchronous: every folder a real directory on the root's device. */
function walkChain(job: DeleteJob, dirParts: string[], ops: SyncFsOps): DirIdentity[] | Refusal {
  const chain: DirIdentity[] = [];
  let current = job.rootRealPath;
  for (let i = 0; i < dirParts.length; i++) {
    current = path.join(current, dirParts[i] as string);
    const rel = dirParts.slice(0, i + 1).join('/');
    let st;
    try {
      st = ops.lstat(current);
    } catch (error) {
      return failedLstat(error, `folder ${rel}`);
    }
    if (st.isSymbolicLink()) return skip('outside-root', `folder ${rel} is now a symbolic link`);
    if (!st.isDirectory()) return skip('changed', `${rel} is no longer a folder`);
    if (st.dev !== job.rootDev)
      return skip('outside-root', `folder ${rel} is a mount point of another device`);
    chain.push({ absPath: current, dev: st.dev, ino: st.ino });
  }
  return chain;
}

/** The last look at the file before its unlink: the async path's checks of the file, in its order. */
function checkFile(job: DeleteJob, file: JobFile, absPath: string, ops: SyncFsOps): Refusal | null {
  let st;
  try {
    st = ops.lstat(absPath);
  } catch (error) {
    return failedLstat(error, 'the file');
  }
  if (st.isSymbolicLink())
    return skip('not-a-regular-file', 'is now a symbolic link (links are never removed)');
  if (!st.isFile()) return skip('not-a-regular-file', 'is no longer a regular file');
  if (st.dev !== job.rootDev) return skip('outside-root', 'is on another device than the folder root');
  const change = describeChange(file, st);
  if (change !== null) return skip('changed', change);
  if (file.tooYoung !== null) return skip('too-young', file.tooYoung);
  return null;
}
