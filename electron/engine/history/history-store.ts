/**
 * The history of cleanup runs (DESIGN.md safety invariant 5): a run is recorded durably before its first
 * removal, checkpointed while it runs (run-checkpoints.ts) and recorded again when it ends; a run that
 * never ended is shown as interrupted, with its last checkpoint's counts, at the next start; a damaged
 * line is skipped and counted, never fatal. The file only grows by appends, and is replaced whole,
 * atomically, when it is compacted. In memory each run is only a summary and the place of its newest
 * line: a page of runs is read back from the file with its per-file lists.
 */
import type { promises as fs } from 'node:fs';
import { runRecordSchema } from '../../../shared/run-record-schema.js';
import type { HistoryPage, RunRecord } from '../../../shared/types.js';
import { keepForCompaction, writeCompacted } from './compact-history.js';
import { summarizeRun, type HistoryEntry, type LineSpan } from './history-entry.js';
import {
  appendDurably,
  fileIdentity,
  openForRead,
  readEntryRecords,
  type FileIdentity,
} from './history-file.js';
import { indexHistory, readHistoryIndex, type HistoryIndex } from './read-history-index.js';

export interface HistoryOptions {
  /** Runs kept; when the file holds more, it is compacted to the newest this many. Default 1000. */
  maxRuns?: number;
  /** When the file grows past this, it is compacted to at most half of it (or the newest run). Default 64 MiB. */
  maxFileBytes?: number;
  /**
   * Open without writing: unfinished runs are left as they are and nothing is compacted. For a process
   * that is not the data folder's owner (another Headroom is running and its run may be in progress).
   */
  readOnly?: boolean;
}

export interface OpenedHistory {
  store: HistoryStore;
  /** Lines of the file that could not be read and were skipped. */
  damagedLines: number;
  /** Runs that started and never finished (the app crashed or was killed), now marked `interrupted`. */
  interrupted: RunRecord[];
}

const DEFAULTS: Required<HistoryOptions> = { maxRuns: 1000, maxFileBytes: 64 * 1024 * 1024, readOnly: false };
const DEFAULT_PAGE_SIZE = 100;

/**
 * One history file, indexed in memory (at most `maxRuns` run summaries) and appended to. Writes, and the
 * reads of a page, happen one at a time in call order, so a page never reads offsets a compaction has
 * just moved. One process per file: opening marks every unfinished run as interrupted, so a second
 * process opening the same file while a run is going would mark that run interrupted.
 */
export class HistoryStore {
  private runs = new Map<string, HistoryEntry>();
  private nextSeq = 0;
  private damagedLines = 0;
  private sizeBytes = 0;
  private needsNewline = false;
  private fileId: FileIdentity = null;
  private tail: Promise<unknown> = Promise.resolve();
  private closed = false;

  private constructor(
    readonly file: string,
    private readonly limits: Required<HistoryOptions>,
    index: HistoryIndex,
  ) {
    this.load(index);
  }

  /** Reads `file` (missing is fine), marks unfinished runs interrupted, and compacts if over the bound. */
  static async open(file: string, options: HistoryOptions = {}): Promise<OpenedHistory> {
    const index = await readHistoryIndex(file);
    const store = new HistoryStore(file, { ...DEFAULTS, ...options }, index);
    if (store.limits.readOnly) return { store, damagedLines: index.damagedLines, interrupted: [] };
    const running = [...store.runs.values()].filter((e) => e.summary.status === 'running');
    const interrupted = (await store.readWhole(running)).map((r): RunRecord => ({
      ...r,
      status: 'interrupted',
    }));
    if (interrupted.length > 0) await store.append(interrupted);
    else if (store.overBound()) await store.enqueue(() => store.compact());
    return { store, damagedLines: index.damagedLines, interrupted: structuredClone(interrupted) };
  }

  /** False when opened read-only (another Headroom process owns the history): nothing can be recorded. */
  get writable(): boolean {
    return !this.limits.readOnly && !this.closed;
  }

  /** Records that `run` (status `running`) has started; resolves once the line is on disk. */
  async begin(run: RunRecord): Promise<void> {
    if (run.status !== 'running') throw new Error(`begin() takes a running run, not ${run.status}`);
    return this.append([run]);
  }

  /**
   * Records the counts of a running `run` so far (a checkpoint): the newest line of a run that never ends
   * is what it is shown with at the next start. Resolves once the line is written, without fsync: it then
   * outlives the process (a kill, a crash), which is what checkpoints are for; an fsync would also commit
   * the file system's journal of every removal since the last one, and let removals run further ahead of
   * the checkpoint (run-checkpoints.ts).
   */
  async checkpoint(run: RunRecord): Promise<void> {
    if (run.status !== 'running') throw new Error(`checkpoint() takes a running run, not ${run.status}`);
    return this.append([run], false);
  }

  /** Records how `run` ended (any status but `running`); resolves once the line is on disk. */
  async finish(run: RunRecord): Promise<void> {
    if (run.status === 'running') throw new Error('finish() takes a run that has ended');
    return this.append([run]);
  }

  /**
   * Runs newest first (by start time), only those that started before `before` (an ISO time) when given,
   * each read whole from the file. A run whose line no longer reads is listed as its summary (lists
   * empty) and counted in `damagedLines`.
   */
  async list(query: { limit?: number; before?: string } = {}): Promise<HistoryPage> {
    const beforeMs = query.before === undefined ? Infinity : Date.parse(query.before);
    const select = () =>
      this.newestFirst()
        .filter((e) => e.startedAtMs < beforeMs)
        .slice(0, query.limit ?? DEFAULT_PAGE_SIZE);
    return this.enqueue(() =>
      this.withFile(async (handle) => ({
        runs: await this.readPage(handle, select),
        damagedLines: this.damagedLines,
      })),
    );
  }

  /**
   * The newest real (not dry) run that completed, with or without errors; the schedule counts from it.
   * Its summary: the per-file lists are empty.
   */
  lastCompletedRun(): RunRecord | null {
    const last = this.newestFirst().find(
      (e) =>
        !e.summary.dryRun &&
        (e.summary.status === 'completed' || e.summary.status === 'completed_with_errors'),
    );
    return last ? structuredClone(last.summary) : null;
  }

  /** Resolves when every write asked for so far has finished. */
  async flush(): Promise<void> {
    await this.tail;
  }

  /** Waits for pending writes; later begin/finish calls are refused. */
  async close(): Promise<void> {
    this.closed = true;
    await this.flush();
  }

  /** Appends `records`; with `sync` (the default) they are flushed to disk before this resolves. */
  private async append(records: RunRecord[], sync = true): Promise<void> {
    if (this.closed) throw new Error('the history is closed');
    if (this.limits.readOnly)
      throw new Error('the history was opened read-only: another Headroom process owns it');
    // Validate and serialise now: the caller keeps changing its record after this call returns.
    const lines = records.map((r) => {
      const record = runRecordSchema.parse(r);
      return { summary: summarizeRun(record), line: JSON.stringify(record) };
    });
    return this.enqueue(async () => {
      const lead = this.needsNewline ? '\n' : '';
      const text = lead + lines.map((l) => `${l.line}\n`).join('');
      const written = await appendDurably(this.file, text, this.fileId === null, sync);
      // Someone replaced the file since it was indexed: the offsets known are of another file.
      if (this.fileId !== null && written.fileId !== this.fileId)
        this.load(await readHistoryIndex(this.file));
      else this.appended(lines, written.offsetBytes + lead.length, written.fileId);
      // The record is safely on disk; a failed compaction only leaves the file longer, so it is retried later.
      if (this.overBound()) await this.compact().catch(() => undefined);
    });
  }

  /** Notes where the lines just appended (from `offsetBytes` on) landed. */
  private appended(lines: { summary: RunRecord; line: string }[], offsetBytes: number, fileId: string): void {
    for (const l of lines) {
      const lengthBytes = Buffer.byteLength(l.line);
      this.remember(l.summary, { offsetBytes, lengthBytes });
      offsetBytes += lengthBytes + 1;
    }
    this.sizeBytes = offsetBytes;
    this.needsNewline = false;
    this.fileId = fileId;
  }

  /** Runs `op` after every write queued before it, whether those succeeded or not. */
  private enqueue<T>(op: () => Promise<T>): Promise<T> {
    const result = this.tail.then(op);
    this.tail = result.catch(() => undefined);
    return result;
  }

  /**
   * Runs `read` with the file open. When the path now names another file than the one indexed (another
   * process compacted it, or it was replaced), the index is rebuilt from the open file first, so no
   * offset is read in the wrong file.
   */
  private async withFile<T>(read: (handle: fs.FileHandle | null) => Promise<T>): Promise<T> {
    const handle = await openForRead(this.file);
    try {
      const id = handle ? fileIdentity(await handle.stat()) : null;
      if (id !== this.fileId) this.load(await indexHistory(handle));
      return await read(handle);
    } finally {
      await handle?.close();
    }
  }

  /** The whole records of `entries`, read with a fresh handle (outside the queue: only at open). */
  private readWhole(entries: HistoryEntry[]): Promise<RunRecord[]> {
    return entries.length === 0 ? Promise.resolve([]) : this.withFile((h) => this.readPage(h, () => entries));
  }

  /** The full records of the entries `select` picks; a line that no longer reads gives the run's summary. */
  private async readPage(handle: fs.FileHandle | null, select: () => HistoryEntry[]): Promise<RunRecord[]> {
    let page = select();
    let full = handle ? await readEntryRecords(handle, page) : page.map(() => null);
    if (this.limits.readOnly && handle && full.includes(null)) {
      // The owner may have compacted into a file that got the indexed one's inode back: index it again.
      this.load(await indexHistory(handle));
      page = select();
      full = await readEntryRecords(handle, page);
    }
    return page.map((e, i) => full[i] ?? this.lostLine(e));
  }

  /** A run whose line no longer reads: its summary, its line forgotten and counted as damaged, once. */
  private lostLine(e: HistoryEntry): RunRecord {
    if (e.line) {
      e.line = null;
      this.damagedLines++;
    }
    return structuredClone(e.summary);
  }

  private load(index: HistoryIndex): void {
    this.runs = new Map();
    this.nextSeq = 0;
    this.damagedLines = index.damagedLines;
    this.sizeBytes = index.sizeBytes;
    this.needsNewline = !index.endsWithNewline;
    this.fileId = index.fileId;
    for (const { summary, line } of index.lines) this.remember(summary, line);
  }

  private remember(summary: RunRecord, line: LineSpan): void {
    const known = this.runs.get(summary.id);
    const seq = known?.seq ?? this.nextSeq++;
    this.runs.set(summary.id, { summary, startedAtMs: Date.parse(summary.startedAt), seq, line });
  }

  private newestFirst(): HistoryEntry[] {
    return [...this.runs.values()].sort((a, b) => b.startedAtMs - a.startedAtMs || b.seq - a.seq);
  }

  private overBound(): boolean {
    return this.runs.size > this.limits.maxRuns || this.sizeBytes > this.limits.maxFileBytes;
  }

  /** Rewrites the file with the runs `keepForCompaction` picks, oldest first, and forgets the rest. */
  private async compact(): Promise<void> {
    const keep = keepForCompaction(this.newestFirst(), this.limits).reverse();
    const written = await writeCompacted(this.file, keep);
    for (const [i, e] of keep.entries()) e.line = written.lines[i] ?? null;
    const kept = new Set(keep.map((e) => e.summary.id));
    for (const id of this.runs.keys()) if (!kept.has(id)) this.runs.delete(id);
    this.damagedLines += written.damagedLines;
    this.sizeBytes = written.sizeBytes;
    this.needsNewline = false;
    this.fileId = written.fileId;
  }
}
