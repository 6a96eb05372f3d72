import { spawnSync } from 'node:child_process';
import { chmod, mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngine } from '../../../electron/engine/runtime/create-engine.js';
import { makeTempDir } from '../../support/make-tree.js';

const NOBODY = 65534;
const AS_ROOT = process.platform === 'linux' && process.getuid?.() === 0;

let dir: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ dir, cleanup } = await makeTempDir('headroom-private-'));
  // mkdtemp makes 0700: open it, so only the data folder's own modes stand between its files and others.
  await chmod(dir, 0o755);
});
afterEach(() => cleanup());

async function modeOf(path: string): Promise<number> {
  return (await stat(path)).mode & 0o777;
}

/** `cat FILE` as the unprivileged user `nobody` (the tests run as root, whom no mode ever refuses). */
function readAsNobody(file: string): { ok: boolean; stderr: string } {
  const args = [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', 'cat', file];
  const child = spawnSync('setpriv', args, { encoding: 'utf8' });
  return { ok: child.status === 0, stderr: child.stderr };
}

/**
 * A data folder as an engine leaves it after a cleanup and a dry run: config, history, schedule state, lock.
 * (The sample folders are empty: the cleanup notes the schedule but is not recorded; the dry run is.)
 */
async function usedDataDir(): Promise<string> {
  const dataDir = join(dir, 'data');
  const engine = await createEngine({ dataDir, log: () => {} });
  await engine.runCleanup({});
  await engine.runCleanup({ dryRun: true });
  await engine.dispose();
  return dataDir;
}

describe.runIf(AS_ROOT)('the data folder is private to its user', () => {
  it('is created 0700 with its files 0600, and another user reads none of them', async () => {
    const dataDir = await usedDataDir();
    const files = ['config.yaml', 'history.jsonl', 'schedule.json'];
    expect((await readdir(dataDir)).filter((name) => files.includes(name)).sort()).toEqual(files);
    expect(await modeOf(dataDir)).toBe(0o700);
    for (const name of files)
      expect({ name, mode: await modeOf(join(dataDir, name)) }).toEqual({ name, mode: 0o600 });

    // A control: nobody can read a world-readable file beside the data folder, so refusals are the modes'.
    await writeFile(join(dir, 'public.txt'), 'public');
    await chmod(join(dir, 'public.txt'), 0o644);
    expect(readAsNobody(join(dir, 'public.txt')).ok).toBe(true);

    for (const name of files) {
      const read = readAsNobody(join(dataDir, name));
      expect({ name, ok: read.ok }).toEqual({ name, ok: false });
      expect(read.stderr).toMatch(/Permission denied/);
    }
    // Each file refuses on its own too, should the folder ever be opened up.
    await chmod(dataDir, 0o755);
    for (const name of files)
      expect({ name, ok: readAsNobody(join(dataDir, name)).ok }).toEqual({ name, ok: false });
  });

  it('makes an existing data folder of an earlier version (0755, with history) private', async () => {
    const dataDir = join(dir, 'data');
    await mkdir(dataDir, { mode: 0o755 });
    await chmod(dataDir, 0o755);
    await writeFile(join(dataDir, 'history.jsonl'), '');
    const engine = await createEngine({ dataDir, log: () => {} });
    await engine.dispose();
    expect(await modeOf(dataDir)).toBe(0o700);
  });

  it("leaves the mode of a folder that holds nothing of Headroom's yet, and of a config file elsewhere", async () => {
    const dataDir = join(dir, 'shared');
    await mkdir(dataDir);
    await chmod(dataDir, 0o755);
    const configFile = join(dir, 'my-config.yaml');
    await writeFile(configFile, 'folders:\n  - name: outputs\n    path: ./outputs\n    max_files: 5\n');
    await chmod(configFile, 0o644);
    const engine = await createEngine({ dataDir, configFile, log: () => {} });
    await engine.updateConfig({ settings: { warning_threshold_percent: 70 } });
    await engine.dispose();
    expect(await modeOf(dataDir)).toBe(0o755);
    expect(await modeOf(configFile)).toBe(0o644);
    expect(await modeOf(join(dataDir, 'history.jsonl')).catch(() => 0o600)).toBe(0o600);
  });
});
