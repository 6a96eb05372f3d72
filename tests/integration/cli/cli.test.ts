import { existsSync, statSync } from 'node:fs';
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../support/run-cli.js';
import { DAY_MS, makeTempDir, writeFiles } from '../../support/make-tree.js';

const MINUTE_MS = 60_000;

let dir: string;
let cleanup: () => Promise<void>;
let configFile: string;
let args: (...rest: string[]) => string[];

beforeEach(async () => {
  ({ dir, cleanup } = await makeTempDir('headroom-cli-'));
  configFile = join(dir, 'config.yaml');
  args = (...rest) => ['--config', configFile, '--data-dir', join(dir, 'data'), ...rest];
  // outputs: 4 × 300,000 B against a 0.001 GB (1,073,742 B) limit, cleaned down to 50% of it.
  await writeFiles(join(dir, 'outputs'), [
    { path: 'a.wav', sizeBytes: 300_000, ageMs: 10 * DAY_MS },
    { path: 'sub/b.wav', sizeBytes: 300_000, ageMs: 5 * DAY_MS },
    { path: 'c.wav', sizeBytes: 300_000, ageMs: 1 * DAY_MS },
    { path: 'young.wav', sizeBytes: 300_000, ageMs: 1 * MINUTE_MS },
  ]);
  // temp: 4 files, at most 2 and at most 7 days old.
  await writeFiles(join(dir, 'temp'), [
    { path: 't1.tmp', sizeBytes: 10, ageMs: 8 * DAY_MS },
    { path: 't2.tmp', sizeBytes: 10, ageMs: 3 * DAY_MS },
    { path: 't3.tmp', sizeBytes: 10, ageMs: 2 * DAY_MS },
    { path: 't4.tmp', sizeBytes: 10, ageMs: 1 * DAY_MS },
  ]);
  await writeFile(
    configFile,
    [
      '# test config',
      'warning_threshold_percent: 80',
      'folders:',
      '  - name: outputs',
      '    path: ./outputs',
      '    max_size_gb: 0.001',
      '    size_target_percent: 50',
      '  - name: temp',
      '    path: ./temp',
      '    max_files: 2',
      '    max_age_days: 7',
      '',
    ].join('\n'),
  );
});

afterEach(async () => cleanup());

describe('headroom CLI (separate process)', () => {
  it('status --json reports sizes, counts, limits and levels', async () => {
    const result = await runCli(args('status', '--json'));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const { folders } = JSON.parse(result.stdout);
    expect(folders.map((f: { name: string }) => f.name)).toEqual(['outputs', 'temp']);
    const [outputs, temp] = folders;
    expect(outputs).toMatchObject({ exists: true, sizeBytes: 1_200_000, fileCount: 4, level: 'over' });
    expect(outputs.limits).toEqual({
      maxSizeBytes: Math.round(0.001 * 1024 ** 3),
      maxFiles: null,
      maxAgeDays: null,
    });
    expect(temp).toMatchObject({ fileCount: 4, sizeBytes: 40, level: 'over', usagePercent: 200 });
  });

  it('preview --json lists exactly the files a cleanup would remove, with reasons', async () => {
    const result = await runCli(args('preview', '--json'));
    expect(result.code).toBe(0);
    const { folders } = JSON.parse(result.stdout);
    const summary = folders.map((f: { name: string; remove: { path: string; reason: string }[] }) => [
      f.name,
      f.remove.map((r) => `${r.path}:${r.reason}`),
    ]);
    expect(summary).toEqual([
      ['outputs', ['a.wav:size', 'sub/b.wav:size', 'c.wav:size']],
      ['temp', ['t1.tmp:age', 't2.tmp:count']],
    ]);
    expect(folders[0].bytesToFree).toBe(900_000);
    expect(existsSync(join(dir, 'outputs', 'a.wav'))).toBe(true);
  });

  it('clean removes the planned files, keeps the rest, and history records the run', async () => {
    const goneFiles = ['outputs/a.wav', 'outputs/sub/b.wav', 'outputs/c.wav', 'temp/t1.tmp', 'temp/t2.tmp'];
    // Freed means the disk blocks given back, as `du` counts them, beside the apparent size.
    const diskBytes = goneFiles.reduce((sum, f) => sum + statSync(join(dir, f)).blocks * 512, 0);
    const clean = await runCli(args('clean', '--json'));
    expect(clean.stderr).toBe('');
    expect(clean.code).toBe(0);
    const record = JSON.parse(clean.stdout);
    expect(record).toMatchObject({ trigger: 'manual', dryRun: false, status: 'completed', filesRemoved: 5 });
    expect(record.bytesFreed).toBe(diskBytes);
    const apparent = record.folders.reduce(
      (sum: number, f: { bytesRemoved: number }) => sum + f.bytesRemoved,
      0,
    );
    expect(apparent).toBe(900_020);
    for (const gone of goneFiles) {
      expect(existsSync(join(dir, gone)), gone).toBe(false);
    }
    for (const kept of ['outputs/young.wav', 'temp/t3.tmp', 'temp/t4.tmp'])
      expect(existsSync(join(dir, kept)), kept).toBe(true);
    expect(existsSync(join(dir, 'outputs', 'sub')), 'emptied subfolder removed').toBe(false);
    expect(existsSync(join(dir, 'outputs')), 'root kept').toBe(true);

    const history = JSON.parse((await runCli(args('history', '--json'))).stdout);
    expect(history.runs).toHaveLength(1);
    expect(history.runs[0]).toMatchObject({ id: record.id, status: 'completed', filesRemoved: 5 });
  });

  it('clean --dry-run removes nothing and reports what it would remove', async () => {
    const result = await runCli(args('clean', '--dry-run', '--folder', 'temp', '--json'));
    expect(result.code).toBe(0);
    const record = JSON.parse(result.stdout);
    expect(record.dryRun).toBe(true);
    expect(record.folders.map((f: { name: string }) => f.name)).toEqual(['temp']);
    expect(existsSync(join(dir, 'temp', 't1.tmp'))).toBe(true);
  });

  it('never follows a symlink out of the folder', async () => {
    const outside = join(dir, 'precious');
    await writeFiles(outside, [{ path: 'old.bin', sizeBytes: 5_000_000, ageMs: 100 * DAY_MS }]);
    await symlink(outside, join(dir, 'outputs', 'link-to-precious'));
    await symlink(join(outside, 'old.bin'), join(dir, 'outputs', 'link-to-file'));
    const result = await runCli(args('clean', '--json'));
    expect(result.code).toBe(0);
    expect(existsSync(join(outside, 'old.bin'))).toBe(true);
    expect(existsSync(join(dir, 'outputs', 'link-to-precious'))).toBe(true);
    expect(existsSync(join(dir, 'outputs', 'link-to-file'))).toBe(true);
  });

  it('human output is a table with units', async () => {
    const result = await runCli(args('status'));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/FOLDER\s+SIZE\s+FILES/);
    expect(result.stdout).toMatch(/outputs\s+1\.1 MB \/ 1 MB/);
  });

  it('check-config names the line and column of a typo, and exits 2', async () => {
    const text = await readFile(configFile, 'utf8');
    await writeFile(configFile, text.replace('    max_files: 2', '    max_file: 2'));
    const result = await runCli(args('check-config'));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/config\.yaml:10:5: .*max_file/);
    const status = await runCli(args('status'));
    expect(status.code).toBe(2);
  });

  it('refuses an unknown folder, an unknown command and a missing config with exit 2', async () => {
    const unknown = await runCli(args('preview', '--folder', 'nope'));
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no folder named "nope"/);
    expect((await runCli(['bogus'])).code).toBe(2);
    const missing = await runCli(['--config', join(dir, 'absent.yaml'), 'status']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/config file not found/);
  });

  it('writes a commented default config over folders of its own when there is none', async () => {
    const dataDir = join(dir, 'fresh');
    await mkdir(dataDir);
    const result = await runCli(['--data-dir', dataDir, 'status', '--json']);
    expect(result.code).toBe(0);
    const { folders } = JSON.parse(result.stdout);
    expect(folders.map((f: { name: string }) => f.name)).toEqual(['outputs', 'temp', 'vc_inputs']);
    for (const f of folders) expect(f.path.startsWith(join(dataDir, 'folders'))).toBe(true);
    expect(await readFile(join(dataDir, 'config.yaml'), 'utf8')).toMatch(/^#/m);
  });
});
