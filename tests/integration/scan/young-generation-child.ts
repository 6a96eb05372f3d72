/**
 * Runs in a process of its own (V8 flags are process-wide and the test runner's heap is already grown):
 * asks for a small young generation as `headroom run` does, scans the folder given (large enough to start
 * a scan worker), then allocates as indexing and watcher set-up do, and prints V8's new-space size before
 * and after as JSON.
 */
import { getHeapSpaceStatistics } from 'node:v8';
import { keepYoungGenerationSmall } from '../../../electron/engine/fs/young-generation.js';
import { scanFolder } from '../../../electron/engine/scan/scan-folder.js';

const newSpaceBytes = () => getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')!.space_size;

keepYoungGenerationSmall();
const before = newSpaceBytes();
const scan = await scanFolder(process.argv[2]!);
// Short-lived objects with a third surviving for a while: what makes V8 grow a young generation it may.
const survivors: object[] = [];
for (let i = 0; i < 3_000_000; i++) {
  const entry = { i, name: `file-${i}` };
  if (i % 3 === 0) survivors.push(entry);
}
process.stdout.write(
  JSON.stringify({ files: scan.files.count, survivors: survivors.length, before, after: newSpaceBytes() }),
);
