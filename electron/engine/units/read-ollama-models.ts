/**
 * Reads an Ollama models folder (`~/.ollama/models`) into units: each manifest under `manifests/` is a
 * model tag, using the blobs (`blobs/sha256-<hex>`) its config and layers name. A manifest that cannot be
 * read means no blob can be known unused, so nothing is planned.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { StoreTree } from '../../core/store-tree.js';
import type { StoreRead } from './read-hf-cache.js';
import { fileBytes, walkStore } from './store-walk.js';

const DIGEST = /^sha256[:-]([0-9a-f]{64})$/;
/** A manifest is a few KB; anything far larger is not one. */
const MAX_MANIFEST_BYTES = 1024 * 1024;

export async function readOllamaModels(root: string, useAtime: boolean): Promise<StoreRead> {
  const tree: StoreTree = {
    units: [],
    blobs: [],
    partials: [],
    groups: [],
    otherBytes: 0,
    useAtime,
    keepDirs: ['manifests', 'blobs'],
    unitNoun: 'model',
  };
  try {
    for (const blob of await walkStore(root, 'blobs')) {
      if (blob.entry === 'link') continue;
      if (blob.path.includes('-partial')) tree.partials.push(blob);
      else tree.blobs.push(blob);
    }
    const present = new Set(tree.blobs.map((b) => b.path));
    for (const manifest of await walkStore(root, 'manifests')) {
      const digests =
        manifest.entry === 'link' ? null : await manifestDigests(root, manifest.path, manifest.sizeBytes);
      if (digests === null) {
        return {
          ok: false,
          reason: `${manifest.path} cannot be read as an Ollama manifest, so no blob can be known unused; nothing is removed`,
        };
      }
      const blobs = [...new Set(digests.map((hex) => `blobs/sha256-${hex}`))].filter((b) => present.has(b));
      tree.units.push({
        id: manifest.path,
        name: tagName(manifest.path),
        detached: false,
        files: [manifest],
        blobs,
        group: null,
      });
    }
    for (const name of await fs.readdir(root)) {
      if (name !== 'blobs' && name !== 'manifests')
        tree.otherBytes += fileBytes(await walkStore(root, name).catch(() => []));
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    return { ok: false, reason: `could not read the Ollama models folder (${code}); nothing is removed` };
  }
  return { ok: true, tree };
}

/** The hex digests a manifest names (config and layers), or null when it is not a manifest. */
async function manifestDigests(root: string, rel: string, size: number): Promise<string[] | null> {
  if (size > MAX_MANIFEST_BYTES) return null;
  let json: unknown;
  try {
    json = JSON.parse(await fs.readFile(path.join(root, rel), 'utf8'));
  } catch {
    return null;
  }
  if (typeof json !== 'object' || json === null) return null;
  const { config, layers } = json as { config?: unknown; layers?: unknown };
  if (!Array.isArray(layers)) return null;
  const digests: string[] = [];
  for (const item of config === undefined ? layers : [config, ...layers]) {
    const digest = (item as { digest?: unknown } | null)?.digest;
    const hex = typeof digest === 'string' ? DIGEST.exec(digest)?.[1] : undefined;
    if (hex === undefined) return null;
    digests.push(hex);
  }
  return digests;
}

/** `manifests/registry.ollama.ai/library/llama3/latest` → "library/llama3:latest" (other registries named). */
function tagName(rel: string): string {
  const parts = rel.split('/').slice(1);
  const tag = parts.pop() ?? '';
  if (parts[0] === 'registry.ollama.ai') parts.shift();
  return `${parts.join('/')}:${tag}`;
}
