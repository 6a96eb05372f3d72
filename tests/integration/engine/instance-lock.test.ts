import { spawn } from 'node:child_process';
import type { ChildProcess, ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngine } from '../../../electron/engine/runtime/create-engine.js';
import { acquireInstanceLock, LOCK_FILE } from '../../../electron/engine/fs/instance-lock.js';
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

const LINUX = process.platform === 'linux';

/** Field 22 of /proc/PID/stat: the process's start time in clock ticks after boot. */
function startTicks(pid: number): string {
  const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return text.slice(text.lastIndexOf(')') + 2).split(' ')[19]!;
}

function bootId(): string {
  return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
}

/** A whole lock file: the pid on the first line, then (on Linux) the owner's start time and boot id. */
const WHOLE_LOCK = /^[1-9]\d*\n(start=\d+\nboot=[0-9a-f-]+\n)?$/;

describe('instance lock', () => {
  it('the first process owns the data folder and releases it', async () => {
    const lock = await acquireInstanceLock(dir);
    expect(lock.primary).toBe(true);
    const text = await readFile(join(dir, LOCK_FILE), 'utf8');
    expect(text).toMatch(WHOLE_LOCK);
    expect(text.split('\n')[0]).toBe(String(process.pid));
    if (LINUX) expect(text).toBe(`${process.pid}\nstart=${startTicks(process.pid)}\nboot=${bootId()}\n`);
    expect((await stat(join(dir, LOCK_FILE))).mode & 0o777).toBe(0o600);
    await lock.release();
    expect(await readdir(dir)).toEqual([]);
    expect((await acquireInstanceLock(dir)).primary).toBe(true);
  });

  it('a live owner keeps a second process read-only', async () => {
    const pid = otherProcess();
    await writeFile(join(dir, LOCK_FILE), `${pid}\n`);
    const lock = await acquireInstanceLock(dir);
    expect(lock).toMatchObject({ primary: false, ownerPid: pid });
  });

  it.runIf(LINUX)(
    'an owner named with its pid, start time and this boot keeps a second process read-only',
    async () => {
      const pid = otherProcess();
      await writeFile(join(dir, LOCK_FILE), `${pid}\nstart=${startTicks(pid)}\nboot=${bootId()}\n`);
      const lock = await acquireInstanceLock(dir);
      expect(lock).toMatchObject({ primary: false, ownerPid: pid });
    },
  );

  it.runIf(LINUX)(
    'a lock whose pid now belongs to another process (other start time) is taken over',
    async () => {
      const pid = otherProcess();
      const stale = `${pid}\nstart=${Number(startTicks(pid)) - 1}\nboot=${bootId()}\n`;
      await writeFile(join(dir, LOCK_FILE), stale);
      const lock = await acquireInstanceLock(dir);
      expect(lock.primary).toBe(true);
      expect((await readFile(join(dir, LOCK_FILE), 'utf8')).split('\n')[0]).toBe(String(process.pid));
      expect(await readdir(dir)).toEqual([LOCK_FILE]);
    },
  );

  it.runIf(LINUX)(
    'a lock from before a reboot (other boot id) is taken over, even if its pid is alive',
    async () => {
      const pid = otherProcess();
      const stale = `${pid}\nstart=${startTicks(pid)}\nboot=00000000-0000-4000-8000-000000000000\n`;
      await writeFile(join(dir, LOCK_FILE), stale);
      expect((await acquireInstanceLock(dir)).primary).toBe(true);
    },
  );

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

  it.runIf(LINUX)(
    'many processes at once, on a free or a stale lock: exactly one primary, and the lock is never seen empty or partial',
    { timeout: 120_000 },
    async () => {
      await race(dir, 8);
      const stalePid = otherProcess();
      const stale = `${stalePid}\nstart=${Number(startTicks(stalePid)) + 1}\nboot=${bootId()}\n`;
      const second = join(dir, 'second');
      await mkdir(second);
      await writeFile(join(second, LOCK_FILE), stale);
      await race(second, 8);
    },
  );
});

const CHILD = fileURLToPath(new URL('./lock-acquirer-child.ts', import.meta.url));

interface Acquired {
  pid: number;
  primary: boolean;
  ownerPid: number | null;
}

/** Starts `count` children, lets them all acquire at once while this process reads the lock in a loop. */
async function race(dataDir: string, count: number): Promise<void> {
  const children: ChildProcessWithoutNullStreams[] = [];
  try {
    const results: Promise<Acquired>[] = [];
    const ready: Promise<unknown>[] = [];
    for (let i = 0; i < count; i++) {
      const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir]);
      children.push(child);
      const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
      ready.push(lines.next());
      results.push(
        ready[i]!.then(() => lines.next()).then((line) => JSON.parse(String(line.value)) as Acquired),
      );
    }
    await Promise.all(ready);
    const seen = new Set<string>();
    let reading = true;
    const reader = (async () => {
      while (reading) {
        const text = await readFile(join(dataDir, LOCK_FILE), 'utf8').catch(() => null);
        if (text !== null) seen.add(text);
      }
    })();
    for (const child of children) child.stdin.write('go\n');
    const acquired = await Promise.all(results);
    reading = false;
    await reader;
    const primaries = acquired.filter((a) => a.primary);
    expect(primaries).toHaveLength(1);
    const owner = primaries[0]!.pid;
    for (const a of acquired) if (!a.primary) expect(a.ownerPid).toBe(owner);
    for (const text of seen) expect(text).toMatch(WHOLE_LOCK);
    expect((await readFile(join(dataDir, LOCK_FILE), 'utf8')).split('\n')[0]).toBe(String(owner));
    expect((await readdir(dataDir)).filter((name) => name.startsWith(LOCK_FILE))).toEqual([LOCK_FILE]);
  } finally {
    for (const child of children) child.stdin.end();
    await Promise.all(
      children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null)),
    );
  }
}
