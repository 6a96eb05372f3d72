/** Test helpers for real watchers: wait for a condition (never a fixed sleep), temp roots, fd counts. */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** Polls `condition` every 20 ms until it holds; fails with `what` after `timeoutMs`: 20 s by default, as the
 * engine tests wait, because a watcher event on a busy 2-core machine can take seconds (a pass never waits it). */
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A fresh temp folder; `cleanup` removes it. */
export async function tempRoot(
  prefix = 'headroom-watch-',
): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** inotify watches this process holds (Linux): one `inotify wd:` line per watch in /proc/self/fdinfo. */
export async function inotifyWatchCount(): Promise<number> {
  let count = 0;
  for (const fd of await readdir('/proc/self/fdinfo')) {
    const text = await readFile(`/proc/self/fdinfo/${fd}`, 'utf8').catch(() => '');
    for (const line of text.split('\n')) if (line.startsWith('inotify wd:')) count++;
  }
  return count;
}
