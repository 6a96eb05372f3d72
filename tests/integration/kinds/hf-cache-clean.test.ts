/**
 * Issue 11: a Hugging Face hub cache cleaned by the real CLI (`headroom clean`, a separate process), then
 * read by Hugging Face's own scanner (`@huggingface/hub`'s scanCacheDir): no warnings, exactly the repos
 * and revisions Headroom says remain, no dangling link.
 */
import { scanCacheDir } from '@huggingface/hub';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunRecord } from '../../../shared/types.js';
import { DAY_MS, HfCache, danglingLinks, hash, rev } from '../../support/hf-cache-tree.js';
import { runCli } from '../../support/run-cli.js';

let dir: string;
let hub: string;
let cache: HfCache;
beforeEach(async () => {
  dir = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'headroom-hf-')));
  hub = path.join(dir, 'hub');
  cache = new HfCache(hub);
});
afterEach(() => fs.rm(dir, { recursive: true, force: true }));

/**
 * The issue's cache: three repos. org/small (main, used 60 days ago); org/big with a detached revision
 * b1 (90 days) and main b2 (5 days) sharing config.json's blob; dataset org/data (main, 2 days) with a
 * 100 KB partial download 3 days old. About 1.4 MB in all.
 */
async function issueCache(): Promise<void> {
  const S = 'models--org--small';
  const B = 'models--org--big';
  const D = 'datasets--org--data';
  await cache.blob(S, hash('1'), 1024, 60 * DAY_MS);
  await cache.blob(S, hash('2'), 300_000, 60 * DAY_MS);
  await cache.link(S, rev('a'), 'config.json', hash('1'), 60 * DAY_MS);
  await cache.link(S, rev('a'), 'model.safetensors', hash('2'), 60 * DAY_MS);
  await cache.ref(S, 'main', rev('a'), 60 * DAY_MS);
  await cache.file(`.locks/${S}/${hash('2')}.lock`, '', 60 * DAY_MS);

  await cache.blob(B, hash('3'), 1024, 90 * DAY_MS);
  await cache.blob(B, hash('4'), 400_000, 90 * DAY_MS);
  await cache.blob(B, hash('5'), 400_000, 5 * DAY_MS);
  await cache.link(B, rev('b'), 'config.json', hash('3'), 90 * DAY_MS);
  await cache.link(B, rev('b'), 'weights/model.bin', hash('4'), 90 * DAY_MS);
  await cache.link(B, rev('c'), 'config.json', hash('3'), 5 * DAY_MS);
  await cache.link(B, rev('c'), 'weights/model.bin', hash('5'), 5 * DAY_MS);
  await cache.ref(B, 'main', rev('c'), 5 * DAY_MS);
  await cache.file(`${B}/.no_exist/${rev('c')}/tokenizer.json`, '', 5 * DAY_MS);
  await cache.file(`.locks/${B}/${hash('5')}.lock`, '', 5 * DAY_MS);

  await cache.blob(D, hash('6'), 200_000, 2 * DAY_MS);
  await cache.blob(D, hash('7'), 100_000, 3 * DAY_MS, '.incomplete');
  await cache.link(D, rev('d'), 'data/train.parquet', hash('6'), 2 * DAY_MS);
  await cache.ref(D, 'main', rev('d'), 2 * DAY_MS);
}

async function clean(limits: string): Promise<RunRecord> {
  const config = path.join(dir, 'config.yaml');
  await fs.writeFile(config, `folders:\n  - name: hub\n    path: ./hub\n    kind: huggingface\n${limits}`);
  const result = await runCli(['--config', config, '--data-dir', path.join(dir, 'data'), 'clean', '--json']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as RunRecord;
}

/** What Hugging Face's scanner sees: `repo@revision`, sorted. */
async function hfRevisions(): Promise<string[]> {
  const info = await scanCacheDir(hub);
  expect(info.warnings.map((w) => w.message)).toEqual([]);
  return info.repos.flatMap((r) => r.revisions.map((v) => `${r.id.type}:${r.id.name}@${v.commitOid}`)).sort();
}

describe('kind: huggingface, cleaned by the CLI and read by @huggingface/hub (issue 11)', () => {
  it("the issue's three repos over a size limit: garbage and whole revisions go, the cache stays valid", async () => {
    await issueCache();
    expect(await hfRevisions()).toHaveLength(4);
    const record = await clean('    max_size_gb: 0.001\n');
    const [hubResult] = record.folders;
    expect(hubResult?.errors).toEqual([]);
    expect(hubResult?.units?.map((u) => [u.id, u.reason, u.outcome])).toEqual([
      [`partial:datasets--org--data/blobs/${hash('7')}.incomplete`, 'partial', 'removed'],
      [`models--org--big@${rev('b')}`, 'size', 'removed'],
      [`models--org--small@${rev('a')}`, 'size', 'removed'],
    ]);
    expect(hubResult?.units?.[1]?.label).toMatch(
      /^org\/big revision bbbbbbbb… 391 KB, last used 90 days ago, detached$/,
    );
    expect(await hfRevisions()).toEqual([`dataset:org/data@${rev('d')}`, `model:org/big@${rev('c')}`]);
    expect(await danglingLinks(hub)).toEqual([]);
    // The shared config blob stays with the revision that still links to it; org/small went whole.
    expect(existsSync(path.join(hub, 'models--org--big', 'blobs', hash('3')))).toBe(true);
    expect(existsSync(path.join(hub, 'models--org--big', 'blobs', hash('4')))).toBe(false);
    expect(existsSync(path.join(hub, 'models--org--small'))).toBe(false);
    expect(existsSync(path.join(hub, '.locks', 'models--org--small'))).toBe(false);
    expect(existsSync(path.join(hub, 'models--org--big', 'refs', 'main'))).toBe(true);
  });

  it('preview lists the revisions as units with their files under them, and removes nothing', async () => {
    await issueCache();
    const config = path.join(dir, 'config.yaml');
    await fs.writeFile(
      config,
      'folders:\n  - name: hub\n    path: ./hub\n    kind: huggingface\n    max_size_gb: 0.001\n',
    );
    const result = await runCli(['--config', config, '--data-dir', path.join(dir, 'data'), 'preview']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^hub: 3 units \(\d+ files\), .* to free$/m);
    expect(result.stdout).toMatch(
      /^ {2}size {5}org\/small revision aaaaaaaa… \d+ KB, last used 60 days ago$/m,
    );
    expect(result.stdout).toContain(`models--org--small/snapshots/${rev('a')}/model.safetensors`);
    expect(result.stdout).toMatch(/note: last use is read from (access|modification) times/);
    expect(await hfRevisions()).toHaveLength(4);
  });

  it('max_files counts revisions: the least recently used go, refs of a remaining repo stay', async () => {
    await issueCache();
    const record = await clean('    max_files: 1\n');
    const ids = record.folders[0]?.units?.map((u) => u.id);
    expect(ids).toEqual([
      `partial:datasets--org--data/blobs/${hash('7')}.incomplete`,
      `models--org--big@${rev('b')}`,
      `models--org--small@${rev('a')}`,
      `models--org--big@${rev('c')}`,
    ]);
    expect(await hfRevisions()).toEqual([`dataset:org/data@${rev('d')}`]);
    expect(await danglingLinks(hub)).toEqual([]);
    // org/big and org/small went whole, their locks with them (the emptied .locks folder too).
    expect(await fs.readdir(hub)).toEqual(['datasets--org--data']);
  });

  it('a non-main revision of a kept repo goes with its ref, and the repo keeps a refs folder', async () => {
    const R = 'models--org--two';
    await cache.blob(R, hash('1'), 5000, 30 * DAY_MS);
    await cache.blob(R, hash('2'), 5000, 1 * DAY_MS);
    await cache.link(R, rev('a'), 'model.bin', hash('1'), 30 * DAY_MS);
    await cache.link(R, rev('b'), 'model.bin', hash('2'), 1 * DAY_MS);
    await cache.ref(R, 'v1', rev('a'), 30 * DAY_MS);
    await cache.ref(R, 'main', rev('b'), 1 * DAY_MS);
    await clean('    max_age_days: 7\n');
    expect(await hfRevisions()).toEqual([`model:org/two@${rev('b')}`]);
    expect(await fs.readdir(path.join(hub, R, 'refs'))).toEqual(['main']);
  });

  it('keeps a young revision (a download in progress) and says so', async () => {
    const R = 'models--org--new';
    await cache.blob(R, hash('1'), 5000, 60_000);
    await cache.link(R, rev('a'), 'model.bin', hash('1'), 60_000);
    await cache.ref(R, 'main', rev('a'), 60_000);
    const record = await clean('    max_size_gb: 0.000001\n');
    expect(record.folders[0]?.units ?? []).toEqual([]);
    expect(record.folders[0]?.notes.join(' ')).toMatch(/size: .* 1 revision changed within the last 10 min/);
    expect(await hfRevisions()).toEqual([`model:org/new@${rev('a')}`]);
  });
});
