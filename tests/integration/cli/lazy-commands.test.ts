/**
 * A command loads only the code it needs (#17: most of a CLI call's fixed cost was loading code): the CLI
 * runs from source with a module-loader hook that records every file it resolves.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../support/run-cli.js';
import { makeTempDir } from '../../support/make-tree.js';

const RECORDER = fileURLToPath(new URL('../../support/record-modules.mjs', import.meta.url));
const INTL_RECORDER = fileURLToPath(new URL('../../support/record-intl.mjs', import.meta.url));
const WORKER_RECORDER = fileURLToPath(new URL('../../support/record-workers.mjs', import.meta.url));
const CRYPTO_RECORDER = fileURLToPath(new URL('../../support/record-crypto.mjs', import.meta.url));
const PERF_RECORDER = fileURLToPath(new URL('../../support/record-perf-hooks.mjs', import.meta.url));

let dir: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ dir, cleanup } = await makeTempDir('headroom-lazy-'));
  await mkdir(join(dir, 'empty'));
  await writeFile(
    join(dir, 'config.yaml'),
    ['folders:', '  - name: empty', '    path: ./empty', '    max_size_gb: 1', ''].join('\n'),
  );
});

afterEach(async () => cleanup());

/** `headroom status` on the temp folder's config and data folder, with any extra flags first. */
const statusArgs = (...flags: string[]): string[] => [
  'status',
  ...flags,
  '--config',
  join(dir, 'config.yaml'),
  '--data-dir',
  join(dir, 'data'),
];

/** What `headroom <args>` logged through the recorders: resolved file URLs and "intl …" lines. */
async function logOf(args: string[]): Promise<string[]> {
  const log = join(dir, 'modules.log');
  const flags = [
    ...['--import', RECORDER, '--import', INTL_RECORDER],
    ...['--import', WORKER_RECORDER, '--import', CRYPTO_RECORDER, '--import', PERF_RECORDER],
  ];
  const result = await runCli(args, { HEADROOM_TEST_MODULE_LOG: log }, flags);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return (await readFile(log, 'utf8').catch(() => '')).split('\n');
}

/** The project files (relative, e.g. `electron/headless/cli-main.ts`) that `headroom <args>` loaded. */
async function loadedBy(args: string[]): Promise<string[]> {
  const root = new URL('../../../', import.meta.url).href;
  const urls = (await logOf(args)).filter((u) => u.startsWith(root));
  return [...new Set(urls.map((u) => u.slice(root.length)))];
}

describe('the CLI loads what a command needs (separate process, module hook)', () => {
  it('status loads its own command and the engine, but no server, prompt or other command', async () => {
    const loaded = await loadedBy(statusArgs());
    expect(loaded).toContain('electron/headless/commands/status-command.ts');
    expect(loaded).toContain('electron/engine/runtime/create-engine.ts');
    const unneeded = loaded.filter(
      (f) =>
        f.startsWith('electron/headless/serve/') ||
        /electron\/headless\/(consent-prompt|commands\/(clean|preview|detect|history|token|install-service)-command)\.ts$/.test(
          f,
        ),
    );
    expect(unneeded).toEqual([]);
  });

  it('status loads no live runtime, watcher, folder detector or executor: a one-shot command neither watches, detects nor removes', async () => {
    const loaded = await loadedBy(statusArgs());
    expect(loaded).toContain('electron/engine/runtime/one-shot-runtime.ts');
    const unneeded = loaded.filter(
      (f) =>
        f === 'electron/engine/runtime/live-runtime.ts' ||
        /^electron\/engine\/(live|detect)\//.test(f) ||
        /^electron\/engine\/executor\/(execute-plan|run-delete-job|build-removal-job|removal-credit)\.ts$/.test(
          f,
        ) ||
        /^electron\/engine\/removal\/(run-removal-job|judge-file|trash-file)\.ts$/.test(f),
    );
    expect(unneeded).toEqual([]);
  });

  it('status on a small folder walks it without starting a scan worker', async () => {
    await writeFile(join(dir, 'empty', 'one.txt'), 'x');
    const args = statusArgs('--json');
    const log = await logOf(args);
    expect(log.filter((line) => line.startsWith('worker '))).toEqual([]);
  });

  it('status on a small folder loads neither worker_threads nor v8: no worker starts, so neither is needed', async () => {
    await writeFile(join(dir, 'empty', 'one.txt'), 'x');
    const args = statusArgs();
    const log = await logOf(args);
    expect(log).toContain('node:fs'); // the recorder sees Node's built-ins
    expect(log.filter((line) => line === 'node:worker_threads' || line === 'node:v8')).toEqual([]);
  });

  it('status on an interval schedule never wakes ICU (no Intl formatter, no locale string)', async () => {
    const args = statusArgs();
    expect((await logOf(args)).filter((line) => line.startsWith('intl '))).toEqual([]);
  });

  it('status calls no node:crypto function (lock name, consent key): the built CLI then never loads it', async () => {
    const args = statusArgs();
    expect((await logOf(args)).filter((line) => line.startsWith('crypto '))).toEqual([]);
  });

  it('the crypto recorder sees a call from the project: token --rotate makes a new API token', async () => {
    const args = ['token', '--rotate', '--data-dir', join(dir, 'data')];
    expect((await logOf(args)).filter((line) => line.startsWith('crypto '))).toContain('crypto randomBytes');
  });

  it('status on a small folder never loads perf_hooks: its stopwatches read process.hrtime', async () => {
    await writeFile(join(dir, 'empty', 'one.txt'), 'x');
    const args = statusArgs();
    expect(await logOf(args)).not.toContain('loaded perf_hooks');
  });

  it('the perf_hooks recorder sees a process that reads performance.now()', async () => {
    const log = join(dir, 'perf.log');
    execFileSync(process.execPath, ['--import', PERF_RECORDER, '-e', 'performance.now()'], {
      env: { ...process.env, HEADROOM_TEST_MODULE_LOG: log },
    });
    expect(await readFile(log, 'utf8')).toBe('loaded perf_hooks\n');
  });

  it('--version loads neither the engine nor any command', async () => {
    const loaded = await loadedBy(['--version']);
    expect(loaded).toContain('electron/headless/cli-main.ts');
    expect(
      loaded.filter((f) => f.startsWith('electron/engine/') && !f.endsWith('default-data-dir.ts')),
    ).toEqual([]);
    expect(loaded.filter((f) => f.startsWith('electron/headless/commands/'))).toEqual([]);
  });
});
