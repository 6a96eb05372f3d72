/**
 * The walk through the addon's directory handles finds exactly what the walk by path finds, entry for
 * entry, on a tree with what real folders hold: nested and empty folders, links to files and folders
 * (never followed), a fifo, names that are not UTF-8, a real U+FFFD and a newline in a name; and across
 * chunk budgets.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PackedFiles } from '../../../electron/engine/scan/packed-files.js';
import { loadScanAddon } from '../../../electron/engine/removal/native-dir-fs.js';
import { packByteList, unpackByteList } from '../../../electron/engine/scan/byte-list.js';
import type { WalkChunk, WalkTask } from '../../../electron/engine/scan/scan-types.js';
import { walkDirsByPath } from '../../../electron/engine/scan/walk-dirs.js';
import { walkDirsNative } from '../../../electron/engine/scan/walk-dirs-native.js';
import { entriesOf } from '../../../bench/lib/packed-entries.js';

const addon = loadScanAddon();
if (!addon) console.log('walk-native: skipped: the addon is not built here');

let base = '';
afterEach(() => fs.rmSync(base, { recursive: true, force: true }));

function write(rel: Buffer | string, content = 'x', ageMs = 0): void {
  const full = Buffer.concat([Buffer.from(base + '/root/'), Buffer.from(rel)]);
  fs.mkdirSync(full.subarray(0, full.lastIndexOf(0x2f)), { recursive: true });
  fs.writeFileSync(full, content);
  if (ageMs > 0) fs.utimesSync(full, new Date(Date.now() - ageMs), new Date(Date.now() - ageMs - 123.456));
}

function tree(): string {
  base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-walk-native-')));
  const root = path.join(base, 'root');
  write('a.wav', 'aaaa', 86_400_000);
  write('sub/b.wav', 'bb');
  write('sub/deeper/c.txt', '');
  write(Buffer.concat([Buffer.from('bad'), Buffer.from([0xff]), Buffer.from('/n'), Buffer.from([0xfe])]));
  write('line\nbreak.txt', 'nl');
  write('real-\uFFFD-replacement.txt', 'valid UTF-8 that reads like a stray byte');
  fs.mkdirSync(path.join(root, 'empty'));
  fs.mkdirSync(path.join(base, 'outside'));
  fs.writeFileSync(path.join(base, 'outside', 'secret.txt'), 'secret');
  fs.symlinkSync(path.join(base, 'outside'), path.join(root, 'link-to-dir'));
  fs.symlinkSync(path.join(root, 'a.wav'), path.join(root, 'link-to-file'));
  execFileSync('mkfifo', [path.join(root, 'sub', 'pipe')]);
  for (let i = 0; i < 40; i++) write(`many/f${i}.bin`, String(i));
  return root;
}

/** Runs the walk chunk by chunk (as the workers do) until nothing is pending; returns all it found. */
function walkAll(
  walk: (task: WalkTask) => WalkChunk,
  root: string,
  budgetEntries: number,
  betweenChunks: (chunk: WalkChunk) => void = () => {},
) {
  const { dev: rootDev, ino: rootIno } = fs.statSync(root);
  let pending = packByteList([new Uint8Array(0)]);
  const files: string[] = [];
  const dirs: string[] = [];
  const unreadable: string[] = [];
  while (pending.offsets.length > 1) {
    const task = { root: new Uint8Array(Buffer.from(root)), rootDev, rootIno, dirs: pending, budgetEntries };
    const chunk = walk(task);
    betweenChunks(chunk);
    const packed = new PackedFiles(chunk.files);
    for (const e of entriesOf(packed)) files.push(JSON.stringify(e));
    for (const d of unpackByteList(chunk.dirs)) dirs.push(Buffer.from(d).toString('hex'));
    for (const u of chunk.unreadable) unreadable.push(JSON.stringify(u));
    pending = chunk.pending;
  }
  return { files: files.sort(), dirs: dirs.sort(), unreadable: unreadable.sort() };
}

describe.runIf(addon !== null)('the walk through directory handles', () => {
  it('finds the same files, with the same sizes, mtimes and identities, as the walk by path', () => {
    const root = tree();
    const byPath = walkAll(walkDirsByPath, root, 100_000);
    const native = walkAll((task) => walkDirsNative(task, addon!), root, 100_000);
    expect(native).toEqual(byPath);
    expect(native.files).toHaveLength(46);
    expect(native.files.join()).toContain('real-\uFFFD-replacement.txt');
    const a = native.files.map((f) => JSON.parse(f)).find((f) => f.path === 'a.wav');
    expect(a.mtimeMs).toBe(fs.lstatSync(path.join(root, 'a.wav')).mtimeMs);
    expect(native.files.join()).not.toContain('secret');
    expect(native.files.join()).not.toContain('link-to');
    expect(native.files.join()).not.toContain('pipe');
  });

  it('hands out the same tree in small chunks as in one', () => {
    const root = tree();
    expect(walkAll((task) => walkDirsNative(task, addon!), root, 3)).toEqual(
      walkAll(walkDirsByPath, root, 100_000),
    );
  });

  it('the way without openat2 (older kernels, macOS) finds the same', () => {
    const root = tree();
    expect(walkAll((task) => walkDirsNative(task, addon!, () => false, true), root, 3)).toEqual(
      walkAll(walkDirsByPath, root, 100_000),
    );
  });

  // A folder already listed as a subfolder is replaced, before the walk reaches it, by a link to a folder
  // outside that holds a folder of the same name: opening `deep/inner` by its path would follow the link.
  for (const portable of [false, true]) {
    it(`does not follow a folder swapped for a link out of the root${portable ? ' (without openat2)' : ''}`, () => {
      const root = tree();
      fs.mkdirSync(path.join(root, 'deep', 'inner'), { recursive: true });
      fs.writeFileSync(path.join(root, 'deep', 'inner', 'mine.txt'), 'mine');
      fs.mkdirSync(path.join(base, 'outside', 'inner'));
      fs.writeFileSync(path.join(base, 'outside', 'inner', 'secret-inner.txt'), 'secret');
      let swapped = false;
      const found = walkAll(
        (task) => walkDirsNative(task, addon!, () => false, portable),
        root,
        1,
        (chunk) => {
          // Once `deep` was listed (its `inner` is pending), swap `deep` itself for a link.
          const listed = unpackByteList(chunk.dirs).map((d) => Buffer.from(d).toString());
          if (swapped || !listed.includes('deep')) return;
          swapped = true;
          fs.renameSync(path.join(root, 'deep'), path.join(base, 'deep-moved'));
          fs.symlinkSync(path.join(base, 'outside'), path.join(root, 'deep'));
        },
      );
      expect(swapped).toBe(true);
      expect(found.files.join()).not.toContain('secret');
    });
  }

  // As root no permission is denied: the walk runs as nobody through setpriv.
  it.runIf(process.getuid?.() === 0)(
    'reports an unreadable folder once, as the walk by path does (run as nobody)',
    () => {
      const root = tree();
      fs.chmodSync(path.join(root, 'sub'), 0o744); // readable, not searchable, by others
      fs.chmodSync(base, 0o755);
      fs.chmodSync(root, 0o755);
      const script = `
      import { loadScanAddon } from ${JSON.stringify(path.resolve('electron/engine/removal/native-dir-fs.ts'))};
      import { walkDirsNative } from ${JSON.stringify(path.resolve('electron/engine/scan/walk-dirs-native.ts'))};
      import { walkDirsByPath } from ${JSON.stringify(path.resolve('electron/engine/scan/walk-dirs.ts'))};
      import { packByteList } from ${JSON.stringify(path.resolve('electron/engine/scan/byte-list.ts'))};
      import fs from 'node:fs';
      const root = ${JSON.stringify(root)};
      const task = () => ({ root: new Uint8Array(Buffer.from(root)), rootDev: fs.statSync(root).dev, rootIno: fs.statSync(root).ino, dirs: packByteList([Buffer.from('sub')]), budgetEntries: 1000 });
      const a = walkDirsNative(task(), loadScanAddon()).unreadable;
      const b = walkDirsByPath(task()).unreadable;
      process.stdout.write(JSON.stringify({ a, b }));
    `;
      const out = execFileSync(
        'setpriv',
        [
          '--reuid=65534',
          '--regid=65534',
          '--clear-groups',
          process.execPath,
          '--import',
          'tsx',
          '--input-type=module',
          '-e',
          script,
        ],
        { encoding: 'utf8', cwd: process.cwd() },
      );
      const { a, b } = JSON.parse(out);
      expect(a).toEqual(b);
      expect(a).toEqual([expect.objectContaining({ path: 'sub', code: 'EACCES' })]);
    },
  );
});
