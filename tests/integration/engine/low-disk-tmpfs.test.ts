/**
 * Low disk on a real volume (issue 16, deliverable 2): a 16 MB tmpfs in a private mount namespace
 * (`unshare -m`, as root), filled by another program to under 5% free while the managed folder is under
 * its limit. With nothing changing inside the folder, the timed statfs check finds the volume low and
 * cleans the folder down to its size target, oldest first; the other program's file is not Headroom's.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { canUnshare } from '../../attack/support/run-in-namespace.js';

const CHILD = fileURLToPath(new URL('./low-disk-child.ts', import.meta.url));
const usable = process.platform === 'linux' && process.getuid?.() === 0 && canUnshare();
if (!usable) console.log('low-disk-tmpfs: skipped: needs Linux, root and unshare -m to mount a tmpfs');

let base = '';
afterEach(() => fs.rmSync(base, { recursive: true, force: true }));

describe.runIf(usable)('low disk on a real tmpfs (unshare -m)', () => {
  it('cleans the folder on the low volume down to its size target, with nothing changing inside it', () => {
    base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-low-disk-')));
    const vol = path.join(base, 'vol');
    const dataDir = path.join(base, 'data');
    fs.mkdirSync(vol);
    fs.mkdirSync(dataDir, { mode: 0o700 });
    const child = spawnSync(
      'unshare',
      [
        '--mount',
        '--propagation',
        'private',
        'sh',
        '-c',
        `mount -t tmpfs -o size=16m tmpfs "${vol}" && exec "$@"`,
        'sh',
        process.execPath,
        '--import',
        'tsx',
        CHILD,
      ],
      { input: JSON.stringify({ vol, dataDir }), encoding: 'utf8', timeout: 300_000 },
    );
    if (child.status !== 0) throw new Error(`namespace child failed (${child.status}): ${child.stderr}`);
    const out = JSON.parse(child.stdout);

    expect(out.freePercentBefore).toBeLessThan(5);
    expect(out.runs).toEqual([{ trigger: 'low-disk', status: 'completed', removed: 2 }]);
    // 10 MiB under a 10.24 MiB limit: an ordinary run removes nothing; low disk goes to 80% of it.
    expect(out.left).toEqual([2, 3, 4, 5, 6, 7, 8, 9].map((i) => `take-${i}.wav`));
    expect(out.otherProgramKept).toBe(true);
  });
});
