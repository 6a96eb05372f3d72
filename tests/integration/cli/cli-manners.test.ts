/**
 * The CLI's human output (#15 item 8): colour by level only on a terminal and never with NO_COLOR, one
 * local time format, the outcome first in a clean's headline, plurals right. Separate processes; the
 * terminal is a real pseudo-terminal (`script`), the time zone a real TZ.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../support/run-cli.js';
import { runCliTty } from '../../support/run-cli-tty.js';
import { DAY_MS, makeTempDir, writeFiles } from '../../support/make-tree.js';

const ESC = '\u001b[';
/** India has no daylight saving: local time is UTC + 5:30 all year. */
const KOLKATA = { TZ: 'Asia/Kolkata' };

let dir: string;
let cleanup: () => Promise<void>;
let args: (...rest: string[]) => string[];

beforeEach(async () => {
  ({ dir, cleanup } = await makeTempDir('headroom-manners-'));
  args = (...rest) => ['--config', join(dir, 'config.yaml'), '--data-dir', join(dir, 'data'), ...rest];
  await mkdir(join(dir, 'calm'));
  // full: 3 files against max_files 2 → over (150%); one is 8 days old, past max_age_days 7.
  await writeFiles(join(dir, 'full'), [
    { path: 'a.tmp', sizeBytes: 10, ageMs: 8 * DAY_MS },
    { path: 'b.tmp', sizeBytes: 10, ageMs: 3 * DAY_MS },
    { path: 'c.tmp', sizeBytes: 10, ageMs: 2 * DAY_MS },
  ]);
  await writeFile(
    join(dir, 'config.yaml'),
    [
      'cleanup_on_startup: false',
      'folders:',
      '  - name: calm',
      '    path: ./calm',
      '    max_files: 100',
      '  - name: full',
      '    path: ./full',
      '    max_files: 2',
      '    max_age_days: 7',
      '',
    ].join('\n'),
  );
});

afterEach(async () => cleanup());

/** "2026-11-30 14:05": the one format of human output, in the process's local time zone. */
function kolkataTime(iso: string): string {
  return new Date(Date.parse(iso) + 330 * 60_000).toISOString().slice(0, 16).replace('T', ' ');
}

// Several CLI processes a test: generous, for a busy 2-core machine.
describe('CLI manners (separate process)', { timeout: 180_000 }, () => {
  it('colours each level on a terminal (real pseudo-terminal)', async () => {
    const { code, output } = await runCliTty(args('status'), { NO_COLOR: '' });
    expect(code).toBe(0);
    const line = (name: string) => output.split('\n').find((l) => l.startsWith(`${name} `)) ?? '';
    expect(line('calm')).toContain(`${ESC}32mok${ESC}0m`);
    expect(line('full')).toContain(`${ESC}31mover${ESC}0m`);
  });

  it('prints no colour with NO_COLOR set, even on a terminal', async () => {
    const { code, output } = await runCliTty(args('status'), { NO_COLOR: '1' });
    expect(code).toBe(0);
    expect(output).toMatch(/full .*over/);
    expect(output).not.toContain(ESC);
  });

  it('prints no colour and no progress when piped', async () => {
    const status = await runCli(args('status'));
    const clean = await runCli(args('clean'));
    for (const r of [status, clean]) expect(r.stdout + r.stderr).not.toContain(ESC);
    expect(clean.stderr).toBe('');
  });

  it('puts the outcome first in the clean headline, with plurals right', async () => {
    const dry = await runCli(args('clean', '--dry-run'));
    expect(dry.stdout.split('\n')[0]).toMatch(/^Would remove 1 file, /);
    const clean = await runCli(args('clean'));
    expect(clean.code).toBe(0);
    const [headline, ...rest] = clean.stdout.split('\n');
    // Freed is what the disk gave back: a 10-byte file frees a block.
    expect(headline).toMatch(/^Removed 1 file, [\d.]+ K?B freed — cleanup completed \(manual, run \S+\)\.$/);
    expect(rest.join('\n')).toMatch(/full: removed 1 file \([\d.]+ K?B freed\), 0 skipped, 0 errors/);
    expect(clean.stdout).not.toMatch(/\(s\)|\b1 files\b/);
  });

  it('says "1 folder" and "2 folders" in check-config', async () => {
    const two = await runCli(args('check-config'));
    expect(two.stdout).toMatch(/OK; 2 folders: calm, full\n$/);
    await writeFile(
      join(dir, 'config.yaml'),
      ['folders:', '  - name: calm', '    path: ./calm', '    max_files: 100', ''].join('\n'),
    );
    const one = await runCli(args('check-config'));
    expect(one.stdout).toMatch(/OK; 1 folder: calm\n$/);
  });

  it('shows times in one local format in status, history and preview; ISO stays in --json', async () => {
    const record = JSON.parse((await runCli(args('clean', '--json'), KOLKATA)).stdout);
    const local = kolkataTime(record.startedAt);

    const history = await runCli(args('history'), KOLKATA);
    expect(history.stdout.split('\n')[1]).toMatch(new RegExp(`^${local}\\s`));

    const status = await runCli(args('status'), KOLKATA);
    const snapshot = JSON.parse((await runCli(args('status', '--json'), KOLKATA)).stdout);
    expect(snapshot.schedule.lastRunAt).toMatch(/Z$/);
    expect(status.stdout).toContain(`last cleanup ${kolkataTime(snapshot.schedule.lastRunAt)}`);
    expect(status.stdout).toContain(`next cleanup ${kolkataTime(snapshot.schedule.nextRunAt)}`);
    expect(status.stdout).not.toMatch(/\d{4}-\d\d-\d\dT/);

    // full now holds b (3 days) and c (2 days) against max_files 2; one more makes it plan the oldest.
    await writeFiles(join(dir, 'full'), [{ path: 'd.tmp', sizeBytes: 10, ageMs: 1 * DAY_MS }]);
    const preview = await runCli(args('preview'), KOLKATA);
    const planned = JSON.parse((await runCli(args('preview', '--json'), KOLKATA)).stdout);
    const file = planned.folders.find((f: { name: string }) => f.name === 'full').remove[0];
    expect(preview.stdout).toContain(kolkataTime(new Date(file.mtimeMs).toISOString()));
  });
});
