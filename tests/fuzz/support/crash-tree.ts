/**
 * The crash loop's folders: a large managed root (most of its files older than the age limit), an outside
 * folder beside it that must never change, a link planted in the root pointing at it, a data folder and
 * a config file. `refill` puts the old half back after a cleanup removed it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { MS_PER_DAY } from '../../../shared/units.js';
import { hashTree } from './case-tree.js';

export interface CrashTree {
  root: string;
  outside: string;
  dataDir: string;
  configFile: string;
  /** Relative paths of the files older than the limit: exactly what a cleanup must plan. */
  oldFiles: string[];
  youngFiles: string[];
}

const FILES_PER_DIR = 100;
export const MAX_AGE_DAYS = 7;

/** Writes `files` small files below `dir/root`, 100 per folder, and the config managing it by age. */
export function buildCrashTree(dir: string, files: number): CrashTree {
  const tree: CrashTree = {
    root: path.join(dir, 'root'),
    outside: path.join(dir, 'outside'),
    dataDir: path.join(dir, 'data'),
    configFile: path.join(dir, 'config.yaml'),
    oldFiles: [],
    youngFiles: [],
  };
  for (let i = 0; i < files; i++) {
    const d = Math.floor(i / FILES_PER_DIR);
    const old = d % 2 === 0 ? true : i % 4 === 0;
    const rel = `d${d}/${old ? 'old' : 'new'}-${i}.wav`;
    (old ? tree.oldFiles : tree.youngFiles).push(rel);
  }
  // Even folders hold only old files (emptied, then removed by a cleanup); odd ones one old file in four,
  // so a cleanup also meets folders it must keep: 62.5% of the files are old.
  fs.mkdirSync(tree.outside, { recursive: true });
  fs.writeFileSync(path.join(tree.outside, 'precious.wav'), 'precious outside file, 40 days old');
  const old = new Date(Date.now() - 40 * MS_PER_DAY);
  fs.utimesSync(path.join(tree.outside, 'precious.wav'), old, old);
  fs.mkdirSync(tree.root, { recursive: true });
  fs.symlinkSync(tree.outside, path.join(tree.root, 'planted-link'));
  writeAll(tree.root, tree.youngFiles, MS_PER_DAY);
  refill(tree);
  fs.writeFileSync(
    tree.configFile,
    [
      'cleanup_on_startup: false',
      'folders:',
      '  - name: outputs',
      `    path: ${JSON.stringify(tree.root)}`,
      `    max_age_days: ${MAX_AGE_DAYS}`,
      '',
    ].join('\n'),
  );
  return tree;
}

function writeAll(root: string, rels: readonly string[], ageMs: number): void {
  const when = new Date(Date.now() - ageMs);
  for (const rel of rels) {
    const abs = path.join(root, rel);
    if (fs.existsSync(abs)) continue;
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, rel);
    fs.utimesSync(abs, when, when);
  }
}

/** Writes back every old file a cleanup removed (30 days old, well over the limit). */
export function refill(tree: CrashTree): void {
  writeAll(tree.root, tree.oldFiles, 30 * MS_PER_DAY);
}

/** Relative paths of every regular file below the root now (links not followed). */
export function listFiles(root: string): Set<string> {
  const out = new Set<string>();
  const entries = fs.readdirSync(root, { recursive: true, withFileTypes: true });
  for (const e of entries) {
    if (e.isFile()) out.add(path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
  }
  return out;
}

/** A digest of the outside folder, and whether the planted link is still a link. */
export function outsideState(tree: CrashTree): string {
  let link = 'missing';
  try {
    link = fs.lstatSync(path.join(tree.root, 'planted-link')).isSymbolicLink() ? 'link' : 'not a link';
  } catch {
    // Reported below as 'missing'.
  }
  return `${hashTree(tree.outside)} ${link}`;
}
