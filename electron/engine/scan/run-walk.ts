/**
 * Shares one folder walk between worker threads. Each worker walks what it is handed to the end, depth
 * first, and reports its files in batches without waiting for the host; a worker left idle raises a flag
 * in shared memory, and the first busy worker to see it hands back half of its pending folders, which go to
 * the idle one. A second worker starts only once the tree proves large enough to split (a first full batch).
 */
import type { Worker } from 'node:worker_threads';
import { decodeName } from '../../../shared/byte-names.js';
import { startWorker } from '../fs/start-worker.js';
import { PackedFiles } from './packed-files.js';
import { packByteList, unpackByteList, type PackedByteList } from './byte-list.js';
import type { UnreadableDir, WalkTask, WorkerReport, WorkerTask } from './scan-types.js';
import { joinChunks } from './join-chunks.js';
import { walkDirs } from './walk-dirs.js';

/**
 * A walk's garbage (a Dirent and a name buffer per entry) dies young; V8's default young generation let
 * each worker grow by tens of MB before collecting it, and a small one costs no scan speed (figures in
 * bench/PERFORMANCE.md, "Scan workers get a 2 MB young generation"). The old generation is left unbounded:
 * one folder of a million entries is one readdir array, and a worker that runs out of heap fails the scan.
 */
const SCAN_WORKER_LIMITS = { maxYoungGenerationSizeMb: 2 };

/**
 * Entries walked on the caller's thread before any worker starts: a worker costs 30–60 ms to start (a new
 * V8 isolate, its modules, the addon), more than walking this many entries (a few ms at most), so a small
 * or empty folder, and `headroom status` on one, never waits for one (#17 item 4).
 */
const INLINE_ENTRIES = 500;

/** How long a worker stopped early may take to end its batch before it is terminated whatever it holds. */
const STOPPED_WORKER_GRACE_MS = 30_000;

export interface WalkOptions {
  rootDev: number;
  rootIno: number;
  maxWorkers: number;
  chunkEntries: number;
  signal?: AbortSignal;
  /** Takes each batch of files as it arrives; the result's `files` is then empty. */
  onFiles?: (files: PackedFiles) => void;
}

export interface WalkResult {
  files: PackedFiles;
  dirs: string[];
  unreadable: UnreadableDir[];
}

/** Walks `rootAbs` in worker threads; rejects with the signal's reason when aborted. */
export function runWalk(rootAbs: string, options: WalkOptions): Promise<WalkResult> {
  return new Promise((resolve, reject) => new WalkRun(rootAbs, options, resolve, reject).start());
}

class WalkRun {
  private readonly root: Uint8Array;
  private readonly queue: Uint8Array[] = [new Uint8Array(0)];
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly chunks: PackedFiles[] = [];
  private readonly dirs: string[] = [];
  private readonly unreadable: UnreadableDir[] = [];
  private busy = 0;
  private settled = false;
  /** Set while a worker sits idle and another has folders to spare (see scan-worker.ts). */
  private readonly shareWanted = new Int32Array(new SharedArrayBuffer(4));
  /** Set when the walk ends early: busy workers end their batch, closing their handles (scan-types.ts). */
  private readonly stop = new Int32Array(new SharedArrayBuffer(4));
  private readonly onAbort = () => this.finish(this.options.signal?.reason ?? new Error('Scan aborted.'));
  private readonly onWorkerError = (error: Error) => this.finish(error);
  private readonly onWorkerExit = (code: number) =>
    this.finish(new Error(`The scan worker stopped unexpectedly (exit ${code}).`));

  constructor(
    rootAbs: string,
    private readonly options: WalkOptions,
    private readonly resolve: (result: WalkResult) => void,
    private readonly reject: (error: unknown) => void,
  ) {
    this.root = new Uint8Array(Buffer.from(rootAbs));
  }

  start(): void {
    const { signal } = this.options;
    if (signal?.aborted) return this.finish(signal.reason);
    signal?.addEventListener('abort', this.onAbort, { once: true });
    let first;
    try {
      first = walkDirs({
        root: this.root,
        rootDev: this.options.rootDev,
        rootIno: this.options.rootIno,
        dirs: packByteList(this.queue.splice(0)),
        budgetEntries: INLINE_ENTRIES,
      });
    } catch (error) {
      return this.finish(error);
    }
    this.take({ ...first, shared: first.pending });
    if (this.settled) return;
    if (this.queue.length > 0) this.spawn();
    this.dispatch();
  }

  private spawn(): void {
    const worker = startWorker('scan-worker', import.meta.url, SCAN_WORKER_LIMITS);
    this.workers.push(worker);
    this.idle.push(worker);
    worker.on('message', (report: WorkerReport) => this.receive(worker, report));
    worker.on('error', this.onWorkerError);
    worker.on('exit', this.onWorkerExit);
  }

  /** Hands queued folders to idle workers, splitting the queue evenly between them. */
  private dispatch(): void {
    if (this.settled) return;
    while (this.queue.length > 0 && this.idle.length > 0) {
      const worker = this.idle.pop() as Worker;
      const take = Math.ceil(this.queue.length / (this.idle.length + 1));
      this.post(worker, packByteList(this.queue.splice(0, take)));
    }
    if (this.busy === 0) return this.finish(null);
    // An idle worker and nothing queued: ask the busy ones to share; and stop asking once none is idle.
    Atomics.store(this.shareWanted, 0, this.idle.length > 0 ? 1 : 0);
  }

  private post(worker: Worker, dirs: PackedByteList): void {
    const task: WalkTask = {
      root: this.root,
      rootDev: this.options.rootDev,
      rootIno: this.options.rootIno,
      dirs,
      budgetEntries: this.options.chunkEntries,
    };
    const message: WorkerTask = { task, shareWanted: this.shareWanted, stop: this.stop };
    this.busy++;
    worker.postMessage(message, [dirs.bytes.buffer as ArrayBuffer, dirs.offsets.buffer as ArrayBuffer]);
  }

  private receive(worker: Worker, report: WorkerReport): void {
    // A worker stopped early ends its batch, handles closed, before it is let go.
    if (this.settled) return void worker.terminate();
    this.take(report);
    if (this.settled) return;
    if (report.done) {
      this.busy--;
      this.idle.push(worker);
    } else if (this.workers.length < this.options.maxWorkers) {
      this.spawn(); // a full batch and more to come: a tree worth sharing
    }
    this.dispatch();
  }

  /** Keeps a batch's files, folders and problems; queues the folders it hands back. */
  private take(report: Omit<WorkerReport, 'done'>): void {
    if (report.files.count > 0) {
      const files = new PackedFiles(report.files);
      if (!this.options.onFiles) {
        this.chunks.push(files);
      } else {
        try {
          this.options.onFiles(files);
        } catch (error) {
          return this.finish(error);
        }
      }
    }
    for (const dir of unpackByteList(report.dirs)) this.dirs.push(decodeName(dir));
    this.unreadable.push(...report.unreadable);
    this.queue.push(...unpackByteList(report.shared));
  }

  private finish(error: unknown): void {
    if (this.settled) return;
    this.settled = true;
    this.options.signal?.removeEventListener('abort', this.onAbort);
    Atomics.store(this.stop, 0, 1);
    const ended: Promise<unknown>[] = [];
    for (const worker of this.workers) {
      // Only the walk's own listeners: startWorker's stay (young-generation.ts).
      worker.off('exit', this.onWorkerExit);
      worker.off('error', this.onWorkerError);
      worker.on('error', () => undefined); // the walk has its outcome; a late failure changes nothing
      // An idle worker holds no handle; a busy one is let go when its batch comes back (receive), or,
      // should a hung file system keep it in a call, after a while, whatever it holds.
      if (this.idle.includes(worker)) ended.push(worker.terminate());
      else {
        const timer = setTimeout(() => void worker.terminate(), STOPPED_WORKER_GRACE_MS).unref();
        worker.once('exit', () => clearTimeout(timer));
      }
    }
    if (error !== null) return this.reject(error);
    // A complete walk left every worker idle: it resolves once they are gone, so what comes next (indexing
    // a million files, setting up watchers) never runs beside an isolate still being torn down.
    Promise.all([joinChunks(this.chunks), ...ended]).then(
      ([files]) => this.resolve({ files, dirs: this.dirs, unreadable: this.unreadable }),
      this.reject,
    );
  }
}
