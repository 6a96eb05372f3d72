/**
 * How far a folder's removals may run ahead of the run's last checkpoint on disk (DESIGN.md invariant 5):
 * a run killed midway is recorded with at most 1,000 files fewer than it removed. The delete worker counts
 * the folder's removals in shared memory and, before each file, waits while they reach the credit; the
 * host raises the credit each time a checkpoint that counts them is on disk. Without the wait, a busy
 * host fell behind the worker by more than 1,000 files.
 */

/** Removals allowed beyond the last checkpoint on disk: under 1,000, with room for the file in hand. */
export const REMOVAL_LEAD_FILES = 900;

/** Slots of the shared Int32Array: the most removals allowed, and the removals so far. */
export const CREDIT_LIMIT = 0;
export const CREDIT_REMOVED = 1;

/** Longest the worker waits for a checkpoint before it goes on anyway: a stalled disk must not stall removal forever. */
export const CREDIT_WAIT_MAX_MS = 5000;

export class RemovalCredit {
  readonly buffer = new SharedArrayBuffer(8);
  private readonly view = new Int32Array(this.buffer);

  constructor() {
    Atomics.store(this.view, CREDIT_LIMIT, REMOVAL_LEAD_FILES);
  }

  /** A checkpoint on disk counts `removed` of this folder's removals. */
  confirm(removed: number): void {
    const limit = Math.min(removed + REMOVAL_LEAD_FILES, 0x7fffffff);
    if (limit <= Atomics.load(this.view, CREDIT_LIMIT)) return;
    Atomics.store(this.view, CREDIT_LIMIT, limit);
    Atomics.notify(this.view, CREDIT_LIMIT);
  }

  /** No limit any more: the folder is done, or checkpoints cannot be written. */
  release(): void {
    Atomics.store(this.view, CREDIT_LIMIT, 0x7fffffff);
    Atomics.notify(this.view, CREDIT_LIMIT);
  }
}

/**
 * The worker's side: counts a removal, and waits before the next file while the credit is spent (until
 * the host raises it, the run is stopped, or `CREDIT_WAIT_MAX_MS` passed). `beforeWait` reports the
 * removals so far to the host, which is what lets it write the checkpoint that raises the credit.
 */
export function creditGate(buffer: SharedArrayBuffer, stopped: () => boolean, beforeWait: () => void) {
  const view = new Int32Array(buffer);
  return {
    removed(): void {
      Atomics.add(view, CREDIT_REMOVED, 1);
    },
    waitForCredit(): void {
      let limit = Atomics.load(view, CREDIT_LIMIT);
      if (Atomics.load(view, CREDIT_REMOVED) < limit) return;
      beforeWait();
      const deadline = performance.now() + CREDIT_WAIT_MAX_MS;
      while (Atomics.load(view, CREDIT_REMOVED) >= limit && !stopped()) {
        const left = deadline - performance.now();
        if (left <= 0) return;
        Atomics.wait(view, CREDIT_LIMIT, limit, Math.min(left, 100));
        limit = Atomics.load(view, CREDIT_LIMIT);
      }
    },
  };
}
