/** Messages between the executor and its delete worker. */
import type { JobResult, RemovalJob } from '../removal/removal-job.js';

export interface WorkerRequest {
  id: number;
  job: RemovalJob;
  /** An `Int32Array` of one element over it: the stop flag (removal-job.ts STOP_*). */
  stop: SharedArrayBuffer;
  /** The folder's removal credit (removal-credit.ts), where the run keeps checkpoints. */
  credit?: SharedArrayBuffer;
}

export type WorkerReply =
  /** Files finished since the last report, how many of them were removed, and the disk bytes they gave back. */
  | { id: number; kind: 'progress'; files: number; removed: number; freedBytes: number }
  | { id: number; kind: 'done'; result: JobResult };
