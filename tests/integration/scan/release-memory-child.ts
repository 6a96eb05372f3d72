/**
 * Runs in a process of its own that then sits idle, as a service does after its first scan: drops 32 MB of
 * buffers that have lived long enough for V8 to move them to its old generation, asks for the release a
 * scan asks for, and waits (up to 20 s) until the process holds less than 1 MB of ArrayBuffers; prints how
 * much it holds then, as JSON.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { releaseFreeMemorySoon } from '../../../electron/engine/scan/release-free-memory.js';

const holder: { buffers: Uint8Array[] | null } = {
  buffers: Array.from({ length: 32 }, () => new Uint8Array(2 ** 20)),
};
(globalThis as { holder?: unknown }).holder = holder;
// Enough short-lived allocation for several young-generation collections, which the buffers survive.
let churn: object[] = [];
for (let i = 0; i < 3_000_000; i++) {
  churn.push({ i });
  if (churn.length > 10_000) churn = [];
}
const before = process.memoryUsage().arrayBuffers;
holder.buffers = null;
releaseFreeMemorySoon();
const held = () => process.memoryUsage().arrayBuffers;
for (let waited = 0; held() > 2 ** 20 && waited < 20_000; waited += 250) await sleep(250);
process.stdout.write(JSON.stringify({ before, held: held(), dropped: holder.buffers === null }));
