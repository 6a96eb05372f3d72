/**
 * Carries out one mutation on a case's root, synchronously (nothing else runs in between), and says what
 * it did to the tagged files. A mutation never writes through a link: when a folder on the way is no
 * longer a real folder it does nothing, so the test itself can never change the outside folder.
 *
 * A mutation never frees an inode either: what it deletes or overwrites is moved to a graveyard beside
 * the root. The executor's identity check (device, inode, size, mtime: DESIGN.md invariant 2) cannot tell
 * the planned file from a new one that reuses its freed inode with a forged size and mtime; the fuzzer
 * found that (two `replace-same` in a row), and it is a limit of the contract, not a race (see the report
 * of issue 7).
 */
import fs from 'node:fs';
import path from 'node:path';
import { MS_PER_DAY } from '../../../shared/units.js';
import { readTag, tagCensus, writeTagged, type CaseTree } from './case-tree.js';
import type { MutationKind } from './race-case.js';

/** A mutation with its paths chosen (relative to the root). */
export interface ResolvedMutation {
  kind: MutationKind;
  target: string;
  /** `rename-onto`: the file moved onto `target`. */
  source?: string;
  other: number;
}

/** What an applied mutation did to tagged files: the ones it destroyed and the ones it created. */
export interface MutationEffect {
  destroyed: string[];
  created: string[];
}

const NOTHING: MutationEffect = { destroyed: [], created: [] };

function lstatOrNull(abs: string): fs.Stats | null {
  try {
    return fs.lstatSync(abs);
  } catch {
    return null;
  }
}

/** True when every folder above `rel` (inside the root) is a real folder, not a link or a file. */
function realParents(root: string, rel: string): boolean {
  const parts = rel.split('/');
  let current = root;
  for (const part of parts.slice(0, -1)) {
    current = path.join(current, part);
    const st = lstatOrNull(current);
    if (!st || st.isSymbolicLink() || !st.isDirectory()) return false;
  }
  return true;
}

/** The regular file at `rel`, reached through real folders only; null otherwise. */
function regularFile(root: string, rel: string): { abs: string; st: fs.Stats } | null {
  if (!realParents(root, rel)) return null;
  const abs = path.join(root, rel);
  const st = lstatOrNull(abs);
  return st?.isFile() ? { abs, st } : null;
}

function realDir(root: string, rel: string): string | null {
  if (!realParents(root, rel)) return null;
  const abs = path.join(root, rel);
  const st = lstatOrNull(abs);
  return st?.isDirectory() && !st.isSymbolicLink() ? abs : null;
}

const tagOf = (abs: string) => readTag(abs);

/** "Deletes" a file or folder from the root by moving it beside it, so its inode stays taken. */
function bury(abs: string, tree: CaseTree): void {
  fs.mkdirSync(tree.graveyard, { recursive: true });
  fs.renameSync(abs, path.join(tree.graveyard, tree.nextTag().slice(1, 9)));
}
const tags = (...list: (string | null)[]) => list.filter((t): t is string => t !== null);

/** Applies `m`; null when it could not apply (its file or folder is gone or not what it needs). */
export function applyMutation(m: ResolvedMutation, tree: CaseTree): MutationEffect | null {
  if (m.kind === 'dir-to-link' || m.kind === 'dir-delete' || m.kind === 'dir-to-file') {
    return applyDirMutation(m, tree);
  }
  if (m.kind === 'new-file') return newFile(m, tree);
  if (m.kind === 'rename-onto') return renameOnto(m, tree);
  const file = regularFile(tree.root, m.target);
  if (!file) return null;
  const { abs, st } = file;
  const moved = () => `${abs}.moved${tree.nextTag().slice(1, 9)}`;
  switch (m.kind) {
    case 'delete': {
      const destroyed = tags(tagOf(abs));
      bury(abs, tree);
      return { destroyed, created: [] };
    }
    case 'rename-away':
      fs.renameSync(abs, moved());
      return NOTHING;
    case 'grow':
      fs.appendFileSync(abs, 'b'.repeat(1 + (m.other % 100)));
      // Half the time the mtime is put back, so only the size tells the file changed.
      if (m.other % 2 === 0) fs.utimesSync(abs, st.atime, st.mtimeMs / 1000);
      return NOTHING;
    case 'touch': {
      const deltaMs = (m.other % 2 === 0 ? 1 : -1) * (1000 + m.other * 997);
      const mtimeMs = m.other % 5 === 0 ? Date.now() : st.mtimeMs + deltaMs;
      fs.utimesSync(abs, st.atime, mtimeMs / 1000);
      return NOTHING;
    }
    case 'replace-same': {
      // A new inode with the same name, size and mtime: only device and inode tell it apart.
      const created = tree.nextTag();
      const destroyed = tags(tagOf(abs));
      writeTagged(`${abs}.rep`, created, st.size, st.mtimeMs);
      bury(abs, tree);
      fs.renameSync(`${abs}.rep`, abs);
      return { destroyed, created: [created] };
    }
    case 'file-to-link':
      fs.renameSync(abs, moved());
      fs.symlinkSync(path.join(tree.mirror, m.target), abs);
      return NOTHING;
  }
}

function renameOnto(m: ResolvedMutation, tree: CaseTree): MutationEffect | null {
  // A file renamed onto itself is no mutation (and burying the target would take the source with it).
  if (m.source === undefined || m.source === m.target) return null;
  const source = regularFile(tree.root, m.source);
  if (!source || !realParents(tree.root, m.target)) return null;
  const targetAbs = path.join(tree.root, m.target);
  const existing = lstatOrNull(targetAbs);
  if (existing && !existing.isFile()) return null;
  const destroyed = existing ? tags(tagOf(targetAbs)) : [];
  if (existing) bury(targetAbs, tree);
  try {
    fs.renameSync(source.abs, targetAbs);
  } catch (error) {
    // Under real races the delete worker may have removed the source since it was looked at.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  return { destroyed, created: [] };
}

function newFile(m: ResolvedMutation, tree: CaseTree): MutationEffect | null {
  const dirRel = path.posix.dirname(m.target);
  const dir = dirRel === '.' ? tree.root : realDir(tree.root, dirRel);
  if (dir === null) return null;
  const tag = tree.nextTag();
  // Old enough to be removable, and never planned: it must survive the run.
  writeTagged(path.join(dir, `new-${tag.slice(1, 9)}.wav`), tag, 10 + m.other, Date.now() - 40 * MS_PER_DAY);
  return { destroyed: [], created: [tag] };
}

function applyDirMutation(m: ResolvedMutation, tree: CaseTree): MutationEffect | null {
  const abs = realDir(tree.root, m.target);
  if (abs === null) return null;
  if (m.kind === 'dir-delete') {
    const destroyed = [...tagCensus(abs).keys()];
    bury(abs, tree);
    return { destroyed, created: [] };
  }
  fs.renameSync(abs, `${abs}.moved${tree.nextTag().slice(1, 9)}`);
  if (m.kind === 'dir-to-link') {
    // The mirror holds files with the planned names, sizes and mtimes: only the walk can tell.
    fs.symlinkSync(path.join(tree.mirror, m.target), abs);
    return NOTHING;
  }
  const tag = tree.nextTag();
  writeTagged(abs, tag, 10 + m.other, Date.now() - 40 * MS_PER_DAY);
  return { destroyed: [], created: [tag] };
}
