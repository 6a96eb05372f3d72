/**
 * The removal core's `DirFs` port (the real addon), wrapped so mutations land *during* the removal at
 * exact points: when the core makes its nth look (`stat`) at a planned file, just before the call or just
 * after it returns. The core runs on this thread, so its calls and the mutations happen in one known
 * order. Each unlink is logged with what was really at the path just before it (an independent `lstat`
 * and the file's tag) and whether the path was gone just after.
 *
 * The window left: between the core's look at a file and its `unlinkat` in the same open folder, another
 * file renamed onto the planned name goes unseen (it is inside that folder, so inside the root). Folders
 * swapped in that window no longer matter (the folder is pinned by its handle), but the path-based log
 * could not tell which file went, so a mutation that would hit a planned file or a folder above it in
 * that window is held back and counted, not applied; tests/attack meets folder swaps at full speed.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { DirFs, DirHandle, EntryStat } from '../../../electron/engine/removal/dir-fs.js';
import { dirFsWith } from '../../support/dir-fs-port.js';
import { readTag } from './case-tree.js';

/** The executor's look at a file that opens the unguarded window up to its unlink. */
export const LAST_LOOK = 1;

export interface UnlinkEvent {
  rel: string;
  seq: number;
  /** What was at the path just before the unlink (lstat, not followed); null when nothing was. */
  before: {
    isFile: boolean;
    dev: number;
    ino: number;
    size: number;
    mtimeMs: number;
    tag: string | null;
  } | null;
  ok: boolean;
  /** Whether anything was at the path just after a successful unlink. */
  stillThere: boolean;
}

export interface DuringTrigger {
  onPath: string;
  nth: number;
  at: 'before' | 'after';
  fire: () => void;
}

export class RaceHarness {
  seq = 0;
  readonly unlinks: UnlinkEvent[] = [];
  readonly rmdirs: string[] = [];
  /** Planned paths between the executor's last look and their unlink. */
  readonly armed = new Set<string>();
  private readonly lstats = new Map<string, number>();

  constructor(
    private readonly root: string,
    private readonly planned: ReadonlySet<string>,
    private readonly triggers: DuringTrigger[],
    /** The executor's look at a file that opens the window up to its unlink (LAST_LOOK on the async path). */
    private readonly lastLook: number = LAST_LOOK,
  ) {}

  /** Relative path inside the root, or null for the root itself and anything outside it. */
  private rel(abs: string): string | null {
    const rel = path.relative(this.root, abs);
    if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return null;
    return rel.split(path.sep).join('/');
  }

  /** True when `rel` was unlinked already. */
  isUnlinked(rel: string): boolean {
    return this.unlinks.some((u) => u.rel === rel && u.ok);
  }

  private fire(rel: string, nth: number, at: 'before' | 'after'): void {
    for (const t of this.triggers) if (t.onPath === rel && t.nth === nth && t.at === at) t.fire();
  }

  /** The core's look at `name` in `dir`, counted and with the triggers fired around it. */
  private statAt(real: DirFs, dir: DirHandle, name: string): EntryStat {
    const abs = path.join(dir.absPath, name);
    const rel = this.rel(abs);
    if (rel === null) return real.stat(dir, name);
    const nth = this.before(rel);
    let result: EntryStat | undefined;
    try {
      result = real.stat(dir, name);
      return result;
    } finally {
      this.after(rel, nth, result?.kind === 'file');
    }
  }

  private before(rel: string): number {
    const nth = (this.lstats.get(rel) ?? 0) + 1;
    this.lstats.set(rel, nth);
    this.seq++;
    this.fire(rel, nth, 'before');
    return nth;
  }

  private after(rel: string, nth: number, isFile: boolean): void {
    if (isFile && nth >= this.lastLook && this.planned.has(rel)) this.armed.add(rel);
    this.fire(rel, nth, 'after');
  }

  /**
   * Logged under the planned path (the folder's path when the core opened it), but looked at where the
   * open folder really is now (Linux: /proc/self/fd), since a folder moved after it was opened takes
   * the core's removal with it: the log must show the file the core really removed.
   */
  private unlinkAt(real: DirFs, dir: DirHandle, name: string): void {
    const abs = path.join(dir.absPath, name);
    const rel = this.rel(abs) ?? `(outside the root) ${abs}`;
    const live = path.join(livePath(dir), name);
    const event: UnlinkEvent = { rel, seq: ++this.seq, before: lookAt(live), ok: false, stillThere: false };
    this.unlinks.push(event);
    try {
      real.unlink(dir, name);
      event.ok = true;
      event.stillThere = lookAt(live) !== null;
    } finally {
      this.armed.delete(rel);
    }
  }

  /** The removal core's port, run on this thread: every look and removal goes through the harness. */
  get dirFs(): DirFs {
    return dirFsWith({
      stat: (real, dir, name) => this.statAt(real, dir, name),
      unlink: (real, dir, name) => this.unlinkAt(real, dir, name),
      rmdir: (real, dir, name) => {
        real.rmdir(dir, name);
        this.rmdirs.push(this.rel(path.join(dir.absPath, name)) ?? name);
      },
    });
  }
}

/** Where an open folder is now. */
function livePath(dir: DirHandle): string {
  if (dir.fd < 0 || process.platform !== 'linux') return dir.absPath;
  return fs.readlinkSync(`/proc/self/fd/${dir.fd}`);
}

function lookAt(abs: string): UnlinkEvent['before'] {
  let st: fs.Stats;
  try {
    st = fs.lstatSync(abs);
  } catch {
    return null;
  }
  const tag = st.isFile() ? readTag(abs) : null;
  return { isFile: st.isFile(), dev: st.dev, ino: st.ino, size: st.size, mtimeMs: st.mtimeMs, tag };
}
