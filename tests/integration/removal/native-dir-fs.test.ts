/**
 * The removal addon against the real kernel: it is built and loaded on Linux (CI fails here when npm ci
 * could not build it), it never follows a link, it takes only bare names, and its rename never replaces.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadNativeDirFs } from '../../../electron/engine/removal/native-dir-fs.js';
import type { DirFs } from '../../../electron/engine/removal/dir-fs.js';

let base = '';
afterEach(() => fs.rmSync(base, { recursive: true, force: true }));

function setUp(): { dirFs: DirFs; base: string } {
  base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-native-')));
  const loaded = loadNativeDirFs();
  if (!loaded.ok) throw new Error(loaded.why);
  return { dirFs: loaded.dirFs, base };
}

const code = (fn: () => unknown) => {
  try {
    fn();
    return 'no error';
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? (error as Error).name;
  }
};

describe.runIf(process.platform === 'linux' || process.platform === 'darwin')('the removal addon', () => {
  it('is built and loads', () => {
    const loaded = loadNativeDirFs();
    expect(loaded.ok ? 'loaded' : loaded.why).toBe('loaded');
  });

  it('opens folders by bare name without following a link, and stats like Node', () => {
    const { dirFs } = setUp();
    fs.mkdirSync(path.join(base, 'real'));
    fs.writeFileSync(path.join(base, 'real', 'f.txt'), 'abc');
    fs.symlinkSync(path.join(base, 'real'), path.join(base, 'link'));
    const root = dirFs.openDir(base);
    try {
      expect(code(() => dirFs.openChild(root, 'link'))).toMatch(/^(ELOOP|ENOTDIR)$/);
      expect(code(() => dirFs.openDir(path.join(base, 'link')))).toMatch(/^(ELOOP|ENOTDIR)$/);
      const real = dirFs.openChild(root, 'real');
      const st = dirFs.stat(real, 'f.txt');
      const node = fs.lstatSync(path.join(base, 'real', 'f.txt'));
      expect(st).toMatchObject({
        kind: 'file',
        dev: node.dev,
        ino: node.ino,
        size: 3,
        mtimeMs: node.mtimeMs,
      });
      expect(st.diskBytes).toBe(node.blocks * 512);
      expect(dirFs.stat(root, 'link').kind).toBe('link');
      dirFs.close(real);
    } finally {
      dirFs.close(root);
    }
  });

  it('refuses names that could leave the folder: "..", ".", "a/b", "" and NUL', () => {
    const { dirFs } = setUp();
    const root = dirFs.openDir(base);
    try {
      for (const name of ['..', '.', 'a/b', '', 'a\0b']) {
        expect(
          code(() => dirFs.unlink(root, name)),
          JSON.stringify(name),
        ).toBe('TypeError');
        expect(
          code(() => dirFs.openChild(root, name)),
          JSON.stringify(name),
        ).toBe('TypeError');
      }
    } finally {
      dirFs.close(root);
    }
  });

  it('renames between open folders without replacing, and removes by bare name', () => {
    const { dirFs } = setUp();
    fs.mkdirSync(path.join(base, 'a'));
    fs.mkdirSync(path.join(base, 'b'));
    fs.writeFileSync(path.join(base, 'a', 'x'), 'from a');
    fs.writeFileSync(path.join(base, 'b', 'x'), 'already in b');
    const root = dirFs.openDir(base);
    const a = dirFs.openChild(root, 'a');
    const b = dirFs.openChild(root, 'b');
    try {
      expect(code(() => dirFs.renameNoReplace(a, 'x', b, 'x'))).toBe('EEXIST');
      expect(fs.readFileSync(path.join(base, 'b', 'x'), 'utf8')).toBe('already in b');
      dirFs.renameNoReplace(a, 'x', b, 'y');
      expect(fs.readFileSync(path.join(base, 'b', 'y'), 'utf8')).toBe('from a');
      dirFs.unlink(b, 'y');
      expect(fs.existsSync(path.join(base, 'b', 'y'))).toBe(false);
      expect(code(() => dirFs.unlink(root, 'a'))).toMatch(/^(EISDIR|EPERM)$/);
      expect(code(() => dirFs.rmdir(root, 'b'))).toBe('ENOTEMPTY');
    } finally {
      [a, b, root].forEach((d) => dirFs.close(d));
    }
  });
});
