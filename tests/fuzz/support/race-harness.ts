/**
 * The executor's `FsOps` port, wrapped so mutations land *during* the removal at exact points: when the
 * executor makes its nth `lstat` of a planned file, just before the call or just after it returns.
 *
 * Every call goes through one queue, so the executor's calls and the mutations happen in a single, known
 * order (the executor still has several files in flight; their calls interleave, one at a time). Each
 * `unlink` is logged with what was really at the path just before it (an independent `lstat` and the
 * file's tag) and whether the path was gone just after.
 *
 * The one race no path-based remover can close: between the executor's last look at a file and its
 * `unlink`, a swap goes unseen (processPlannedFile documents it). The async path looks at each file twice,
 * the second time right before the unlink (the fast path's synchronous core once, right before it); a mutation that would hit a planned file, or a folder above
 * it, after that second look and before its unlink is held back and counted, not applied.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Stats } from 'node:fs';
import type { SyncFsOps } from '../../../electron/engine/executor/delete-files-sync.js';
import type { FsOps } from '../../../electron/engine/executor/fs-ops.js';
import { nodeFsOps } from '../../../electron/engine/executor/fs-ops.js';
import { readTag } from './case-tree.js';

/** The executor's look at a file that opens the unguarded window up to its unlink. */
export const LAST_LOOK = 2;

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
  private queue: Promise<unknown> = Promise.resolve();

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

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.queue.then(fn);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private fire(rel: string, nth: number, at: 'before' | 'after'): void {
    for (const t of this.triggers) if (t.onPath === rel && t.nth === nth && t.at === at) t.fire();
  }

  private async lstat(abs: string): Promise<Stats> {
    const rel = this.rel(abs);
    if (rel === null) return nodeFsOps.lstat(abs);
    const nth = this.before(rel);
    let result: Stats | undefined;
    let failure: unknown;
    try {
      result = await nodeFsOps.lstat(abs);
    } catch (error) {
      failure = error;
    }
    this.after(rel, nth, result);
    if (result === undefined) throw failure;
    return result;
  }

  /** The same look as `lstat`, for the fast path's synchronous port. */
  private lstatSync(abs: string): Stats {
    const rel = this.rel(abs);
    if (rel === null) return fs.lstatSync(abs);
    const nth = this.before(rel);
    let result: Stats | undefined;
    try {
      result = fs.lstatSync(abs);
      return result;
    } finally {
      this.after(rel, nth, result);
    }
  }

  private before(rel: string): number {
    const nth = (this.lstats.get(rel) ?? 0) + 1;
    this.lstats.set(rel, nth);
    this.seq++;
    this.fire(rel, nth, 'before');
    return nth;
  }

  private after(rel: string, nth: number, result: Stats | undefined): void {
    if (result?.isFile() && nth >= this.lastLook && this.planned.has(rel)) this.armed.add(rel);
    this.fire(rel, nth, 'after');
  }

  private async unlink(abs: string): Promise<void> {
    const rel = this.rel(abs) ?? `(outside the root) ${abs}`;
    const event: UnlinkEvent = { rel, seq: ++this.seq, before: lookAt(abs), ok: false, stillThere: false };
    this.unlinks.push(event);
    try {
      await nodeFsOps.unlink(abs);
      event.ok = true;
      event.stillThere = lookAt(abs) !== null;
    } finally {
      this.armed.delete(rel);
    }
  }

  private unlinkSync(abs: string): void {
    const rel = this.rel(abs) ?? `(outside the root) ${abs}`;
    const event: UnlinkEvent = { rel, seq: ++this.seq, before: lookAt(abs), ok: false, stillThere: false };
    this.unlinks.push(event);
    try {
      fs.unlinkSync(abs);
      event.ok = true;
      event.stillThere = lookAt(abs) !== null;
    } finally {
      this.armed.delete(rel);
    }
  }

  /**
   * The port for the fast delete path's core (delete-files-sync.ts), run on this thread: it looks at each
   * file once, right before the unlink, so build this harness with `lastLook` 1 for it.
   */
  get syncFsOps(): SyncFsOps {
    return { lstat: (p) => this.lstatSync(p), unlink: (p) => this.unlinkSync(p) };
  }

  /** The port to hand to `executePlan`. */
  get fsOps(): FsOps {
    return {
      lstat: (p) => this.serial(() => this.lstat(p)),
      realpath: (p) => this.serial(() => nodeFsOps.realpath(p)),
      unlink: (p) => this.serial(() => this.unlink(p)),
      rmdir: (p) =>
        this.serial(async () => {
          await nodeFsOps.rmdir(p);
          this.rmdirs.push(this.rel(p) ?? p);
        }),
      readdir: (p) => this.serial(() => nodeFsOps.readdir(p)),
    };
  }
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
