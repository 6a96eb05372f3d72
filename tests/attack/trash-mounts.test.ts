/**
 * Issue 10, finding 2: moving to the trash across mounts. A folder bind-mounted from elsewhere is on the
 * home trash's file system but on another mount: the rename fails with EXDEV, where the `trash` package
 * fell back to copy + recursive delete (one swap during the copy deleted a whole outside tree). Headroom
 * must rename into the mount's own trash or keep the file, never copy; and never use a trash folder that
 * another user prepared. Real bind mounts in a private mount namespace (`unshare -m`), as root.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ATTACK_RUNS_IN_SUITE,
  buildSwapper,
  countFilesSaying,
  makeAttackTree,
} from './support/swap-attack.js';
import { canUnshare, runInMountNamespace } from './support/run-in-namespace.js';

const RUNS = Number(process.env.HEADROOM_ATTACK_RUNS ?? ATTACK_RUNS_IN_SUITE);
const usable = process.platform === 'linux' && process.getuid?.() === 0 && canUnshare();
if (!usable) console.log('trash-mounts: skipped: needs Linux, root and unshare -m to make bind mounts');

let base = '';
afterEach(() => fs.rmSync(base, { recursive: true, force: true }), 300_000);

/** `base/src` bind-mounted at `base/mnt`, a root `mnt/root` with old files, and a home trash in `base/xdg`. */
function setUp(files: string[]) {
  base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-trash-mnt-')));
  const src = path.join(base, 'src');
  const mnt = path.join(base, 'mnt');
  const xdg = path.join(base, 'xdg');
  for (const f of files) {
    fs.mkdirSync(path.dirname(path.join(src, 'root', f)), { recursive: true });
    fs.writeFileSync(path.join(src, 'root', f), `content of ${f}`);
  }
  fs.mkdirSync(mnt);
  const env = { ...process.env, XDG_DATA_HOME: xdg };
  return { src, mnt, xdg, env, mounts: [`mount --bind ${src} ${mnt}`] };
}

describe.runIf(usable)('trash from a bind-mounted folder (unshare -m)', () => {
  // Without the addon (a machine with no C compiler) the same trash chain runs on the path fallback: the
  // `trash` package it once handed files to copies and deletes across mounts.
  it.each([
    ['the addon', false],
    ['the path fallback', true],
  ])(
    'renames into the mount’s own .Trash-<uid> (same inode: moved, not copied), never the home trash, on %s',
    (_, pathFallback) => {
      const { src, mnt, xdg, env, mounts } = setUp(['a.wav', 'sub/b.wav']);
      const inode = fs.statSync(path.join(src, 'root', 'a.wav')).ino;

      const { result } = runInMountNamespace(mounts, { root: path.join(mnt, 'root'), pathFallback }, env);

      expect(result.errors).toEqual([]);
      expect(result.removed.map((r) => r.path).sort()).toEqual(['a.wav', 'sub/b.wav']);
      expect(result.bytesTrashed).toBe(result.bytesRemoved);
      expect(result.bytesFreed).toBe(0);
      const trash = path.join(src, `.Trash-${process.getuid?.()}`);
      expect(fs.statSync(trash).mode & 0o777).toBe(0o700);
      expect(fs.statSync(path.join(trash, 'files', 'a.wav')).ino).toBe(inode);
      const info = fs.readFileSync(path.join(trash, 'info', 'a.wav.trashinfo'), 'utf8');
      expect(info).toMatch(
        /^\[Trash Info\]\nPath=root\/a\.wav\nDeletionDate=\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\n$/,
      );
      expect(countFilesSaying(path.join(xdg, 'Trash'), 'content of a.wav')).toBe(0);
      expect(fs.existsSync(path.join(src, 'root', 'a.wav'))).toBe(false);
    },
  );

  it('keeps the files when the mount’s .Trash-<uid> was made by another user, and says why', () => {
    const { src, mnt, env, mounts } = setUp(['a.wav']);
    const planted = path.join(src, `.Trash-${process.getuid?.()}`);
    fs.mkdirSync(path.join(planted, 'files'), { recursive: true });
    fs.mkdirSync(path.join(planted, 'info'));
    fs.chmodSync(planted, 0o777);
    fs.chownSync(planted, 65534, 65534);

    const { result } = runInMountNamespace(mounts, { root: path.join(mnt, 'root') }, env);

    expect(result.removed).toEqual([]);
    expect(result.skipped.map((s) => s.why)).toEqual(['trash-unavailable']);
    expect(result.skipped[0]?.detail).toMatch(/not a folder private to you/);
    expect(fs.readFileSync(path.join(src, 'root', 'a.wav'), 'utf8')).toBe('content of a.wav');
    expect(fs.readdirSync(path.join(planted, 'files'))).toEqual([]);
  });

  it('uses a sticky .Trash/<uid> of the mount, and not one another user made', () => {
    const { src, mnt, env, mounts } = setUp(['a.wav', 'b.wav']);
    const shared = path.join(src, '.Trash');
    fs.mkdirSync(shared);
    fs.chmodSync(shared, 0o1777);

    const first = runInMountNamespace(mounts, { root: path.join(mnt, 'root') }, env).result;
    expect(first.removed).toHaveLength(2);
    const own = path.join(shared, String(process.getuid?.()));
    expect(fs.readdirSync(path.join(own, 'files')).sort()).toEqual(['a.wav', 'b.wav']);

    fs.rmSync(own, { recursive: true });
    fs.mkdirSync(own, { mode: 0o777 });
    fs.chownSync(own, 65534, 65534);
    fs.writeFileSync(path.join(src, 'root', 'c.wav'), 'c');
    const second = runInMountNamespace(mounts, { root: path.join(mnt, 'root') }, env).result;
    expect(second.removed.map((r) => r.path)).toEqual(['c.wav']);
    expect(fs.readdirSync(own)).toEqual([]);
    expect(fs.existsSync(path.join(src, `.Trash-${process.getuid?.()}`, 'files', 'c.wav'))).toBe(true);
  });

  it(`moves nothing from outside under the parent-swap attack, ${RUNS} runs (EXDEV case)`, () => {
    const totals = { outsideFiles: 0, outsideDirs: 0, trashedOutside: 0, swaps: 0, removed: 0 };
    for (let run = 0; run < RUNS; run++) {
      const { src, mnt, xdg, env, mounts } = setUp([]);
      const swapper = buildSwapper(base);
      const outside = path.join(base, 'outside');
      // The tree is made under src and attacked through the bind mount at mnt.
      const tree = makeAttackTree(path.join(src, 'tree'), 50, 100, outside);
      const viaMount = {
        ...tree,
        base: path.join(mnt, 'tree'),
        root: path.join(mnt, 'tree', 'root'),
      };
      const { result, swaps } = runInMountNamespace(
        mounts,
        { root: viaMount.root, swapper, tree: viaMount },
        env,
      );
      totals.swaps += swaps;
      totals.removed += result.filesRemoved;
      totals.outsideFiles += tree.files.filter(
        (rel) => !fs.existsSync(path.join(outside, rel.slice('sub/'.length))),
      ).length;
      totals.outsideDirs += tree.dirs.filter((d) => !fs.existsSync(path.join(outside, d))).length;
      totals.trashedOutside +=
        countFilesSaying(path.join(xdg, 'Trash'), 'outside') +
        countFilesSaying(path.join(src, `.Trash-${process.getuid?.()}`), 'outside');
      fs.rmSync(base, { recursive: true, force: true });
    }
    console.log(`trash over a bind mount: ${RUNS} runs, ${totals.swaps} swaps, ${totals.removed} trashed`);
    expect(totals.swaps).toBeGreaterThan(RUNS * 10);
    expect(totals.removed).toBeGreaterThan(0);
    expect({ ...totals, swaps: 0, removed: 0 }).toEqual({
      outsideFiles: 0,
      outsideDirs: 0,
      trashedOutside: 0,
      swaps: 0,
      removed: 0,
    });
  }, 1_800_000);
});
