import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngine } from '../../../electron/engine/create-engine.js';
import { acquireInstanceLock, LOCK_FILE } from '../../../electron/engine/paths/instance-lock.js';
import { makeTempDir } from '../../support/make-tree.js';

let dir: string;
let cleanup: () => Promise<void>;
let other: ChildProcess | null = null;

beforeEach(async () => ({ dir, cleanup } = await makeTempDir('headroom-lock-')));
afterEach(async () => {
  other?.kill();
  other = null;
  await cleanup();
});

/** A real second process that stays alive, standing for another Headroom that owns the data folder. */
function otherProcess(): number {
  other = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  return other.pid!;
}

describe('instance lock', () => {
  it('the first process owns the data folder and releases it', async () => {
    const lock = await acquireInstanceLock(dir);
    expect(lock.primary).toBe(true);
    expect((await readFile(join(dir, LOCK_FILE), 'utf8')).trim()).toBe(String(process.pid));
    await lock.release();
    expect((await acquireInstanceLock(dir)).primary).toBe(true);
  });

  it('a live owner keeps a second process read-only', async () => {
    const pid = otherProcess();
    await writeFile(join(dir, LOCK_FILE), `${pid}\n`);
    const lock = await acquireInstanceLock(dir);
    expect(lock).toMatchObject({ primary: false, ownerPid: pid });
  });

  it('a lock left by a dead process is taken over', async () => {
    const pid = otherProcess();
    other!.kill('SIGKILL');
    await new Promise((resolve) => other!.once('exit', resolve));
    await writeFile(join(dir, LOCK_FILE), `${pid}\n`);
    expect((await acquireInstanceLock(dir)).primary).toBe(true);
  });

  it("a second engine neither cleans nor marks the owner's running run as interrupted", async () => {
    const owner = await createEngine({ dataDir: dir });
    const running = {
      id: 'r1',
      trigger: 'schedule',
      dryRun: false,
      startedAt: new Date().toISOString(),
      finishedAt: null,
      status: 'running',
      folders: [],
      filesRemoved: 0,
      bytesFreed: 0,
    };
    await writeFile(join(dir, 'history.jsonl'), JSON.stringify(running) + '\n');
    // The owner is this process; a second engine in the same process would share its pid, so hand the
    // lock to a live foreign process as the owner.
    await writeFile(join(dir, LOCK_FILE), `${otherProcess()}\n`);
    const second = await createEngine({ dataDir: dir });
    await expect(second.runCleanup({})).rejects.toMatchObject({ code: 'busy' });
    await expect(second.pauseSchedule({ until: null })).rejects.toMatchObject({ code: 'busy' });
    const dry = await second.runCleanup({ dryRun: true });
    expect(dry.dryRun).toBe(true);
    const history = await second.getHistory({});
    expect(history.runs.map((r) => r.status)).toEqual(['running']);
    await expect(createEngine({ dataDir: dir, live: true })).rejects.toThrow(
      /another Headroom process \(pid \d+\)/,
    );
    await second.dispose();
    await owner.dispose();
  });
});
