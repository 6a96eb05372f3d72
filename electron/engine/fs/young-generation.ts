/**
 * Keeps V8's young generation at its starting size for the long-lived processes (`run`, `serve`, the tray
 * app). Setting up the watchers and indexing a large scan allocate fast, so V8 grows each
 * semi-space to its 16 MB maximum and keeps it committed for the life of the process, though almost
 * nothing there survives: about 15 MB of resident memory that a service holding a million files never
 * uses again.
 *
 * `--max-semi-space-size` would do it, but V8 reads it only when the heap is created (a flag on the
 * command line, which would mean re-executing node and slowing every start). The growth factor is read
 * each time V8 considers growing the new space, so setting it to 1 from code still works after start.
 * The cost is more frequent (cheap) scavenges while a scan is being indexed. Short commands such as
 * `status` do not call this: they exit before the committed memory matters, and they want speed.
 *
 * The flag is process-wide, and every isolate V8 creates (each worker thread's) raises it back to V8's
 * minimum of 2 as the isolate configures its heap: set once, it lasted only until the first scan worker.
 * So `startWorker` sets it again once each worker is up, and once more when it ends: a worker may start
 * isolates of its own (run from source, tsx's module hooks run on a thread of their own).
 */
import type * as V8 from 'node:v8';
import { builtin } from './lazy-builtin.js';

// node:v8 is loaded when a flag is first set: a one-shot command that starts no worker never loads it (#17).
const setFlagsFromString = (flags: string): void => builtin<typeof V8>('node:v8').setFlagsFromString(flags);

let wanted = false;

export function keepYoungGenerationSmall(): void {
  wanted = true;
  setFlagsFromString('--semi-space-growth-factor=1');
}

/** A new isolate may have reset the growth factor: sets it again where it was asked for. */
export function restoreAfterNewIsolate(): void {
  if (wanted) setFlagsFromString('--semi-space-growth-factor=1');
}
