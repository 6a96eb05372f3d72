/**
 * Child for the concurrent-lock test: prints `ready`, waits for a line on stdin, acquires the lock of the
 * data folder argv[2], prints the result as JSON and holds it until stdin closes.
 */
import { createInterface } from 'node:readline';
import { acquireInstanceLock } from '../../../electron/engine/fs/instance-lock.js';

const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
process.stdout.write('ready\n');
await lines.next();
const lock = await acquireInstanceLock(process.argv[2]!);
process.stdout.write(
  JSON.stringify({ pid: process.pid, primary: lock.primary, ownerPid: lock.ownerPid }) + '\n',
);
await lines.next();
process.exit(0);
