import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DAY_MS, makeTempDir, writeFiles } from '../../support/make-tree.js';
import { spawnCli } from '../../support/spawn-cli.js';
import type { RunningCli } from '../../support/spawn-cli.js';

let dir: string;
let cleanup: () => Promise<void>;
let running: RunningCli | null = null;

beforeEach(async () => ({ dir, cleanup } = await makeTempDir('headroom-run-')));
afterEach(async () => {
  await running?.stop('SIGKILL');
  running = null;
  await cleanup();
});

async function start(config: string[]): Promise<RunningCli> {
  const configFile = join(dir, 'config.yaml');
  await writeFile(configFile, config.join('\n') + '\n');
  running = spawnCli(['--config', configFile, '--data-dir', join(dir, 'data'), 'run', '--json']);
  return running;
}

const event = (line: string) => JSON.parse(line) as { type: string; [key: string]: unknown };
const isType = (type: string) => (line: string) => event(line).type === type;
const folderOf = (line: string, name: string) =>
  (event(line).folders as { name: string; fileCount: number; level: string }[]).find((f) => f.name === name);

describe('headroom run --json (separate process)', () => {
  it('reports a file landing on disk as a snapshot event, and stops cleanly on SIGTERM', async () => {
    const cli = await start([
      'cleanup_on_startup: false',
      'folders:',
      '  - name: temp',
      '    path: ./temp',
      '    max_files: 100',
    ]);
    await mkdir(join(dir, 'temp'));
    await cli.waitForLine((l) => isType('snapshot')(l) && folderOf(l, 'temp')?.fileCount === 0);
    await writeFiles(join(dir, 'temp'), [
      { path: 'a.txt', sizeBytes: 5, ageMs: 0 },
      { path: 'nested/b.txt', sizeBytes: 7, ageMs: 0 },
    ]);
    const line = await cli.waitForLine((l) => isType('snapshot')(l) && folderOf(l, 'temp')?.fileCount === 2);
    expect(folderOf(line, 'temp')).toMatchObject({ fileCount: 2, sizeBytes: 12, exists: true });
    expect(await cli.stop('SIGTERM')).toBe(0);
  });

  it('cleans at start-up when cleanup_on_startup is set, and reports it', async () => {
    await writeFiles(join(dir, 'temp'), [
      { path: 'old.tmp', sizeBytes: 10, ageMs: 9 * DAY_MS },
      { path: 'new.tmp', sizeBytes: 10, ageMs: 1 * DAY_MS },
    ]);
    const cli = await start([
      'cleanup_on_startup: true',
      'folders:',
      '  - name: temp',
      '    path: ./temp',
      '    max_age_days: 7',
    ]);
    await cli.waitForLine(isType('cleanupStarted'));
    const finished = event(await cli.waitForLine(isType('cleanupFinished')));
    expect(finished).toMatchObject({ trigger: 'startup', status: 'completed', filesRemoved: 1 });
    expect(existsSync(join(dir, 'temp', 'old.tmp'))).toBe(false);
    expect(existsSync(join(dir, 'temp', 'new.tmp'))).toBe(true);
    expect(await cli.stop('SIGINT')).toBe(0);
  });

  it('runs an emergency cleanup of a folder that crosses 100%', async () => {
    const cli = await start([
      'cleanup_on_startup: false',
      'folders:',
      '  - name: inbox',
      '    path: ./inbox',
      '    max_files: 3',
      '    min_age_minutes: 0',
    ]);
    await mkdir(join(dir, 'inbox'));
    await cli.waitForLine(isType('snapshot'));
    await writeFiles(
      join(dir, 'inbox'),
      [1, 2, 3, 4, 5].map((n) => ({ path: `f${n}.bin`, sizeBytes: 1, ageMs: (10 - n) * 60_000 })),
    );
    await cli.waitForLine((l) => isType('warning')(l) && event(l).kind === 'over');
    const finished = event(await cli.waitForLine(isType('cleanupFinished')));
    expect(finished).toMatchObject({ trigger: 'emergency', filesRemoved: 2 });
    expect(existsSync(join(dir, 'inbox', 'f1.bin'))).toBe(false);
    expect(existsSync(join(dir, 'inbox', 'f3.bin'))).toBe(true);
    await cli.waitForLine((l) => isType('snapshot')(l) && folderOf(l, 'inbox')?.fileCount === 3);
    expect(await cli.stop()).toBe(0);
  });

  it('reports no error after a routine cleanup: the index already knows the run removed its files', async () => {
    await writeFiles(
      join(dir, 'outputs'),
      [1, 2, 3, 4, 5, 6].map((n) => ({ path: `take${n}.wav`, sizeBytes: 1 << 20, ageMs: n * DAY_MS })),
    );
    const cli = await start([
      'cleanup_on_startup: true',
      'folders:',
      '  - name: outputs',
      '    path: ./outputs',
      '    max_size_gb: 0.005',
    ]);
    const finished = event(await cli.waitForLine(isType('cleanupFinished')));
    expect(finished).toMatchObject({ trigger: 'startup', status: 'completed', filesRemoved: 2 });
    // Stopping waits for the run's after-run rescan, so every diagnostic it logs is printed by exit.
    expect(await cli.stop('SIGTERM')).toBe(0);
    expect(cli.lines.filter((l) => l !== '' && isType('error')(l))).toEqual([]);
  });
});
