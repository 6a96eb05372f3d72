/**
 * Where an impact check finds a folder's files: the live index when it holds this folder under the same
 * counting rules (no second scan), otherwise one scan (a new folder, a new path, a changed exclude).
 */
import type { FileColumns } from '../../core/file-columns.js';
import type { FolderRules } from '../../../shared/types.js';
import type { FolderIndex } from '../index/folder-index.js';
import { scanFolder } from '../scan/scan-folder.js';
import type { FilesOf } from './config-impact.js';

/** The live index of a folder counted exactly as `rules` count it, or null. */
export type IndexOf = (rules: FolderRules) => FolderIndex | null;

export function folderFiles(indexOf: IndexOf): FilesOf {
  return async (rules) => {
    const index = indexOf(rules);
    if (index !== null) return indexColumns(index);
    const scan = await scanFolder(rules.path);
    return scan.exists && scan.error === null ? scan.files : null;
  };
}

/** The index as planner columns; device and inode are unknown there and unused by the comparison. */
export function indexColumns(index: FolderIndex): FileColumns {
  const n = index.fileCount;
  const paths: string[] = [];
  const sizeBytes = new Float64Array(n);
  const mtimeMs = new Float64Array(n);
  index.forEach((path, size, mtime) => {
    sizeBytes[paths.length] = size;
    mtimeMs[paths.length] = mtime;
    paths.push(path);
  });
  const zeros = new Float64Array(n);
  return { count: paths.length, path: (i) => paths[i]!, sizeBytes, mtimeMs, dev: zeros, ino: zeros };
}
