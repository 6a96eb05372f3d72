/**
 * Emergency cleanups (DESIGN.md "Scheduling"): when a folder that crossed its emergency threshold is
 * cleaned, and when a cleanup that could not bring it under is tried again. Their own state, not the
 * notification's hysteresis: a folder cleaned from 117% to 78% that rises to 127% is cleaned again.
 * Pure: the engine feeds readings and run outcomes and keeps one timer per folder for `wait`.
 */
import type { AppConfig, FolderRules } from '../../shared/types.js';
import { MS_PER_MINUTE } from '../../shared/units.js';
import { EMERGENCY_COOLDOWN_MS } from './schedule.js';

/** Why a folder is still over after an emergency cleanup, and when it is tried again (null: not by itself). */
export interface EmergencyBlock {
  reason: string;
  retryAtMs: number | null;
}

export interface EmergencyState {
  /**
   * True while a crossing waits to be handled: set when the folder is below its threshold (at start,
   * too, so a folder already over at start-up is handled once), cleared when its emergency starts.
   */
  armed: boolean;
  /** Set when the last emergency left the folder over because of files it may not remove yet. */
  blocked: EmergencyBlock | null;
}

export const INITIAL_EMERGENCY_STATE: EmergencyState = { armed: true, blocked: null };

export interface EmergencyReading {
  usagePercent: number;
  thresholdPercent: number;
  /** Start of this folder's last emergency cleanup (kept across restarts); null before the first. */
  lastRunAtMs: number | null;
  nowMs: number;
}

/** `run`: start an emergency cleanup now; `wait`: look again at `atMs`; `none`: nothing to do. */
export type EmergencyDecision = { kind: 'run' } | { kind: 'wait'; atMs: number } | { kind: 'none' };

/**
 * What a new reading of a folder asks for.
 *
 * - At or below the threshold: re-arms, forgets any block, nothing to do.
 * - Above it and armed (a new crossing): run now, or wait for the end of the cooldown (10 minutes
 *   after the last emergency of this folder) and run then if it is still over.
 * - Above it after an emergency that was blocked: run again at the block's retry time (not before
 *   the cooldown ends); a block without a retry time waits for the folder to drop below and cross again.
 * - Otherwise (over, already handled, not blocked): nothing; the next crossing will be handled.
 *
 * A `run` decision's state assumes the run starts; if the engine cannot start it (paused), keep `prev`.
 */
export function emergencyOnReading(
  prev: EmergencyState,
  reading: EmergencyReading,
): { state: EmergencyState; decision: EmergencyDecision } {
  if (!pastThreshold(reading.usagePercent, reading.thresholdPercent)) {
    return { state: INITIAL_EMERGENCY_STATE, decision: { kind: 'none' } };
  }
  const dueAtMs = prev.armed ? reading.nowMs : prev.blocked?.retryAtMs;
  if (dueAtMs === undefined || dueAtMs === null) return { state: prev, decision: { kind: 'none' } };
  const atMs = Math.max(dueAtMs, cooldownEndMs(reading.lastRunAtMs, reading.nowMs));
  if (atMs > reading.nowMs) return { state: prev, decision: { kind: 'wait', atMs } };
  return { state: { armed: false, blocked: prev.blocked }, decision: { kind: 'run' } };
}

/**
 * Past the threshold means above it, as the planner acts only above a limit: a folder that its count rule
 * brought to exactly `max_files` (100%) is not an emergency, and re-arms for the next file.
 */
export function pastThreshold(usagePercent: number, thresholdPercent: number): boolean {
  return usagePercent > thresholdPercent;
}

/** When the cooldown after the last emergency ends; a clock set back does not make anyone wait for it. */
function cooldownEndMs(lastRunAtMs: number | null, nowMs: number): number {
  if (lastRunAtMs === null || lastRunAtMs > nowMs) return -Infinity;
  return lastRunAtMs + EMERGENCY_COOLDOWN_MS;
}

export interface EmergencyOutcome {
  /** Usage once the run is over (the index already holds the run's removals). */
  usagePercent: number;
  /**
   * Lowest usage read while the run went on (its removals reach the index before it has finished). At or
   * below the threshold, the run brought the folder under: files written since are a new crossing.
   */
  lowestUsagePercent: number;
  thresholdPercent: number;
  /** What the run said keeps the folder over its limits (the plan's notes); empty when nothing did. */
  notes: readonly string[];
  /** Newest mtime among the folder's files after the run; null when it is empty. */
  newestMtimeMs: number | null;
  /** The folder's grace period. */
  minAgeMinutes: number;
  nowMs: number;
}

/**
 * The state after an emergency cleanup. Brought at or under the threshold at some point: re-armed, so a
 * folder filling again is a new crossing (cleaned as soon as the cooldown allows). Still above it: blocked, with why (the run's
 * notes), and, while some files are younger than the grace period, a retry when the youngest of them
 * passes it (they are the last files the planner reaches, so by then every young file that kept the folder
 * over may go). With no young file left, what keeps it over is protected, or written faster than the
 * cleanup: no retry by itself; the folder is handled again when it drops below and crosses once more.
 */
export function emergencyAfterRun(prev: EmergencyState, outcome: EmergencyOutcome): EmergencyState {
  if (!pastThreshold(outcome.lowestUsagePercent, outcome.thresholdPercent)) return INITIAL_EMERGENCY_STATE;
  if (!pastThreshold(outcome.usagePercent, outcome.thresholdPercent))
    return { armed: prev.armed, blocked: null };
  const graceMs = outcome.minAgeMinutes * MS_PER_MINUTE;
  const youngUntilMs = outcome.newestMtimeMs === null ? null : outcome.newestMtimeMs + graceMs;
  const retryAtMs = youngUntilMs !== null && youngUntilMs > outcome.nowMs ? youngUntilMs : null;
  const reason =
    outcome.notes.length > 0 ? outcome.notes.join('; ') : 'files arrive faster than the cleanup removes them';
  return { armed: prev.armed, blocked: { reason, retryAtMs } };
}

/** The emergency threshold of a folder: its own `emergency_threshold_percent`, else the global one, else 100. */
export function emergencyThresholdOf(
  config: Pick<AppConfig, 'emergencyThresholdPercent'>,
  rules: FolderRules,
): number {
  return rules.emergencyThresholdPercent ?? config.emergencyThresholdPercent ?? 100;
}

/**
 * The rules an emergency cleanup plans with. At a threshold of 100% or more, the folder's own: it is over
 * a limit, and the planner cleans it to its size target. Below 100% (say 90%), the limits are scaled to the
 * threshold, so the planner acts at 90% as it would at 100%, and the size target stays the same number of
 * bytes (at most the scaled limit): an emergency at 90% cleans to the same 80% a scheduled run would.
 */
export function emergencyRules(rules: FolderRules, thresholdPercent: number): FolderRules {
  if (thresholdPercent >= 100) return rules;
  const scale = thresholdPercent / 100;
  return {
    ...rules,
    maxSizeBytes: rules.maxSizeBytes === null ? null : rules.maxSizeBytes * scale,
    maxFiles: rules.maxFiles === null ? null : Math.max(1, Math.floor(rules.maxFiles * scale)),
    sizeTargetPercent: Math.min(100, rules.sizeTargetPercent / scale),
  };
}
