/**
 * The runtime of a CLI command (status, preview, clean): no watchers, no schedule of its own. A snapshot
 * scans the folders once; a cleanup runs the rules as they are; pausing and stopping only write the state.
 */
import { BridgeError } from '../../../shared/bridge.js';
import type { CleanupTrigger, PendingRules, RunRecord, Snapshot } from '../../../shared/types.js';
import type { CleanupService } from '../cleanup/cleanup-service.js';
import type { ConfigStore } from '../config/config-store.js';
import type { FolderIndex } from '../index/folder-index.js';
import type { Clock } from '../ports.js';
import type { ScheduleState } from '../schedule/schedule-state.js';
import { oneShotSnapshot } from '../status/one-shot-snapshot.js';
import type { EngineRuntime } from './engine-runtime.js';

export interface OneShotRuntimeDeps {
  config: ConfigStore;
  cleanup: CleanupService;
  schedule: ScheduleState;
  clock: Clock;
}

export class OneShotRuntime implements EngineRuntime {
  constructor(private readonly deps: OneShotRuntimeDeps) {}

  async snapshot(): Promise<Snapshot> {
    const { config, cleanup, schedule, clock } = this.deps;
    const current = config.current()?.config ?? null;
    const status = schedule.status(current, cleanup.running);
    return oneShotSnapshot(current, status, config.error(), clock.now());
  }

  /** Nothing is scanning: a run or preview scans what it plans. */
  async untilScanned(): Promise<void> {}

  async runCleanup(trigger: CleanupTrigger, folders?: string[], dryRun = false): Promise<RunRecord> {
    const current = this.deps.config.current()?.config;
    if (!current) throw new Error('no valid configuration');
    return this.deps.cleanup.run(current, { folders, dryRun, trigger });
  }

  /** Pending rules are reviewed by the live runtime; a command has none to show. */
  pendingRules(): PendingRules | null {
    return null;
  }

  spaceIndex(): FolderIndex {
    throw new BridgeError(
      'not-found',
      'What takes space is measured from the live index: Headroom is not running.',
    );
  }

  async pause(untilMs: number | null): Promise<void> {
    await this.deps.schedule.pause(untilMs);
  }

  async setStopped(stopped: boolean): Promise<void> {
    await this.deps.schedule.setStopped(stopped);
  }

  async dispose(): Promise<void> {}
}
