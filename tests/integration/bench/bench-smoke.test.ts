/**
 * Keeps `npm run bench` from rotting: the smoke run (tiny trees, one run each) must finish and write every
 * measurement's JSON with its figures. Benchmarks are not tests: no figure's value is asserted.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BenchResult } from '../../../bench/lib/figures.js';

const runScript = fileURLToPath(new URL('../../../bench/run.ts', import.meta.url));
const EXPECTED = ['cleanup', 'cli', 'gauge', 'idle', 'memory', 'scan', 'startup', 'watch'];

let tmp: string;
let run: ReturnType<typeof spawnSync>;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'headroom-bench-smoke-'));
  run = spawnSync(
    process.execPath,
    ['--import', 'tsx', runScript, '--smoke', '--out', path.join(tmp, 'results')],
    {
      encoding: 'utf8',
      env: { ...process.env, HEADROOM_BENCH_CACHE: tmp },
      timeout: 280_000,
    },
  );
}, 300_000);

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('bench smoke run', () => {
  it('exits cleanly and prints the table with a reproduce command per measurement', () => {
    expect(run.stderr.toString()).not.toMatch(/Error/);
    expect(run.status).toBe(0);
    const stdout = run.stdout.toString();
    expect(stdout).toContain('Headroom (median)');
    for (const name of EXPECTED) expect(stdout).toContain(`npm run bench -- --smoke --only ${name}`);
  });

  it('writes one JSON file per measurement, each with figures, medians and its command', async () => {
    const dir = path.join(tmp, 'results');
    expect((await readdir(dir)).sort()).toEqual(EXPECTED.map((n) => `${n}.json`));
    for (const name of EXPECTED) {
      const result = JSON.parse(await readFile(path.join(dir, `${name}.json`), 'utf8')) as BenchResult;
      expect(result.name).toBe(name);
      expect(result.command).toContain(`--only ${name}`);
      expect(result.machine.cpus).toBeGreaterThan(0);
      expect(result.figures.length).toBeGreaterThan(0);
      for (const f of result.figures) {
        expect(f.values.length).toBeGreaterThan(0);
        expect(f.values.every(Number.isFinite)).toBe(true);
        expect(Number.isFinite(f.median)).toBe(true);
        if (f.reference && f.reference.median > 0) expect(f.ratio).toBeCloseTo(f.median / f.reference.median);
        else expect(f.ratio).toBeUndefined();
        if (f.target) expect(typeof f.met).toBe('boolean');
      }
    }
  });

  it('leaves no generated tree behind in its cache folder but the cached ones', async () => {
    const left = (await readdir(tmp)).filter((n) => n !== 'results');
    expect(left.every((n) => n.startsWith('headroom-bench-v1-'))).toBe(true);
  });
});
