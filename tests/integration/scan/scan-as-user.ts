/**
 * Runs one scan and prints it as JSON. The permission tests start this as an unprivileged user (setpriv),
 * because root reads every folder and would make them test nothing.
 */
import { scanFolder } from '../../../electron/engine/scan/scan-folder.js';
import { entriesOf } from '../../../bench/lib/packed-entries.js';

const root = process.argv[2];
if (!root) throw new Error('usage: scan-as-user.ts <root>');
const scan = await scanFolder(root);
const summary = {
  exists: scan.exists,
  error: scan.error,
  files: entriesOf(scan.files)
    .map((f) => f.path)
    .sort(),
  dirs: [...scan.dirs].sort(),
  unreadable: scan.unreadable.map((u) => ({ path: u.path, code: u.code })),
};
process.stdout.write(JSON.stringify(summary));
