/**
 * The one decision, just before a removal, of whether the entry found under a planned name is still the
 * file that was planned (DESIGN.md invariant 2). Both the removal of files and their trashing take it.
 */
import { formatBytes, formatDuration } from '../../../shared/format.js';
import type { EntryStat } from './dir-fs.js';
import { skip, type Refusal } from './pinned-dirs.js';
import type { JobFile } from './removal-job.js';

/** Compares the file as it is now with the file as planned; null when it is still the same file. */
export function describeChange(
  item: Pick<JobFile, 'dev' | 'ino' | 'sizeBytes' | 'mtimeMs'>,
  st: Pick<EntryStat, 'dev' | 'ino' | 'size' | 'mtimeMs'>,
): string | null {
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
 * Null when `st` may be removed: a regular file (never a link), on the root's device, with the planned
 * device, inode, size and mtime, older than the grace period, and not open for writing elsewhere. A file
 * planned as a link (`file.link`, a model cache's snapshot entry) must instead still be that very link,
 * judged by the link's own identity, never by what it points at.
 */
export function judgeFile(
  file: JobFile,
  st: EntryStat,
  rootDev: number,
  isOpenForWriting: (ino: number) => boolean,
): Refusal | null {
  if (file.link === true) {
    if (st.kind !== 'link') return skip('changed', 'is no longer the symbolic link that was planned');
  } else if (st.kind === 'link') {
    return skip('not-a-regular-file', 'is now a symbolic link (links are never removed)');
  } else if (st.kind !== 'file') return skip('not-a-regular-file', 'is no longer a regular file');
  if (st.dev !== rootDev) return skip('outside-root', 'is on another device than the folder root');
  const change = describeChange(file, st);
  if (change !== null) return skip('changed', change);
  if (file.tooYoung !== null) return skip('too-young', file.tooYoung);
  if (isOpenForWriting(st.ino)) return skip('in-use', 'is open for writing by another process');
  return null;
}
