/** kind: manifest through the `headroom` CLI, as a separate process (issue 11): preview, clean, history. */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../support/run-cli.js';
import { DAY_MS, makeTempDir, writeFiles } from '../../support/make-tree.js';

const HOUR_MS = 3_600_000;

let dir: string;
let cleanup: () => Promise<void>;
let root: string;
let args: (...rest: string[]) => string[];

beforeEach(async () => {
  ({ dir, cleanup } = await makeTempDir('headroom-manifest-cli-'));
  root = join(dir, 'recovery');
  const configFile = join(dir, 'config.yaml');
  args = (...rest) => ['--config', configFile, '--data-dir', join(dir, 'data'), ...rest];
  await writeFiles(root, [
    { path: 'abc123/1.wav', sizeBytes: 4 * 1024 * 1024, ageMs: 2 * DAY_MS },
    { path: 'abc123/2.wav', sizeBytes: 4 * 1024 * 1024, ageMs: 2 * DAY_MS },
    { path: 'abc123/3.wav', sizeBytes: 4 * 1024 * 1024, ageMs: 2 * DAY_MS },
    { path: 'live/1.wav', sizeBytes: 10, ageMs: 2 * DAY_MS },
    { path: 'stray.wav', sizeBytes: 10, ageMs: 2 * DAY_MS },
  ]);
  await fs.writeFile(
    join(root, 'tokens.json'),
    JSON.stringify({
      abc123: {
        created_at: new Date(Date.now() - 2 * DAY_MS).toISOString(),
        expires_at: (Date.now() - 5 * HOUR_MS) / 1000,
        files: ['abc123/1.wav', 'abc123/2.wav', 'abc123/3.wav'],
      },
      live: { created_at: new Date(Date.now() - HOUR_MS).toISOString(), files: ['live/1.wav'] },
    }),
  );
  await fs.writeFile(
    configFile,
    [
      'folders:',
      '  - name: recovery',
      '    path: ./recovery',
      '    kind: manifest',
      '    manifest_file: tokens.json',
      '    retention_hours: 24',
      '',
    ].join('\n'),
  );
});
afterEach(async () => cleanup());

describe('headroom CLI on a kind: manifest folder', () => {
  it('previews tokens as units, cleans them, rewrites the token file and records the units', async () => {
    const preview = await runCli(args('preview'));
    expect(preview.stderr).toBe('');
    expect(preview.stdout).toContain('recovery: 2 units (4 files), 12 MB to free');
    expect(preview.stdout).toContain('  expired  token abc123 · 3 files · 12 MB · expired 5 h ago');
    expect(preview.stdout).toContain('             abc123/2.wav');
    expect(preview.stdout).toMatch(/ {2}orphan {3}orphan stray\.wav · 10 B · 2 days old, no token lists it/);
    expect(await fs.readdir(join(root, 'abc123'))).toHaveLength(3);

    const clean = await runCli(args('clean'));
    expect(clean.stderr).toBe('');
    expect(clean.code).toBe(0);
    expect(clean.stdout).toContain('    removed token abc123 · 3 files · 12 MB · expired 5 h ago');
    await expect(fs.stat(join(root, 'abc123'))).rejects.toThrow();
    await expect(fs.stat(join(root, 'stray.wav'))).rejects.toThrow();
    expect(Object.keys(JSON.parse(await fs.readFile(join(root, 'tokens.json'), 'utf8')))).toEqual(['live']);
    expect(await fs.readFile(join(root, 'live/1.wav'), 'utf8')).toBe('a'.repeat(10));

    const history = await runCli(args('history', '--json'));
    const runs = JSON.parse(history.stdout);
    const units = (runs.runs ?? runs)[0].folders[0].units;
    expect(units.map((u: { id: string; outcome: string }) => `${u.id}:${u.outcome}`)).toEqual([
      'token:abc123:removed',
      'orphan:stray.wav:removed',
    ]);
  });

  it('says why and removes nothing when the token file cannot be parsed', async () => {
    await fs.writeFile(join(root, 'tokens.json'), '{ "abc123": ');
    const clean = await runCli(args('clean'));
    expect(clean.stdout).toMatch(
      /note: the token file .*tokens\.json cannot be parsed: it is not valid JSON/,
    );
    expect(await fs.readdir(join(root, 'abc123'))).toHaveLength(3);
    expect(await fs.readFile(join(root, 'stray.wav'), 'utf8')).toBe('a'.repeat(10));
  });
});
