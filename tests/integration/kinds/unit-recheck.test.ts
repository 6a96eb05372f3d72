/**
 * Issue 11: every re-check the removal core makes for files applies to a model cache's entries, and a
 * unit one of whose entries changed after planning is kept whole, the record saying why.
 */
import { scanCacheDir } from '@huggingface/hub';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planFolders } from '../../../electron/engine/cleanup/plan-folders.js';
import { executePlan } from '../../../electron/engine/executor/execute-plan.js';
import { folderRules } from '../../support/folder-rules.js';
import { DAY_MS, HfCache, danglingLinks, hash, rev } from '../../support/hf-cache-tree.js';

let hub: string;
let cache: HfCache;
beforeEach(async () => {
  hub = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'headroom-hf-recheck-')));
  cache = new HfCache(hub);
  const R = 'models--org--m';
  // Two revisions, both past the age limit; they share blob 1.
  await cache.blob(R, hash('1'), 1000, 30 * DAY_MS);
  await cache.blob(R, hash('2'), 2000, 30 * DAY_MS);
  await cache.blob(R, hash('3'), 3000, 20 * DAY_MS);
  await cache.link(R, rev('a'), 'config.json', hash('1'), 30 * DAY_MS);
  await cache.link(R, rev('a'), 'model.bin', hash('2'), 30 * DAY_MS);
  await cache.link(R, rev('b'), 'config.json', hash('1'), 20 * DAY_MS);
  await cache.link(R, rev('b'), 'model.bin', hash('3'), 20 * DAY_MS);
  await cache.ref(R, 'main', rev('b'), 20 * DAY_MS);
});
afterEach(() => fs.rm(hub, { recursive: true, force: true }));

const rules = () => folderRules({ path: hub, kind: 'huggingface', maxAgeDays: 7 });

async function planAndRun(between: () => Promise<void>) {
  const [planned] = await planFolders([rules()], Date.now());
  const plan = planned!.plan!;
  expect(plan.units?.map((u) => u.id)).toEqual([`models--org--m@${rev('a')}`, `models--org--m@${rev('b')}`]);
  await between();
  return executePlan({ root: hub, plan, rules: rules(), nowMs: () => Date.now() });
}

describe('unit removal re-checks every entry (issue 11)', () => {
  it('a blob rewritten after planning keeps its whole revision, and the blob it shares', async () => {
    const result = await planAndRun(() =>
      fs.appendFile(path.join(hub, 'models--org--m/blobs', hash('3')), 'x'),
    );
    expect(result.units?.map((u) => [u.id, u.outcome])).toEqual([
      [`models--org--m@${rev('a')}`, 'removed'],
      [`models--org--m@${rev('b')}`, 'kept'],
    ]);
    expect(result.units?.[1]?.detail).toMatch(
      /^kept whole: .*blobs\/3{64} size changed from 2.9 KB to 2.9 KB/,
    );
    const kept = result.skipped.filter((s) => s.why === 'unit-kept').map((s) => s.path);
    expect(kept).toContain(`models--org--m/blobs/${hash('1')}`);
    expect(kept).toContain(`models--org--m/snapshots/${rev('b')}/model.bin`);
    expect(existsSync(path.join(hub, 'models--org--m/blobs', hash('1')))).toBe(true);
    expect(await danglingLinks(hub)).toEqual([]);
    const info = await scanCacheDir(hub);
    expect(info.warnings).toEqual([]);
    expect(info.repos.flatMap((r) => r.revisions.map((v) => v.commitOid))).toEqual([rev('b')]);
  });

  it('a snapshot link swapped for another link after planning is never removed, nor followed', async () => {
    const link = path.join(hub, 'models--org--m/snapshots', rev('a'), 'model.bin');
    const outside = path.join(hub, '..', `outside-${path.basename(hub)}`);
    await fs.writeFile(outside, 'precious');
    try {
      const result = await planAndRun(async () => {
        await fs.rm(link);
        await fs.symlink(outside, link);
      });
      expect(result.units?.find((u) => u.id.endsWith(rev('a')))?.outcome).toBe('kept');
      expect((await fs.lstat(link)).isSymbolicLink()).toBe(true);
      expect(await fs.readFile(outside, 'utf8')).toBe('precious');
      expect(existsSync(path.join(hub, 'models--org--m/blobs', hash('2')))).toBe(true);
    } finally {
      await fs.rm(outside, { force: true });
    }
  });

  it('nothing changed: both revisions and the whole repo go', async () => {
    const result = await planAndRun(async () => {});
    expect(result.units?.every((u) => u.outcome === 'removed')).toBe(true);
    expect(result.errors).toEqual([]);
    expect(await fs.readdir(hub)).toEqual([]);
  });
});
