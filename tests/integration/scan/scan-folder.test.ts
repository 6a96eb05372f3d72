import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scanFolder, type FolderScan } from '../../../electron/engine/scan/scan-folder.js';
import { entriesOf, totalBytesOf } from '../../../bench/lib/packed-entries.js';

let tmp: string;
beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'headroom-scan-'));
});
afterEach(() => {
  rmSync(tmp, { recursive: true, force: true });
});

function write(rel: string, sizeBytes: number): void {
  const full = join(tmp, rel);
  mkdirSync(join(full, '..'), { recursive: true });
  writeFileSync(full, Buffer.alloc(sizeBytes, 7));
}

function paths(scan: FolderScan): string[] {
  return entriesOf(scan.files)
    .map((f) => `${f.path}:${f.sizeBytes}`)
    .sort();
}

describe('scanFolder', () => {
  it('finds every regular file of a nested tree, with sizes and totals', async () => {
    write('a.wav', 10);
    write('x/b.wav', 200);
    write('x/y/z/c.wav', 3_000);
    write('x/y/d.txt', 0);
    mkdirSync(join(tmp, 'empty'));
    const scan = await scanFolder(join(tmp, '.'));
    expect(scan).toMatchObject({ root: tmp, exists: true, error: null, unreadable: [] });
    expect(paths(scan)).toEqual(['a.wav:10', 'x/b.wav:200', 'x/y/d.txt:0', 'x/y/z/c.wav:3000']);
    expect(totalBytesOf(scan.files)).toBe(3_210);
    expect([...scan.dirs].sort()).toEqual(['', 'empty', 'x', 'x/y', 'x/y/z']);
    const entry = entriesOf(scan.files).find((f) => f.path === 'x/b.wav');
    expect(entry?.ino).toBeGreaterThan(0);
    expect(entry?.mtimeMs).toBeGreaterThan(Date.parse('2020-01-01'));
  });

  it('gives the same result when two workers split the walk into small chunks', async () => {
    for (let d = 0; d < 30; d++) for (let f = 0; f < 7; f++) write(`d${d % 5}/s${d}/f${f}.bin`, d * 10 + f);
    const single = await scanFolder(tmp, { workers: 1 });
    const split = await scanFolder(tmp, { workers: 2, chunkEntries: 4 });
    expect(split.files.count).toBe(210);
    expect(paths(split)).toEqual(paths(single));
    expect([...split.dirs].sort()).toEqual([...single.dirs].sort());
  });

  it('does not follow a symlink to an outside folder full of files', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'headroom-outside-'));
    try {
      for (let i = 0; i < 20; i++) writeFileSync(join(outside, `big-${i}`), Buffer.alloc(1_000));
      write('own.wav', 5);
      symlinkSync(outside, join(tmp, 'link-to-folder'));
      const scan = await scanFolder(tmp);
      expect(paths(scan)).toEqual(['own.wav:5']);
      expect(scan.dirs).toEqual(['']);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('does not count a symlink to an outside file', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'headroom-outside-'));
    try {
      writeFileSync(join(outside, 'big'), Buffer.alloc(50_000));
      symlinkSync(join(outside, 'big'), join(tmp, 'link-to-file'));
      const scan = await scanFolder(tmp);
      expect(scan.files.count).toBe(0);
      expect(scan.error).toBeNull();
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('reports a missing root as not existing, without an error', async () => {
    const scan = await scanFolder(join(tmp, 'not-there'));
    expect(scan).toMatchObject({ exists: false, error: null, dirs: [], unreadable: [] });
    expect(scan.files.count).toBe(0);
  });

  it('refuses a root that is a file or a symlink, with a sentence', async () => {
    write('file', 3);
    mkdirSync(join(tmp, 'real'));
    write('real/inside', 4);
    symlinkSync(join(tmp, 'real'), join(tmp, 'link'));
    const onFile = await scanFolder(join(tmp, 'file'));
    expect(onFile.exists).toBe(true);
    expect(onFile.error).toMatch(/is not a folder/);
    const onLink = await scanFolder(join(tmp, 'link'));
    expect(onLink.error).toMatch(/symbolic link/);
    expect(onLink.files.count).toBe(0);
  });

  it('handles file and folder names that are not UTF-8', async () => {
    const dirName = Buffer.from([0x64, 0xe9, 0x6a, 0xe0]); // "déjà" in Latin-1
    const fileName = Buffer.from([0x66, 0xff, 0x2e, 0x77, 0x61, 0x76]);
    const dir = Buffer.concat([Buffer.from(`${tmp}/`), dirName]);
    mkdirSync(dir);
    writeFileSync(Buffer.concat([dir, Buffer.from('/'), fileName]), Buffer.alloc(9));
    const scan = await scanFolder(tmp);
    expect(scan.files.count).toBe(1);
    expect(totalBytesOf(scan.files)).toBe(9);
    expect(Buffer.from(scan.files.pathBytesAt(0))).toEqual(
      Buffer.concat([dirName, Buffer.from('/'), fileName]),
    );
    // Each byte that is not part of a valid UTF-8 sequence is its own escape, U+DC80+byte.
    expect(scan.files.path(0)).toBe('d\udce9j\udce0/f\udcff.wav');
    expect(scan.dirs).toContain('d\udce9j\udce0');
  });

  it('does not cross into a mounted file system (needs root to mount a tmpfs)', async (ctx) => {
    write('own.wav', 1);
    mkdirSync(join(tmp, 'mnt'));
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'headroom-test', join(tmp, 'mnt')], {
        stdio: 'ignore',
      });
    } catch {
      ctx.skip('mounting a tmpfs is not permitted here');
    }
    try {
      writeFileSync(join(tmp, 'mnt', 'other-device.bin'), Buffer.alloc(100));
      const scan = await scanFolder(tmp);
      expect(paths(scan)).toEqual(['own.wav:1']);
      expect(scan.unreadable).toEqual([expect.objectContaining({ path: 'mnt', code: 'EXDEV' })]);
      expect(scan.dirs).not.toContain('mnt');
    } finally {
      execFileSync('umount', [join(tmp, 'mnt')]);
    }
  });
});

describe('scanFolder as an unprivileged user (setpriv, uid 65534)', () => {
  const script = fileURLToPath(new URL('./scan-as-user.ts', import.meta.url));
  const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));

  function scanAsNobody(root: string) {
    const out = execFileSync(
      'setpriv',
      ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, '--import', 'tsx', script, root],
      { cwd: projectRoot, encoding: 'utf8', env: { ...process.env, HOME: tmpdir() } },
    );
    return JSON.parse(out) as {
      exists: boolean;
      error: string | null;
      files: string[];
      unreadable: unknown[];
    };
  }

  it('records unreadable subfolders and goes on with the rest', () => {
    chmodSync(tmp, 0o755);
    write('ok/f1', 1);
    write('locked/secret', 1);
    write('listable/hidden', 1); // readable names, but no search permission: lstat fails
    chmodSync(join(tmp, 'ok'), 0o755);
    chmodSync(join(tmp, 'locked'), 0o700);
    chmodSync(join(tmp, 'listable'), 0o744);
    const scan = scanAsNobody(tmp);
    expect(scan.error).toBeNull();
    expect(scan.files).toEqual(['ok/f1']);
    expect(scan.unreadable).toEqual(
      expect.arrayContaining([
        { path: 'locked', code: 'EACCES' },
        { path: 'listable', code: 'EACCES' },
      ]),
    );
    expect(scan.unreadable).toHaveLength(2);
  });

  it('turns an unreadable root into an error sentence', () => {
    chmodSync(tmp, 0o755);
    write('root/f', 1);
    chmodSync(join(tmp, 'root'), 0o700);
    const scan = scanAsNobody(join(tmp, 'root'));
    expect(scan.exists).toBe(true);
    expect(scan.error).toMatch(/cannot read .*EACCES/);
    expect(scan.files).toEqual([]);
  });
});
