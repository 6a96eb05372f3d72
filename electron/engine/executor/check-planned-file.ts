/**
 * Examines one planned file again just before it is removed (DESIGN.md invariants 1 and 2): the path is
 * walked from the real root with `lstat`, one component at a time, so no symbolic link is ever followed
 * and no mount point is crossed; the file must still be the regular file that was planned.
 */
import path from 'node:path';
import type { PlannedRemoval, SkipWhy } from '../../../shared/types.js';
import { formatBytes, formatDuration } from '../../../shared/format.js';
import { errorCode, errorMessage, type FsOps } from './fs-ops.js';
import type { RealRoot } from './resolve-root.js';

/** A directory on the way to a file, as `lstat` saw it. */
export interface DirIdentity {
  absPath: string;
  dev: number;
  ino: number;
}

/** What the check decided; `error` carries an errno the person has to act on (EACCES …). */
export type CheckVerdict =
  | { kind: 'ok'; absPath: string; parents: DirIdentity[] }
  | { kind: 'skip'; why: SkipWhy; detail: string }
  | { kind: 'error'; code: string; message: string };

export interface CheckInput {
  root: RealRoot;
  item: PlannedRemoval;
  /** Components of `item.path`, already refused if they could leave the root (see splitRelPath). */
  parts: string[];
  /** The time of this check, epoch ms. */
  nowMs: number;
  /** The grace period: files modified less than this long ago are never removed. */
  graceMs: number;
  fsOps: FsOps;
}

/** A verdict that stops the removal. */
export type Refusal = Exclude<CheckVerdict, { kind: 'ok' }>;

const skip = (why: SkipWhy, detail: string): Refusal => ({ kind: 'skip', why, detail });

/** Turns a failed `lstat` into a verdict: ENOENT means the file is gone, anything else is an error. */
export function failedLstat(error: unknown, what: string): Refusal {
  const code = errorCode(error);
  if (code === 'ENOENT') return skip('gone', `${what} no longer exists`);
  if (code === 'ENOTDIR') return skip('changed', `a folder on the way to ${what} is no longer a folder`);
  return { kind: 'error', code, message: errorMessage(error) };
}

/** Walks every intermediate directory with `lstat`: each must be a real directory on the root's device. */
async function walkParents(input: CheckInput): Promise<DirIdentity[] | CheckVerdict> {
  const { root, parts, fsOps } = input;
  const parents: DirIdentity[] = [];
  let current = root.realPath;
  for (let i = 0; i < parts.length - 1; i++) {
    current = path.join(current, parts[i] as string);
    const rel = parts.slice(0, i + 1).join('/');
    let st;
    try {
      st = await fsOps.lstat(current);
    } catch (error) {
      return failedLstat(error, `folder ${rel}`);
    }
    if (st.isSymbolicLink()) return skip('outside-root', `folder ${rel} is now a symbolic link`);
    if (!st.isDirectory()) return skip('changed', `${rel} is no longer a folder`);
    if (st.dev !== root.dev) return skip('outside-root', `folder ${rel} is a mount point of another device`);
    parents.push({ absPath: current, dev: st.dev, ino: st.ino });
  }
  return parents;
}

/** Compares the file as it is now with the file as planned; null when it is still the same file. */
export function describeChange(
  item: Pick<PlannedRemoval, 'dev' | 'ino' | 'sizeBytes' | 'mtimeMs'>,
  st: { dev: number; ino: number; size: number; mtimeMs: number },
) {
  if (st.dev !== item.dev || st.ino !== item.ino) return 'replaced by another file after planning';
  if (st.size !== item.sizeBytes) {
    return `size changed from ${formatBytes(item.sizeBytes)} to ${formatBytes(st.size)} after planning`;
  }
  if (st.mtimeMs !== item.mtimeMs) {
    const later = st.mtimeMs > item.mtimeMs ? 'later' : 'earlier';
    return `modified after planning (mtime ${formatDuration(st.mtimeMs - item.mtimeMs)} ${later})`;
  }
  return null;
}

/**
 * Walks to the planned file and checks it: a regular file (never a link), on the root's device, with the
 * planned device, inode, size and mtime, and older than the grace period.
 */
export async function checkPlannedFile(input: CheckInput): Promise<CheckVerdict> {
  const { item, root, fsOps } = input;
  const parents = await walkParents(input);
  if (!Array.isArray(parents)) return parents;
  const dir = parents.at(-1)?.absPath ?? root.realPath;
  const absPath = path.join(dir, input.parts.at(-1) as string);
  let st;
  try {
    st = await fsOps.lstat(absPath);
  } catch (error) {
    return failedLstat(error, 'the file');
  }
  if (st.isSymbolicLink())
    return skip('not-a-regular-file', 'is now a symbolic link (links are never removed)');
  if (!st.isFile()) return skip('not-a-regular-file', 'is no longer a regular file');
  if (st.dev !== root.dev) return skip('outside-root', 'is on another device than the folder root');
  const change = describeChange(item, st);
  if (change !== null) return skip('changed', change);
  const ageMs = input.nowMs - st.mtimeMs;
  if (ageMs < input.graceMs) {
    const ago = ageMs < 0 ? 'in the future' : `${formatDuration(ageMs)} ago`;
    return skip('too-young', `modified ${ago}, within the ${formatDuration(input.graceMs)} grace period`);
  }
  return { kind: 'ok', absPath, parents };
}

/**
 * Re-reads the directories walked by `checkPlannedFile` right before the removal: each must still be the
 * same real directory (device and inode), so a folder swapped for a link in between is caught.
 */
export async function recheckParents(parents: DirIdentity[], fsOps: FsOps): Promise<Refusal | null> {
  for (const dir of parents) {
    let st;
    try {
      st = await fsOps.lstat(dir.absPath);
    } catch (error) {
      return failedLstat(error, `folder ${path.basename(dir.absPath)}`);
    }
    if (st.isSymbolicLink() || !st.isDirectory() || st.dev !== dir.dev || st.ino !== dir.ino) {
      return skip(
        'outside-root',
        `folder ${path.basename(dir.absPath)} was replaced while the file was checked`,
      );
    }
  }
  return null;
}

/**
 * Looks at the file once more, after its folders were re-read and right before the unlink: the re-read
 * of the folders takes one call per level, and a file swapped meanwhile would otherwise go unseen.
 * This leaves one system call between the last look and the unlink, the window no path-based remover
 * can close.
 */
export async function recheckFile(
  absPath: string,
  item: PlannedRemoval,
  fsOps: FsOps,
): Promise<Refusal | null> {
  let st;
  try {
    st = await fsOps.lstat(absPath);
  } catch (error) {
    return failedLstat(error, 'the file');
  }
  if (st.isSymbolicLink()) return skip('not-a-regular-file', 'became a symbolic link while it was checked');
  if (!st.isFile()) return skip('not-a-regular-file', 'is no longer a regular file');
  const change = describeChange(item, st);
  return change === null ? null : skip('changed', `${change} (while it was checked)`);
}
