/**
 * A fake at the live folders' scan port (EngineOptions.liveScan): the real scan runs and reports its
 * batches, then holds its result until the test releases it, so a first scan can be caught "in progress"
 * with everything counted, without a slow folder or a timer.
 */
import type { ScanFn } from '../../electron/engine/live/live-types.js';
import { scanFolder } from '../../electron/engine/scan/scan-folder.js';

export interface HeldScan {
  scan: ScanFn;
  /** Resolves once a scan has counted everything and is being held. */
  counted: Promise<void>;
  release(): void;
  /** 'scan-done' each time a held scan hands its result over; tests push their own events beside. */
  events: string[];
}

export function heldScan(): HeldScan {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let counted!: () => void;
  const countedPromise = new Promise<void>((resolve) => (counted = resolve));
  const events: string[] = [];
  return {
    counted: countedPromise,
    release,
    events,
    scan: async (root, options) => {
      const result = await scanFolder(root, options);
      counted();
      await released;
      events.push('scan-done');
      return result;
    },
  };
}
