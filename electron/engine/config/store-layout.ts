/**
 * Whether a folder configured as plain files is really a model cache (issue 11): cleaned file by file, a
 * Hugging Face cache loses the weights of a current revision while its links dangle, and an Ollama folder
 * loses layers its manifests still list. Such a folder is refused with the kind to use.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { FolderKind } from '../../../shared/types.js';

const REPO_DIR = /^(models|datasets|spaces)--./;

/** The kind whose layout `root` (or its `hub/` or `models/` folder) has, or null. */
export async function storeLayoutOf(root: string): Promise<Exclude<FolderKind, 'files' | 'manifest'> | null> {
  for (const dir of [root, path.join(root, 'hub')]) {
    if (await isRepo(dir)) return 'huggingface';
    const repos = (await names(dir)).filter((n) => REPO_DIR.test(n));
    for (const repo of repos) if (await isRepo(path.join(dir, repo))) return 'huggingface';
  }
  for (const dir of [root, path.join(root, 'models')]) {
    if ((await isDir(path.join(dir, 'manifests'))) && (await isDir(path.join(dir, 'blobs')))) return 'ollama';
  }
  return null;
}

/** A repo folder of a hub cache: `snapshots/` and `blobs/` side by side. */
async function isRepo(dir: string): Promise<boolean> {
  return (await isDir(path.join(dir, 'snapshots'))) && (await isDir(path.join(dir, 'blobs')));
}

async function isDir(p: string): Promise<boolean> {
  return fs.lstat(p).then(
    (st) => st.isDirectory(),
    () => false,
  );
}

async function names(dir: string): Promise<string[]> {
  return fs.readdir(dir).catch(() => []);
}

/** The sentence that refuses a files folder with a model cache's layout. */
export function wrongKindMessage(name: string, kind: 'huggingface' | 'ollama'): string {
  const what =
    kind === 'huggingface'
      ? 'a Hugging Face hub cache (snapshot links into blobs/)'
      : 'an Ollama models folder (manifests/ and blobs/)';
  return `${name} looks like ${what}: cleaned file by file it would lose parts of models that stay listed; set kind: ${kind} so whole revisions or models go`;
}
