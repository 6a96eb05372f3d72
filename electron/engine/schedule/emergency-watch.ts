/**
 * Carries out core/emergency.ts for every folder: feeds it each new reading, starts the emergency cleanup
 * it asks for through the scheduler (the one place emergencies start), feeds back what the run left, and
 * keeps one timer per folder for the moment it asked to look again (the end of a cooldown, or when the
 * youngest file that blocked the last attempt passes the grace period). No polling.
 */
import {
  emergencyAfterRun,
  emergencyOnReading,
  INITIAL_EMERGENCY_STATE,
  pastThreshold,
  type EmergencyState,
} from '../../core/emergency.js';
import type { FolderEmergency, RunRecord } from '../../../shared/types.js';
import type { Clock, Disposer } from '../ports.js';

/** One folder as the watch reads it. */
export interface EmergencyReadingInput {
  name: string;
  usagePercent: number;
  thresholdPercent: number;
  minAgeMinutes: number;
}

export interface EmergencyWatchDeps {
  clock: Clock;
  /** Starts an emergency cleanup of the folder (Scheduler.emergency); false when it was refused. */
  trigger: (folder: string, onDone: (record: RunRecord | null) => void) => boolean;
  /** Start of the folder's last emergency cleanup, kept across restarts. */
  lastRunAtMs: (folder: string) => number | null;
  /** The folder's usage and newest file's mtime now (after a run: with its removals applied). */
  measure: (folder: string) => Promise<{ usagePercent: number; newestMtimeMs: number | null } | null>;
}

interface Watched {
  reading: EmergencyReadingInput;
  state: EmergencyState;
  /** Set while waiting for a cooldown to end or a blocked attempt's retry time. */
  wait: { atMs: number; dispose: Disposer } | null;
  running: boolean;
  /** Lowest usage read while the running emergency went on. */
  lowestWhileRunning: number;
}

export class EmergencyWatch {
  private readonly folders = new Map<string, Watched>();
  private disposed = false;

  constructor(private readonly deps: EmergencyWatchDeps) {}

  /** A new reading of an enabled, readable folder. */
  observe(reading: EmergencyReadingInput): void {
    const watched = this.folders.get(reading.name) ?? {
      reading,
      state: INITIAL_EMERGENCY_STATE,
      wait: null,
      running: false,
      lowestWhileRunning: Infinity,
    };
    watched.reading = reading;
    if (watched.running)
      watched.lowestWhileRunning = Math.min(watched.lowestWhileRunning, reading.usagePercent);
    this.folders.set(reading.name, watched);
    this.evaluate(watched);
  }

  /** Looks at every folder again (the schedule has started, so emergencies can run now). */
  recheckAll(): void {
    for (const watched of this.folders.values()) this.evaluate(watched);
  }

  /**
   * What the folder's status says at `usagePercent` (the status's own): why it is still over its emergency
   * threshold, and when it is tried next; null when it is not over or nothing waits.
   */
  status(folder: string, usagePercent: number): FolderEmergency | null {
    const watched = this.folders.get(folder);
    if (!watched || !pastThreshold(usagePercent, watched.reading.thresholdPercent)) return null;
    if (watched.running) return { reason: 'an emergency cleanup is running', nextAttemptAtMs: null };
    const { blocked } = watched.state;
    if (blocked) return { reason: blocked.reason, nextAttemptAtMs: watched.wait?.atMs ?? blocked.retryAtMs };
    if (watched.wait) {
      const reason = 'emergency cleanups of a folder are at least 10 minutes apart';
      return { reason, nextAttemptAtMs: watched.wait.atMs };
    }
    return null;
  }

  /** The folder left the configuration, or is disabled or unreadable: forget it and its timer. */
  forget(folder: string): void {
    this.folders.get(folder)?.wait?.dispose();
    this.folders.delete(folder);
  }

  /** Forgets every folder not named: they left the configuration. */
  keepOnly(names: readonly string[]): void {
    for (const name of [...this.folders.keys()]) if (!names.includes(name)) this.forget(name);
  }

  dispose(): void {
    this.disposed = true;
    for (const name of [...this.folders.keys()]) this.forget(name);
  }

  private evaluate(watched: Watched): void {
    if (this.disposed || watched.running) return;
    const { name, usagePercent, thresholdPercent } = watched.reading;
    const nowMs = this.deps.clock.now();
    const lastRunAtMs = this.deps.lastRunAtMs(name);
    const { state, decision } = emergencyOnReading(watched.state, {
      usagePercent,
      thresholdPercent,
      lastRunAtMs,
      nowMs,
    });
    if (decision.kind === 'wait' && watched.wait?.atMs === decision.atMs) return;
    watched.wait?.dispose();
    watched.wait = null;
    if (decision.kind === 'wait') {
      const dispose = this.deps.clock.setTimeout(() => {
        watched.wait = null;
        this.evaluate(watched);
      }, decision.atMs - nowMs);
      watched.wait = { atMs: decision.atMs, dispose };
      watched.state = state;
      return;
    }
    if (decision.kind === 'none') {
      watched.state = state;
      return;
    }
    // Refused (paused, or the schedule has not started): stay armed; the next reading or recheck tries again.
    if (!this.deps.trigger(name, (record) => void this.afterRun(watched, record))) return;
    watched.state = state;
    watched.running = true;
    watched.lowestWhileRunning = Infinity;
  }

  private async afterRun(watched: Watched, record: RunRecord | null): Promise<void> {
    const { name, thresholdPercent, minAgeMinutes } = watched.reading;
    try {
      const measured = await this.deps.measure(name);
      if (this.disposed || this.folders.get(name) !== watched || measured === null) return;
      const result = record?.folders.find((f) => f.name === name);
      const notes = result?.notes ?? (record === null ? ['the emergency cleanup failed'] : []);
      watched.state = emergencyAfterRun(watched.state, {
        usagePercent: measured.usagePercent,
        lowestUsagePercent: Math.min(watched.lowestWhileRunning, measured.usagePercent),
        thresholdPercent,
        notes,
        newestMtimeMs: measured.newestMtimeMs,
        minAgeMinutes,
        nowMs: this.deps.clock.now(),
      });
      watched.reading = { ...watched.reading, usagePercent: measured.usagePercent };
    } finally {
      watched.running = false;
    }
    this.evaluate(watched);
  }
}
