import { manualClock } from '../../support/manual-clock.js';
import { describe, expect, it } from 'vitest';
import { ChangeThrottle } from '../../../electron/engine/live/change-throttle.js';
import { SizeHistory } from '../../../electron/engine/live/size-history.js';

describe('ChangeThrottle (fake clock)', () => {
  it('notifies the first change at once and at most once per interval after that', () => {
    const clock = manualClock();
    const throttle = new ChangeThrottle(clock, 250);
    const notifiedAtMs: number[] = [];
    throttle.listen(() => notifiedAtMs.push(clock.now()));
    for (let ms = 0; ms < 1000; ms += 10) {
      throttle.mark();
      clock.advance(10);
    }
    clock.advance(2000);
    // 100 changes over one second: the first at once, then one per 250 ms (the last for the change at 990 ms).
    expect(notifiedAtMs).toEqual([0, 250, 500, 750, 1000]);
  });

  it('stops notifying once disposed', () => {
    const clock = manualClock();
    const throttle = new ChangeThrottle(clock, 250);
    let count = 0;
    throttle.listen(() => count++);
    throttle.mark();
    throttle.mark();
    throttle.dispose();
    clock.advance(1000);
    expect(count).toBe(1);
  });
});

describe('SizeHistory (fake clock)', () => {
  it('samples once per interval, quiet periods included, and keeps only the newest samples', () => {
    const clock = manualClock();
    const history = new SizeHistory(60_000, 5);
    let size = 0;
    history.sampleEvery(clock, () => (size += 10));
    clock.advance(10 * 60_000);
    expect(history.list().map((s) => s.atMs)).toEqual([6, 7, 8, 9, 10].map((m) => m * 60_000));
    expect(history.list().at(-1)?.sizeBytes).toBe(110);
    history.record(10 * 60_000 + 1000, 999); // too close to the last sample
    expect(history.list()).toHaveLength(5);
    history.stop();
    clock.advance(10 * 60_000);
    expect(history.list().at(-1)?.atMs).toBe(10 * 60_000);
  });
});
