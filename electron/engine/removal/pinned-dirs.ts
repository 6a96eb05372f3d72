/**
 * The folders of one run, opened from the root down one bare name at a time without following links, and
 * kept open for the files that follow (a bounded number at once). A folder is reached only through its
 * parent's handle, so its identity is the walk's by construction: a folder swapped for a link or moved
 * after it was opened does not redirect the calls made through its handle.
 */
import type { SkipWhy } from '../../../shared/types.js';
import type { DirFs, DirHandle } from './dir-fs.js';
import { errorCode, errorMessage } from '../fs/errno.js';

export type Refusal =
  { kind: 'skip'; why: SkipWhy; detail: string } | { kind: 'error'; code: string; message: string };

const MAX_OPEN = 2048;

export class PinnedDirs {
  private readonly open = new Map<string, DirHandle>();
  /** Every folder opened in this run, by relative path, even after its handle was closed. */
  readonly seen = new Map<string, { dev: number; ino: number }>();

  constructor(
    private readonly dirFs: DirFs,
    readonly root: DirHandle,
    /** On the path fallback: folders another user can write to are refused. */
    private readonly isShared: ((dir: DirHandle) => boolean) | null,
  ) {
    this.seen.set('', { dev: root.dev, ino: root.ino });
  }

  private last: { parts: readonly string[]; dir: DirHandle } | null = null;

  /**
   * The handle of the folder `dirParts` below the root, or why it cannot be used. The same `dirParts`
   * array asked for twice in a row (the files of one folder) is answered without a lookup.
   */
  get(dirParts: readonly string[]): DirHandle | Refusal {
    if (this.last?.parts === dirParts) return this.last.dir;
    const found = this.lookUp(dirParts);
    this.last = 'kind' in found ? null : { parts: dirParts, dir: found };
    return found;
  }

  private lookUp(dirParts: readonly string[]): DirHandle | Refusal {
    if (dirParts.length === 0) return this.root;
    const key = dirParts.join('/');
    const hit = this.open.get(key);
    if (hit) {
      this.open.delete(key);
      this.open.set(key, hit);
      return hit;
    }
    const parent = this.lookUp(dirParts.slice(0, -1));
    if ('kind' in parent) return parent;
    const opened = this.openChild(parent, dirParts.at(-1) as string, key);
    if ('kind' in opened) return opened;
    this.open.set(key, opened);
    this.seen.set(key, { dev: opened.dev, ino: opened.ino });
    this.evict();
    return opened;
  }

  private openChild(parent: DirHandle, name: string, rel: string): DirHandle | Refusal {
    let dir: DirHandle;
    try {
      dir = this.dirFs.openChild(parent, name);
    } catch (error) {
      return refusalOfOpen(error, rel, () => this.dirFs.stat(parent, name).kind === 'link');
    }
    if (dir.dev !== this.root.dev) {
      this.dirFs.close(dir);
      return skip('outside-root', `folder ${rel} is a mount point of another device`);
    }
    if (this.isShared?.(dir)) {
      this.dirFs.close(dir);
      return skip('shared-folder', sharedDetail(rel));
    }
    return dir;
  }

  private evict(): void {
    for (const [key, dir] of this.open) {
      if (this.open.size <= MAX_OPEN) return;
      this.open.delete(key);
      if (this.last?.dir === dir) this.last = null;
      this.dirFs.close(dir);
    }
  }

  /** Closes every handle, the root's included. */
  closeAll(): void {
    this.last = null;
    for (const dir of this.open.values()) this.dirFs.close(dir);
    this.open.clear();
    this.dirFs.close(this.root);
  }
}

export const skip = (why: SkipWhy, detail: string): Refusal => ({ kind: 'skip', why, detail });

export function sharedDetail(rel: string): string {
  const where = rel === '' ? 'the folder itself' : `folder ${rel}`;
  return (
    `${where} can be written by another user, and this platform has no race-free removal; ` +
    'the file was kept'
  );
}

/** Turns a failed open of a folder into a verdict people can read. */
export function refusalOfOpen(error: unknown, rel: string, isLink?: () => boolean): Refusal {
  let code = errorCode(error);
  // O_DIRECTORY|O_NOFOLLOW on a link fails with ENOTDIR on Linux, ELOOP elsewhere: ask which it was.
  if (code === 'ENOTDIR' && isLink) {
    try {
      if (isLink()) code = 'ELOOP';
    } catch {
      code = 'ENOENT';
    }
  }
  switch (code) {
    case 'ENOENT':
      return skip('gone', `folder ${rel} no longer exists`);
    case 'ELOOP':
      return skip('outside-root', `folder ${rel} is now a symbolic link`);
    case 'ENOTDIR':
      return skip('changed', `${rel} is no longer a folder`);
    case 'ESTALE':
      return skip('outside-root', `folder ${rel} was replaced while the run went on`);
    default:
      return { kind: 'error', code, message: errorMessage(error) };
  }
}
