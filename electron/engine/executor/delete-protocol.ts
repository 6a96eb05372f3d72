/** Messages between the executor and its delete worker. */
import type { DeleteJob, JobOutcome } from './delete-job.js';

export interface WorkerRequest {
  id: number;
  job: DeleteJob;
  /** An `Int32Array` of one element over it: non-zero once the run is cancelled. */
  cancel: SharedArrayBuffer;
}

export type WorkerReply =
  /** Files finished since the last report, and the bytes they freed. */
  | { id: number; kind: 'progress'; files: number; freedBytes: number }
  /** Each file's outcome by index; `undefined` (a hole) for files not started after a cancellation. */
  | { id: number; kind: 'done'; outcomes: (JobOutcome | undefined)[] };
