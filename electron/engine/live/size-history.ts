/** A bounded history of a folder's size, one sample per interval, for the growth forecast. */
import type { SizeSample } from '../../core/forecast.js';
import type { Clock, Disposer } from '../ports.js';

export type { SizeSample } from '../../core/forecast.js';

export class SizeHistory {
  private readonly samples: SizeSample[] = [];
  private cancelTimer: Disposer | null = null;

  /**
   * @param sampleIntervalMs time between samples (default 1 min)
   * @param maxSamples oldest samples are dropped beyond this (default 24 h of minutes)
   */
  constructor(
    private readonly sampleIntervalMs = 60_000,
    private readonly maxSamples = 1440,
  ) {}

  /** Records the size at `atMs`, unless the previous sample is less than half an interval old (timer jitter). */
  record(atMs: number, sizeBytes: number): void {
    const last = this.samples[this.samples.length - 1];
    if (last !== undefined && atMs - last.atMs < this.sampleIntervalMs / 2) return;
    this.samples.push({ atMs, sizeBytes });
    if (this.samples.length > this.maxSamples) this.samples.splice(0, this.samples.length - this.maxSamples);
  }

  /** Records `readSizeBytes()` now and every interval until `stop()`, so quiet periods are sampled too. */
  sampleEvery(clock: Clock, readSizeBytes: () => number): void {
    this.record(clock.now(), readSizeBytes());
    this.cancelTimer = clock.setTimeout(() => this.sampleEvery(clock, readSizeBytes), this.sampleIntervalMs);
  }

  stop(): void {
    this.cancelTimer?.();
    this.cancelTimer = null;
  }

  /** Oldest first. */
  list(): readonly SizeSample[] {
    return this.samples;
  }
}
