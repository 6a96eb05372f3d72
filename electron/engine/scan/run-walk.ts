/**
 * Shares one folder walk between worker threads. Each worker walks a batch of folders for a bounded number
 * of entries, then reports its files and the folders it did not reach; those go back on a shared queue that
 * idle workers take from. A second worker starts only once the tree proves large enough to split.
 */
import type { Worker } from 'node:worker_threads';
import { decodeName } from '../../../shared/byte-names.js';
import { PackedFiles } from '../index/packed-files.js';
import { packByteList, unpackByteList, type PackedByteList } from './byte-list.js';
import type { UnreadableDir, WalkChunk, WalkTask } from './scan-types.js';
import { joinChunks } from './join-chunks.js';
import { startScanWorker } from './start-scan-worker.js';

export interface WalkOptions {
  rootDev: number;
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
  private readonly onAbort = () => this.finish(this.options.signal?.reason ?? new Error('Scan aborted.'));

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
    this.spawn();
    this.dispatch();
  }

  private spawn(): void {
    const worker = startScanWorker();
    this.workers.push(worker);
    this.idle.push(worker);
    worker.on('message', (chunk: WalkChunk) => this.receive(worker, chunk));
    worker.on('error', (error) => this.finish(error));
    worker.on('exit', (code) =>
      this.finish(new Error(`The scan worker stopped unexpectedly (exit ${code}).`)),
    );
  }

  /** Hands queued folders to idle workers, splitting the queue evenly between them. */
  private dispatch(): void {
    if (this.settled) return;
    // A returning worker is already idle here, so "no idle worker" would never hold: start another whenever
    // there is more than one folder to share and a worker to spare.
    if (this.queue.length > 1 && this.workers.length < this.options.maxWorkers) this.spawn();
    while (this.queue.length > 0 && this.idle.length > 0) {
      const worker = this.idle.pop() as Worker;
      const take = Math.ceil(this.queue.length / (this.idle.length + 1));
      this.post(worker, packByteList(this.queue.splice(0, take)));
    }
    if (this.queue.length === 0 && this.busy === 0) this.finish(null);
  }

  private post(worker: Worker, dirs: PackedByteList): void {
    const task: WalkTask = {
      root: this.root,
      rootDev: this.options.rootDev,
      dirs,
      budgetEntries: this.options.chunkEntries,
    };
    this.busy++;
    worker.postMessage(task, [dirs.bytes.buffer as ArrayBuffer, dirs.offsets.buffer as ArrayBuffer]);
  }

  private receive(worker: Worker, chunk: WalkChunk): void {
    this.busy--;
    this.idle.push(worker);
    const files = new PackedFiles(chunk.files);
    if (!this.options.onFiles) {
      this.chunks.push(files);
    } else {
      try {
        this.options.onFiles(files);
      } catch (error) {
        return this.finish(error);
      }
    }
    for (const dir of unpackByteList(chunk.dirs)) this.dirs.push(decodeName(dir));
    this.unreadable.push(...chunk.unreadable);
    this.queue.push(...unpackByteList(chunk.pending));
    this.dispatch();
  }

  private finish(error: unknown): void {
    if (this.settled) return;
    this.settled = true;
    this.options.signal?.removeEventListener('abort', this.onAbort);
    for (const worker of this.workers) {
      worker.removeAllListeners('exit');
      void worker.terminate();
    }
    if (error !== null) return this.reject(error);
    joinChunks(this.chunks).then(
      (files) => this.resolve({ files, dirs: this.dirs, unreadable: this.unreadable }),
      this.reject,
    );
  }
}
