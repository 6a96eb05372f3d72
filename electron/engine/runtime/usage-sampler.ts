/**
 * Samples every live folder's totals into the kept usage history every 5 minutes, from the live indexes
 * (no scan), on the clock port; quiet spells are sampled too, so the chart's line does not lie about them.
 */
import { MS_PER_MINUTE } from '../../../shared/units.js';
import type { UsageHistoryStore, UsageReading } from '../history/usage-history-store.js';
import type { Clock, Disposer } from '../ports.js';

export const USAGE_SAMPLE_MS = 5 * MS_PER_MINUTE;

export class UsageSampler {
  private cancel: Disposer | null = null;
  private disposed = false;

  constructor(
    private readonly clock: Clock,
    private readonly store: UsageHistoryStore,
    /** The readings of the folders that exist and are enabled, by name. */
    private readonly read: (nowMs: number) => Record<string, UsageReading>,
  ) {}

  /** Samples now and every USAGE_SAMPLE_MS until disposed. */
  start(): void {
    this.sampleNow();
    this.cancel = this.clock.setTimeout(() => !this.disposed && this.start(), USAGE_SAMPLE_MS);
  }

  /** One sample at the clock's time (the store logs a failed write; the sampling goes on). */
  sampleNow(): Promise<void> {
    const nowMs = this.clock.now();
    return this.store.sample(nowMs, this.read(nowMs));
  }

  /** Records what a run freed in each folder, at its end, and samples the sizes it left. */
  noteFreed(bytesByFolder: Record<string, number>): Promise<void> {
    void this.store.freed(this.clock.now(), bytesByFolder);
    return this.sampleNow();
  }

  dispose(): Promise<void> {
    this.disposed = true;
    this.cancel?.();
    return this.store.settle();
  }
}
