import { describe, expect, it } from 'vitest';
import {
  emergencyAfterRun,
  emergencyOnReading,
  emergencyRules,
  INITIAL_EMERGENCY_STATE,
  type EmergencyState,
} from '../../../electron/core/emergency.js';
import { EMERGENCY_COOLDOWN_MS } from '../../../electron/core/schedule.js';
import { MS_PER_MINUTE } from '../../../shared/units.js';
import { folderRules } from '../../support/folder-rules.js';

const T0 = Date.UTC(2026, 10, 29, 12, 0, 0);
const MIN = MS_PER_MINUTE;

/** Feeds readings (minutes after T0, usage) and returns each decision's kind, as the engine would. */
function feed(readings: [number, number][], lastRunAtMs: { value: number | null }) {
  let state: EmergencyState = INITIAL_EMERGENCY_STATE;
  return readings.map(([minute, usagePercent]) => {
    const nowMs = T0 + minute * MIN;
    const next = emergencyOnReading(state, {
      usagePercent,
      thresholdPercent: 100,
      lastRunAtMs: lastRunAtMs.value,
      nowMs,
    });
    state = next.state;
    if (next.decision.kind === 'run') lastRunAtMs.value = nowMs;
    return next.decision.kind === 'wait' ? `wait ${(next.decision.atMs - T0) / MIN}` : next.decision.kind;
  });
}

describe('emergencyOnReading', () => {
  it('cleans each crossing, independent of the notification hysteresis: 117% → 78% → 127%', () => {
    // 78% is above the notification's re-arm point (75%), yet the next crossing is a new emergency.
    const decisions = feed(
      [
        [0, 117],
        [1, 78],
        [12, 127],
        [13, 127],
      ],
      { value: null },
    );
    expect(decisions).toEqual(['run', 'none', 'run', 'none']);
  });

  it('a crossing within 10 minutes of the last emergency waits for the cooldown, then runs', () => {
    const last = { value: null as number | null };
    expect(feed([[0, 117]], last)).toEqual(['run']);
    let state: EmergencyState = { armed: true, blocked: null }; // it dropped below after the run
    const early = emergencyOnReading(state, {
      usagePercent: 127,
      thresholdPercent: 100,
      lastRunAtMs: last.value,
      nowMs: T0 + 4 * MIN,
    });
    expect(early.decision).toEqual({ kind: 'wait', atMs: T0 + EMERGENCY_COOLDOWN_MS });
    state = early.state;
    const due = emergencyOnReading(state, {
      usagePercent: 127,
      thresholdPercent: 100,
      lastRunAtMs: last.value,
      nowMs: T0 + EMERGENCY_COOLDOWN_MS,
    });
    expect(due.decision).toEqual({ kind: 'run' });
  });

  it('a folder already over at start is handled once; a clock set back does not wait for the future', () => {
    const first = emergencyOnReading(INITIAL_EMERGENCY_STATE, {
      usagePercent: 150,
      thresholdPercent: 100,
      lastRunAtMs: T0 + 60 * MIN,
      nowMs: T0,
    });
    expect(first.decision).toEqual({ kind: 'run' });
  });

  it('follows the threshold it is given (90%), acting only above it', () => {
    const at = (usagePercent: number) =>
      emergencyOnReading(INITIAL_EMERGENCY_STATE, {
        usagePercent,
        thresholdPercent: 90,
        lastRunAtMs: null,
        nowMs: T0,
      }).decision.kind;
    expect([at(89.9), at(90), at(90.1), at(95)]).toEqual(['none', 'none', 'run', 'run']);
  });
});

describe('emergencyAfterRun', () => {
  const base = { thresholdPercent: 100, minAgeMinutes: 10, nowMs: T0 };
  const running: EmergencyState = { armed: false, blocked: null };

  it('blocked by young files: retried when the youngest passes the grace period, then run then', () => {
    const note = 'size: 1.2 MB would remain over the 1 MB limit; 1.2 MB is younger than 10 min';
    const state = emergencyAfterRun(running, {
      ...base,
      usagePercent: 120,
      lowestUsagePercent: 120,
      notes: [note],
      newestMtimeMs: T0 - 2 * MIN,
    });
    expect(state.blocked).toEqual({ reason: note, retryAtMs: T0 + 8 * MIN });
    const reading = { usagePercent: 120, thresholdPercent: 100, lastRunAtMs: T0 - 9 * MIN };
    expect(emergencyOnReading(state, { ...reading, nowMs: T0 + MIN }).decision).toEqual({
      kind: 'wait',
      atMs: T0 + 8 * MIN,
    });
    expect(emergencyOnReading(state, { ...reading, nowMs: T0 + 8 * MIN }).decision).toEqual({
      kind: 'run',
    });
  });

  it('blocked by protected files only: no retry by itself; a drop below and a new crossing runs again', () => {
    const note = 'size: 1.2 MB would remain over the 1 MB limit; 1.2 MB is protected';
    const state = emergencyAfterRun(running, {
      ...base,
      usagePercent: 120,
      lowestUsagePercent: 120,
      notes: [note],
      newestMtimeMs: T0 - 60 * MIN,
    });
    expect(state.blocked).toEqual({ reason: note, retryAtMs: null });
    const reading = { thresholdPercent: 100, lastRunAtMs: T0, nowMs: T0 + 30 * MIN };
    expect(emergencyOnReading(state, { ...reading, usagePercent: 120 }).decision).toEqual({ kind: 'none' });
    const below = emergencyOnReading(state, { ...reading, usagePercent: 60 });
    expect(below.state).toEqual(INITIAL_EMERGENCY_STATE);
    expect(emergencyOnReading(below.state, { ...reading, usagePercent: 105 }).decision.kind).toBe('run');
  });

  it('brought under while it ran, then filled again before it finished: re-armed, not blocked', () => {
    const state = emergencyAfterRun(running, {
      ...base,
      usagePercent: 127,
      lowestUsagePercent: 78,
      notes: [],
      newestMtimeMs: T0,
    });
    expect(state).toEqual(INITIAL_EMERGENCY_STATE);
  });

  it('brought under: re-armed, no block', () => {
    const state = emergencyAfterRun(running, {
      ...base,
      usagePercent: 78,
      lowestUsagePercent: 78,
      notes: [],
      newestMtimeMs: T0,
    });
    expect(state).toEqual(INITIAL_EMERGENCY_STATE);
  });
});

describe('emergencyRules', () => {
  it('keeps the rules at 100% or more, and scales limits below, with the same size target in bytes', () => {
    const rules = folderRules({ maxSizeBytes: 1000, maxFiles: 200, sizeTargetPercent: 80 });
    expect(emergencyRules(rules, 100)).toBe(rules);
    const at90 = emergencyRules(rules, 90);
    expect(at90).toMatchObject({ maxSizeBytes: 900, maxFiles: 180 });
    expect(((at90.maxSizeBytes as number) * at90.sizeTargetPercent) / 100).toBeCloseTo(800, 9);
    expect(emergencyRules(rules, 50).sizeTargetPercent).toBe(100);
  });
});
