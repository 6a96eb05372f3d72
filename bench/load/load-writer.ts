/**
 * The load bench's writer, in a process of its own like the AI tool it stands for: creates `rate` files a
 * second in `root` (a tenth of them in two subfolders) for `seconds`, in 20 ms batches, then prints
 * `{ filesWritten, bytesWritten, lateBatches }` as JSON. A batch that starts more than a batch late counts
 * as late: the writer did not keep the rate.
 * argv: root rate seconds
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const [root = '', rateText = '1000', secondsText = '60'] = process.argv.slice(2);
const rate = Number(rateText);
const seconds = Number(secondsText);
const BATCH_MS = 20;
const perBatch = Math.max(1, Math.round((rate * BATCH_MS) / 1000));
const subfolders = ['renders', 'tmp/chunks'];
for (const dir of subfolders) await mkdir(join(root, dir), { recursive: true });

let filesWritten = 0;
let bytesWritten = 0;
let lateBatches = 0;
const startedMs = performance.now();
const batches = Math.round((seconds * 1000) / BATCH_MS);
for (let batch = 0; batch < batches; batch++) {
  const dueMs = startedMs + batch * BATCH_MS;
  const waitMs = dueMs - performance.now();
  if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
  else if (-waitMs > BATCH_MS) lateBatches++;
  const writes: Promise<void>[] = [];
  for (let i = 0; i < perBatch; i++) {
    const n = filesWritten++;
    const dir = n % 10 === 0 ? subfolders[n % 20 === 0 ? 0 : 1]! : '';
    const sizeBytes = 512 + (n % 7) * 256;
    bytesWritten += sizeBytes;
    writes.push(
      writeFile(join(root, dir, `out-${String(n).padStart(7, '0')}.wav`), Buffer.alloc(sizeBytes, 0x61)),
    );
  }
  await Promise.all(writes);
}
process.stdout.write(JSON.stringify({ filesWritten, bytesWritten, lateBatches }));
