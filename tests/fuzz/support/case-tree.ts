/**
 * The real folders of one race case: the managed root, and beside it an `outside` folder holding
 * "precious" files and a `mirror` of the root (same names, sizes and mtimes, other inodes) for links to
 * point at, so a followed link would find a file that looks exactly like the planned one.
 * Every file starts with a tag (`T00000042;`) so the census can tell which file went where.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FileEntry } from '../../../shared/types.js';
import type { FileSpec } from './race-case.js';

export const TAG_BYTES = 10;

export interface CaseTree {
  root: string;
  outside: string;
  /** `outside/mirror`: a copy of the root as it was built. */
  mirror: string;
  /** Where mutations put what they delete (beside the root, not hashed with the outside). */
  graveyard: string;
  nextTag: () => string;
}

/** Tagged content of exactly `sizeBytes` (at least TAG_BYTES). */
export function taggedContent(tag: string, sizeBytes: number): Buffer {
  const buf = Buffer.alloc(Math.max(sizeBytes, TAG_BYTES), 0x61);
  buf.write(tag, 0, 'latin1');
  return buf;
}

/** Writes a tagged file and sets its mtime (whole milliseconds, so a copy can match it exactly). */
export function writeTagged(abs: string, tag: string, sizeBytes: number, mtimeMs: number): void {
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  fs.writeFileSync(abs, taggedContent(tag, sizeBytes));
  const seconds = Math.round(mtimeMs) / 1000;
  fs.utimesSync(abs, seconds, seconds);
}

/** Builds root, mirror and precious files under `caseDir`, plus links planted in the root before the scan. */
export function buildCaseTree(caseDir: string, files: readonly FileSpec[], nowMs: number): CaseTree {
  let tagCount = 0;
  const nextTag = () => `T${String(tagCount++).padStart(8, '0')};`;
  const tree: CaseTree = {
    root: path.join(caseDir, 'root'),
    outside: path.join(caseDir, 'outside'),
    mirror: path.join(caseDir, 'outside', 'mirror'),
    graveyard: path.join(caseDir, 'graveyard'),
    nextTag,
  };
  fs.mkdirSync(tree.root, { recursive: true });
  for (const file of files) {
    const mtimeMs = Math.round(nowMs - file.ageMs);
    writeTagged(path.join(tree.root, file.path), nextTag(), file.sizeBytes, mtimeMs);
    writeTagged(path.join(tree.mirror, file.path), nextTag(), file.sizeBytes, mtimeMs);
  }
  const precious = path.join(tree.outside, 'precious');
  writeTagged(path.join(precious, 'photo.png'), nextTag(), 500, nowMs - 400 * 86_400_000);
  writeTagged(path.join(precious, 'thesis.wav'), nextTag(), 900, nowMs - 40 * 86_400_000);
  // Links that were there before planning: never planned, never removed, never followed.
  fs.symlinkSync(precious, path.join(tree.root, 'planted-dir-link'));
  fs.symlinkSync(path.join(precious, 'thesis.wav'), path.join(tree.root, 'planted-file-link.wav'));
  return tree;
}

interface Visit {
  rel: string;
  abs: string;
  st: fs.Stats;
}

/** Every entry below `dir` (links not followed, other devices not entered), depth first. */
function walk(dir: string, visit: (v: Visit) => void, rel = '', dev?: number): void {
  const top = dev ?? fs.lstatSync(dir).dev;
  for (const name of fs.readdirSync(dir).sort()) {
    const abs = path.join(dir, name);
    const childRel = rel === '' ? name : `${rel}/${name}`;
    const st = fs.lstatSync(abs);
    visit({ rel: childRel, abs, st });
    if (st.isDirectory() && st.dev === top) walk(abs, visit, childRel, top);
  }
}

/**
 * What a scan records: the regular files below `root`, links not followed. The fuzzer walks itself
 * because `scanFolder` boots a TypeScript worker per call when run from source (about 0.5 s), which
 * would cost 500 cases four minutes; the scanner has its own tests.
 */
export function scanEntries(root: string): FileEntry[] {
  const entries: FileEntry[] = [];
  walk(root, ({ rel, st }) => {
    if (st.isFile()) {
      entries.push({ path: rel, sizeBytes: st.size, mtimeMs: st.mtimeMs, dev: st.dev, ino: st.ino });
    }
  });
  return entries;
}

/** The tag at the start of a regular file, or null when it has none. */
export function readTag(abs: string): string | null {
  const fd = fs.openSync(abs, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
  try {
    const buf = Buffer.alloc(TAG_BYTES);
    const n = fs.readSync(fd, buf, 0, TAG_BYTES, 0);
    const tag = buf.toString('latin1', 0, n);
    return /^T\d{8};$/.test(tag) ? tag : null;
  } finally {
    fs.closeSync(fd);
  }
}

/** Tag → relative path of every tagged regular file below `root` now. */
export function tagCensus(root: string): Map<string, string> {
  const tags = new Map<string, string>();
  walk(root, ({ rel, abs, st }) => {
    if (!st.isFile()) return;
    const tag = readTag(abs);
    if (tag !== null) tags.set(tag, rel);
  });
  return tags;
}

/** A digest of everything below `dir`: names, types, sizes, mtimes, contents and link targets. */
export function hashTree(dir: string): string {
  const hash = createHash('sha256');
  walk(dir, ({ rel, abs, st }) => {
    const kind = st.isFile() ? 'f' : st.isDirectory() ? 'd' : st.isSymbolicLink() ? 'l' : 'o';
    hash.update(`${kind}\0${rel}\0${st.size}\0${st.mtimeMs}\0${st.ino}\0`);
    if (st.isFile()) hash.update(fs.readFileSync(abs));
    if (st.isSymbolicLink()) hash.update(fs.readlinkSync(abs));
  });
  return hash.digest('hex');
}
