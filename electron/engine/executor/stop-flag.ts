/**
 * The shared flag that stops a removal job between files: the host sets it (cancel, a rules change), the
 * worker reads it before each file and is woken by it from the wait before its retry pass.
 */
import { STOP_NONE } from '../removal/removal-job.js';

export class StopFlag {
  readonly buffer = new SharedArrayBuffer(4);
  private readonly view = new Int32Array(this.buffer);

  get(): number {
    return Atomics.load(this.view, 0);
  }

  /** Sets the reason once; the first reason given stays. */
  set(reason: number): void {
    Atomics.compareExchange(this.view, 0, STOP_NONE, reason);
    Atomics.notify(this.view, 0);
  }

  /** Waits up to `ms`, returning early once the flag is set (synchronous: worker or test thread only). */
  sleep(ms: number): void {
    if (ms > 0) Atomics.wait(this.view, 0, STOP_NONE, ms);
  }
}
