/**
 * Issue 11: an Ollama models folder cleaned by the real CLI: whole model tags go, a blob only when no
 * remaining manifest lists it, and every remaining manifest's config and layers still exist.
 */
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunRecord } from '../../../shared/types.js';
import { runCli } from '../../support/run-cli.js';

const DAY_MS = 86_400_000;
let dir: string;
let models: string;
beforeEach(async () => {
  dir = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'headroom-ollama-')));
  models = path.join(dir, 'models');
});
afterEach(() => fs.rm(dir, { recursive: true, force: true }));

const digest = (c: string) => `sha256:${c.repeat(64)}`;
const blobPath = (d: string) => path.join(models, 'blobs', d.replace(':', '-'));

async function aged(file: string, ageMs: number): Promise<void> {
  const t = (Date.now() - ageMs) / 1000;
  await fs.utimes(file, t, t);
}

async function blob(d: string, sizeBytes: number, ageMs: number, suffix = ''): Promise<void> {
  await fs.mkdir(path.join(models, 'blobs'), { recursive: true });
  await fs.writeFile(blobPath(d) + suffix, Buffer.alloc(sizeBytes, 1));
  await aged(blobPath(d) + suffix, ageMs);
}

async function manifest(model: string, tag: string, config: string, layers: string[], ageMs: number) {
  const file = path.join(models, 'manifests', 'registry.ollama.ai', 'library', model, tag);
  await fs.mkdir(path.dirname(file), { recursive: true });
  const layer = (d: string) => ({ mediaType: 'application/vnd.ollama.image.model', digest: d, size: 1 });
  await fs.writeFile(
    file,
    JSON.stringify({ schemaVersion: 2, config: { digest: config, size: 1 }, layers: layers.map(layer) }),
  );
  await aged(file, ageMs);
}

/** Every layer and config of every remaining manifest, with whether its blob exists. */
async function missingLayers(): Promise<string[]> {
  const missing: string[] = [];
  const walk = async (d: string): Promise<void> => {
    for (const e of await fs.readdir(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else {
        const m = JSON.parse(await fs.readFile(p, 'utf8')) as {
          config: { digest: string };
          layers: { digest: string }[];
        };
        for (const x of [m.config, ...m.layers])
          if (!existsSync(blobPath(x.digest))) missing.push(`${p}: ${x.digest}`);
      }
    }
  };
  await walk(path.join(models, 'manifests'));
  return missing;
}

async function clean(limits: string): Promise<RunRecord> {
  const config = path.join(dir, 'config.yaml');
  await fs.writeFile(config, `folders:\n  - name: ollama\n    path: ./models\n    kind: ollama\n${limits}`);
  const result = await runCli(['--config', config, '--data-dir', path.join(dir, 'data'), 'clean', '--json']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as RunRecord;
}

describe('kind: ollama, cleaned by the CLI (issue 11)', () => {
  it('removes the least recently used tag whole, keeps layers another tag lists, and partial downloads go', async () => {
    // llama3:latest and llama3:8b share a layer; phi3 is the oldest.
    await blob(digest('a'), 500_000, 50 * DAY_MS); // phi3 weights
    await blob(digest('b'), 100, 50 * DAY_MS); // phi3 config
    await blob(digest('c'), 600_000, 10 * DAY_MS); // shared llama weights
    await blob(digest('d'), 100, 10 * DAY_MS); // llama3:latest config
    await blob(digest('e'), 200, 40 * DAY_MS); // llama3:8b config (older)
    await blob(digest('f'), 300_000, 2 * DAY_MS, '-partial'); // an abandoned pull
    await manifest('phi3', 'latest', digest('b'), [digest('a')], 50 * DAY_MS);
    await manifest('llama3', 'latest', digest('d'), [digest('c')], 10 * DAY_MS);
    await manifest('llama3', '8b', digest('e'), [digest('c')], 40 * DAY_MS);

    const record = await clean('    max_files: 1\n');
    expect(record.folders[0]?.errors).toEqual([]);
    expect(record.folders[0]?.units?.map((u) => [u.label.split(' ')[0], u.reason, u.outcome])).toEqual([
      [`partial`, 'partial', 'removed'],
      ['library/phi3:latest', 'count', 'removed'],
      ['library/llama3:8b', 'count', 'removed'],
    ]);
    expect(await missingLayers()).toEqual([]);
    expect(existsSync(blobPath(digest('c')))).toBe(true);
    expect(existsSync(blobPath(digest('e')))).toBe(false);
    expect(existsSync(blobPath(digest('a')))).toBe(false);
    expect(existsSync(path.join(models, 'manifests', 'registry.ollama.ai', 'library', 'phi3'))).toBe(false);
  });

  it('a manifest that is not JSON means nothing is removed, and the run says why', async () => {
    await blob(digest('a'), 500_000, 50 * DAY_MS);
    await manifest('phi3', 'latest', digest('b'), [digest('a')], 50 * DAY_MS);
    const bad = path.join(models, 'manifests', 'registry.ollama.ai', 'library', 'broken', 'latest');
    await fs.mkdir(path.dirname(bad), { recursive: true });
    await fs.writeFile(bad, '{ not json');
    const record = await clean('    max_files: 1\n    max_age_days: 1\n');
    expect(record.folders[0]?.filesRemoved).toBe(0);
    expect(record.folders[0]?.notes.join(' ')).toMatch(/broken\/latest cannot be read as an Ollama manifest/);
    expect(existsSync(blobPath(digest('a')))).toBe(true);
  });
});
