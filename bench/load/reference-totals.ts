/** What is really on disk, two ways: Headroom's own scanner, and `find` as a tool that shares no code with it. */
import { execFileSync } from 'node:child_process';
import { scanFolder } from '../../electron/engine/scan/scan-folder.js';
import { totalBytesOf } from '../lib/packed-entries.js';

export interface Totals {
  files: number;
  bytes: number;
}

/** A fresh scan with Headroom's scanner (not the live index). */
export async function scannedTotals(root: string): Promise<Totals> {
  const scan = await scanFolder(root);
  return { files: scan.files.count, bytes: totalBytesOf(scan.files) };
}

/** `find ROOT -type f -printf '%s\n'`, summed: regular files and their apparent sizes. */
export function findTotals(root: string): Totals {
  const out = execFileSync('find', [root, '-type', 'f', '-printf', '%s\\n'], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const sizes = out.split('\n').filter((line) => line !== '');
  return { files: sizes.length, bytes: sizes.reduce((sum, line) => sum + Number(line), 0) };
}
