/**
 * Reads a Hugging Face hub cache (`~/.cache/huggingface/hub`) into units: each `snapshots/<revision>` of a
 * repo is one, with the blobs its links point at; `refs/` names the revisions that are not detached;
 * `.locks/<repo>` and `.no_exist` go with their repo or revision, never on their own.
 */
import path from 'node:path';
import type { StoreGroup, StoreTree, StoreUnit } from '../../core/store-tree.js';
import { fileBytes, walkStore, type WalkedEntry } from './store-walk.js';
import { promises as fs } from 'node:fs';

export type StoreRead = { ok: true; tree: StoreTree } | { ok: false; reason: string };

const REPO_DIR = /^(models|datasets|spaces)--(.+)$/;

export async function readHfCache(root: string, useAtime: boolean): Promise<StoreRead> {
  const tree: StoreTree = {
    units: [],
    blobs: [],
    partials: [],
    groups: [],
    otherBytes: 0,
    useAtime,
    keepDirs: [],
    unitNoun: 'revision',
  };
  try {
    const names = (await fs.readdir(root)).sort();
    const locks = await walkStore(root, '.locks');
    for (const name of names) {
      if (name === '.locks') continue;
      const stat = await fs.lstat(path.join(root, name));
      if (stat.isDirectory() && REPO_DIR.test(name)) {
        const repoLocks = locks.filter((l) => l.path.startsWith(`.locks/${name}/`));
        const entries = await walkStore(root, name);
        readRepo(tree, name, entries, repoLocks, await readRefs(root, entries));
      } else if (stat.isDirectory()) {
        tree.otherBytes += fileBytes(await walkStore(root, name));
      } else if (stat.isFile()) tree.otherBytes += stat.size;
    }
    const grouped = new Set(tree.groups.flatMap((g) => g.files.map((f) => f.path)));
    tree.otherBytes += fileBytes(locks.filter((l) => !grouped.has(l.path)));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    return { ok: false, reason: `could not read the Hugging Face cache (${code}); nothing is removed` };
  }
  return { ok: true, tree };
}

/** One `models--org--name` folder: its revisions, blobs, partial downloads and own files. */
function readRepo(
  tree: StoreTree,
  repo: string,
  entries: WalkedEntry[],
  locks: WalkedEntry[],
  refs: Map<string, string>,
): void {
  const under = (dir: string) => entries.filter((e) => e.path.startsWith(`${repo}/${dir}/`));
  const rest = (e: WalkedEntry) => e.path.slice(repo.length + 1).split('/');
  const blobPaths = new Set<string>();
  for (const blob of under('blobs')) {
    if (blob.entry === 'link') continue;
    if (blob.path.endsWith('.incomplete')) tree.partials.push(blob);
    else {
      tree.blobs.push(blob);
      blobPaths.add(blob.path);
    }
  }
  const units = new Map<string, StoreUnit>();
  const unitOf = (rev: string): StoreUnit => {
    let unit = units.get(rev);
    if (!unit) {
      unit = {
        id: `${repo}@${rev}`,
        name: `${repoName(repo)} revision ${rev.slice(0, 8)}…`,
        detached: true,
        files: [],
        blobs: [],
        group: repo,
      };
      units.set(rev, unit);
    }
    return unit;
  };
  for (const file of under('snapshots')) {
    const unit = unitOf(rest(file)[1] ?? '');
    unit.files.push(file);
    const blob = file.target === undefined ? null : linkedBlob(file.path, file.target);
    if (blob !== null && blobPaths.has(blob) && !unit.blobs.includes(blob)) unit.blobs.push(blob);
  }
  const keepDirs = ['refs', 'snapshots', 'blobs'].map((d) => `${repo}/${d}`);
  const group: StoreGroup = { id: repo, files: [...locks], keepDirs };
  for (const ref of under('refs')) {
    const unit = units.get(refs.get(ref.path) ?? '');
    if (unit && ref.entry !== 'link') {
      unit.detached = false;
      unit.files.push(ref);
    } else group.files.push(ref);
  }
  for (const e of entries) {
    const top = rest(e)[0];
    if (top === 'blobs' || top === 'snapshots' || top === 'refs') continue;
    const rev = top === '.no_exist' ? units.get(rest(e)[1] ?? '') : undefined;
    (rev ? rev.files : group.files).push(e);
  }
  tree.units.push(...units.values());
  tree.groups.push(group);
}

/** The revision each ref file names (its whole content is the commit hash). */
async function readRefs(root: string, entries: readonly WalkedEntry[]): Promise<Map<string, string>> {
  const refs = new Map<string, string>();
  for (const e of entries) {
    if (e.entry === 'link' || e.path.split('/')[1] !== 'refs' || e.sizeBytes > 4096) continue;
    refs.set(e.path, (await fs.readFile(path.join(root, e.path), 'utf8')).trim());
  }
  return refs;
}

/** The blob a snapshot link points at (`../../blobs/<hash>` relative to its folder), or null. */
function linkedBlob(linkPath: string, target: string): string | null {
  if (path.posix.isAbsolute(target) || target.includes('\\')) return null;
  const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(linkPath), target));
  const [repo, blobs, name, more] = resolved.split('/');
  const linkRepo = linkPath.split('/')[0];
  return repo === linkRepo && blobs === 'blobs' && name && more === undefined ? resolved : null;
}

/** `models--org--name` → "org/name"; datasets and spaces say so. */
function repoName(dir: string): string {
  const [, type, id] = REPO_DIR.exec(dir) ?? [];
  const name = (id ?? dir).replace(/--/g, '/');
  return type === 'models' ? name : `${type === 'datasets' ? 'dataset' : 'space'} ${name}`;
}
