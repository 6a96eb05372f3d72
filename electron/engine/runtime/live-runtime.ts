/**
 * The engine while it runs, from its first instant: folders are scanned in the background and say so in
 * each snapshot (with their progress) until their scan ends; a cleanup of a folder waits for its first
 * scan. Live folders feed the monitor, which raises warnings, and the emergency
 * watch, which starts emergency cleanups through the scheduler; the scheduler keeps the deadline; the
 * config file is reloaded when it changes. The first change after a quiet spell is pushed at once, later ones at most every `SNAPSHOT_INTERVAL_MS`, however fast
 * files arrive: a gauge moves as soon as the watcher has settled a write, and a burst stays a few
 * snapshots a second.
 */
import { CONFIG_DEFAULTS } from '../../../shared/config-schema.js';
import type { EventPayloads } from '../../../shared/bridge.js';
import type {
  AppConfig,
  CleanupTrigger,
  FolderRules,
  PendingRules,
  RunRecord,
  Snapshot,
} from '../../../shared/types.js';
import type { ConsentGate } from '../consent/consent-gate.js';
import type { FolderIndex } from '../index/folder-index.js';
import type { CleanupService } from '../cleanup/cleanup-service.js';
import type { ConfigStore } from '../config/config-store.js';
import { watchConfigFile } from '../config/watch-config-file.js';
import { liveFolderStatus } from '../status/live-folder-status.js';
import { Monitor, type MonitorSettings } from '../status/monitor.js';
import { VolumeCache } from '../status/volume-cache.js';
import type { Clock, Disposer, LogFn } from '../ports.js';
import type { ScheduleState } from '../schedule/schedule-state.js';
import { EmergencyWatch } from '../schedule/emergency-watch.js';
import { Scheduler } from '../schedule/scheduler.js';
import { buildFolderStatus } from '../status/build-folder-status.js';
import { summarise } from '../status/summarise-snapshot.js';
import { ChangeThrottle } from '../live/change-throttle.js';
import { freeSpaceFloor, lowDiskRules } from '../../core/low-disk.js';
import { LowDiskGuard } from '../status/low-disk-guard.js';
import { emergencyConfig, emergencyReading, withEmergencies } from './emergency-readings.js';
import type { LiveFolders } from './live-folders.js';
import type { UsageHistoryStore, UsageReading } from '../history/usage-history-store.js';
import { UsageSampler } from './usage-sampler.js';
import type { EngineRuntime } from './engine-runtime.js';
import { BridgeError } from '../../../shared/bridge.js';

export const SNAPSHOT_INTERVAL_MS = 250;
/**
 * The schedule (and so the start-up cleanup) starts this long after the engine: hosts subscribe to events
 * once `createEngine` returns, and the app's window and tray come up before the disk gets busy.
 */
export const SCHEDULE_START_DELAY_MS = 1000;

export interface LiveRuntimeDeps {
  config: ConfigStore;
  cleanup: CleanupService;
  schedule: ScheduleState;
  /** Decides which rules removals follow while a change waits for the user's say (invariant 7). */
  gate: ConsentGate;
  clock: Clock;
  emit: <E extends keyof EventPayloads>(event: E, payload: EventPayloads[E]) => void;
  log: LogFn;
  /** Where each folder's usage over time is kept (sampled every 5 minutes and after each run). */
  usage: UsageHistoryStore;
  /** The live folders, not yet synced (the consent gate reads their indexes too); the runtime disposes them. */
  folders: LiveFolders;
}

export class LiveRuntime implements EngineRuntime {
  private readonly folders: LiveFolders;
  private readonly monitor: Monitor;
  private readonly volumes: VolumeCache;
  private readonly scheduler: Scheduler;
  private readonly lowDisk: LowDiskGuard;
  private readonly emergencies: EmergencyWatch;
  private readonly disposers: Disposer[] = [];
  private readonly pushes: ChangeThrottle;
  private readonly sampler: UsageSampler;
  private disposed = false;
  private changing: Promise<void> = Promise.resolve();
  /** Resolves when dispose begins: a cleanup waiting for a first scan stops waiting. */
  private readonly stopping: Promise<void>;
  private stop!: () => void;

  private constructor(private readonly deps: LiveRuntimeDeps) {
    const { clock, emit } = deps;
    this.stopping = new Promise<void>((resolve) => (this.stop = resolve));
    this.pushes = new ChangeThrottle(clock, SNAPSHOT_INTERVAL_MS);
    this.pushes.listen(() => void this.push());
    this.folders = deps.folders;
    this.disposers.push(this.folders.onChanged(() => this.schedulePush()));
    this.volumes = new VolumeCache(clock);
    this.sampler = new UsageSampler(clock, deps.usage, (nowMs) => this.readings(nowMs));
    this.scheduler = new Scheduler({
      state: deps.schedule,
      clock,
      config: () => this.config(),
      runCleanup: (trigger, folders) => this.runCleanup(trigger, folders),
      onError: (error) => {
        if (!this.disposed) deps.log(`scheduled cleanup failed: ${(error as Error).message ?? error}`);
      },
    });
    this.lowDisk = new LowDiskGuard({
      clock,
      config: () => this.config(),
      onLow: (folders) => this.cleanLowDisk(folders),
    });
    this.monitor = new Monitor({ clock, onWarning: (event) => emit('warning', event) });
    this.emergencies = new EmergencyWatch({
      clock,
      trigger: (folder, onDone) => this.scheduler.emergency(folder, onDone),
      lastRunAtMs: (folder) => deps.schedule.lastEmergencyAtMs(folder),
      measure: async (folder) => {
        const status = (await this.snapshot()).folders.find((f) => f.name === folder);
        if (!status || status.scanning) return null;
        return { usagePercent: status.usagePercent, newestMtimeMs: this.folders.newestMtimeMs(folder) };
      },
    });
  }

  /** Starts scanning every folder and returns at once; nothing here waits for a scan to end. */
  static async start(deps: LiveRuntimeDeps): Promise<LiveRuntime> {
    const runtime = new LiveRuntime(deps);
    // Subscribed after the engine's own bookkeeping (history totals, deadlines, consent): re-arming reads it.
    runtime.disposers.push(deps.cleanup.onFinished((record) => runtime.afterRun(record)));
    await runtime.folders.sync(runtime.config());
    // Usage is kept from the first totals on: a folder still scanning reads 0, which is no size to keep.
    void runtime.folders.scanned().then(() => {
      if (!runtime.disposed) runtime.sampler.start();
    });
    // A change made while Headroom was not running is pending too: the start-up cleanup does not apply it.
    await deps.gate.review(runtime.config());
    runtime.disposers.push(
      deps.config.onChange((change) => {
        // The error is news when the change arrives; applying the change may wait for the one before.
        if (change.error) deps.emit('configError', change.error);
        runtime.configChanged();
      }),
      watchConfigFile(
        deps.config.file,
        deps.clock,
        () => void deps.config.reload(),
        (e) => deps.log(`config watch: ${e.message}`),
      ),
    );
    await runtime.push();
    const startSchedule = () => {
      runtime.scheduler.start();
      runtime.lowDisk.start();
      runtime.emergencies.recheckAll(); // folders over their threshold before the schedule could run them
    };
    runtime.disposers.push(deps.clock.setTimeout(startSchedule, SCHEDULE_START_DELAY_MS));
    return runtime;
  }

  /** The current snapshot, built from the live indexes (no scan). */
  async snapshot(): Promise<Snapshot> {
    const config = this.config();
    const nowMs = this.deps.clock.now();
    const settings = statusSettings(config);
    const folders = await Promise.all(
      this.folders
        .sources()
        .map(({ rules, source }) =>
          source
            ? liveFolderStatus(source, settings, this.volumes, nowMs)
            : buildFolderStatus(rules, DISABLED_STATS, settings.warningThresholdPercent, nowMs),
        ),
    );
    return summarise(withEmergencies(folders, this.emergencies), {
      takenAtMs: nowMs,
      cleaning: this.deps.cleanup.running,
      schedule: this.deps.schedule.status(config, this.deps.cleanup.running),
      configError: this.deps.config.error(),
      warningThresholdPercent: settings.warningThresholdPercent,
      pendingRules: this.pendingRules(),
    });
  }

  /**
   * A disk edit's new removals waiting for the user's say, and when they would apply: the first scheduled
   * run of a folder they concern (each folder may keep its own schedule; a run of another folder applies
   * nothing of them, and what remains is reviewed again after each run).
   */
  pendingRules(): PendingRules | null {
    const pending = this.deps.gate.pending();
    if (pending === null) return null;
    if (pending.held) return { ...pending, appliesAt: null };
    const concerned = new Set(pending.impact.folders.map((f) => f.name));
    const schedule = this.deps.schedule.status(this.config(), this.deps.cleanup.running);
    const times = (schedule.folders ?? []).flatMap((f) =>
      concerned.has(f.name) && f.nextRunAt !== null ? [Date.parse(f.nextRunAt)] : [],
    );
    const appliesAt = times.length === 0 ? null : new Date(Math.min(...times)).toISOString();
    return { ...pending, appliesAt };
  }

  spaceIndex(rules: FolderRules): FolderIndex {
    const index = this.folders.indexOf(rules);
    if (index) return index;
    if (rules.enabled) {
      throw new BridgeError('starting', `${rules.name} is still being scanned; ask again in a moment.`);
    }
    throw new BridgeError(
      'not-found',
      `What takes space is measured from the live index: ${rules.name} is disabled, so Headroom does not index it.`,
    );
  }

  /**
   * Resolves once the named folders (all when absent) have finished their first scan; a cleanup or preview
   * waits for it (rather than answering "still scanning"): the request's answer then is the real one, and
   * the run's own scan does not compete with the first scan of the same tree. Rejects when Headroom stops.
   */
  async untilScanned(folders?: readonly string[]): Promise<void> {
    if (this.folders.scanning(folders)) await Promise.race([this.folders.scanned(folders), this.stopping]);
    if (this.disposed) throw new Error('Headroom stopped before its folders were scanned');
  }

  /**
   * Starts a run, or joins the one in progress, once the run's folders have been scanned (the start-up
   * cleanup of a folder waits for that folder's first scan). The user's own Clean, and a scheduled run
   * nobody held, follow the rules as they are; start-up and emergency runs (and a held schedule) only
   * remove what the agreed rules remove too, so a disk edit never removes anything within seconds
   * (invariant 7).
   */
  async runCleanup(trigger: CleanupTrigger, folders?: string[], dryRun = false): Promise<RunRecord> {
    await this.untilScanned(folders);
    const current = this.config();
    if (!current) return Promise.reject(new Error('no valid configuration'));
    // An emergency plans with each folder's limits at its emergency threshold (core/emergency.ts).
    const config = trigger === 'emergency' ? emergencyConfig(current) : current;
    const { gate } = this.deps;
    const followsConfig = trigger === 'manual' || (trigger === 'schedule' && !gate.held);
    const held = followsConfig ? undefined : gate.heldRules(config);
    // Low disk: each folder down to its size target, whatever its usage (core/low-disk.ts).
    const rules = trigger === 'low-disk' ? { ...config, folders: config.folders.map(lowDiskRules) } : config;
    const run = this.deps.cleanup.run(rules, { trigger, folders, dryRun, held });
    void this.push();
    return run;
  }

  /** After a run: re-arm the schedule; where files were removed, rescan those folders and push the new usage. */
  private async afterRun(record: RunRecord): Promise<void> {
    this.scheduler.rearm();
    if (!record.dryRun) {
      await this.folders.reconcile(record.folders);
      await this.sampler.noteFreed(Object.fromEntries(record.folders.map((f) => [f.name, f.bytesFreed])));
    }
    await this.push();
  }

  async setStopped(stopped: boolean): Promise<void> {
    await this.deps.schedule.setStopped(stopped);
    this.scheduler.rearm();
    await this.push();
  }

  async pause(untilMs: number | null): Promise<void> {
    await this.scheduler.pause(untilMs);
    await this.push();
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    this.stop();
    this.lowDisk.dispose();
    this.scheduler.dispose();
    this.emergencies.dispose();
    await this.sampler.dispose();
    await this.scheduler.idle();
    this.pushes.dispose();
    for (const dispose of this.disposers.splice(0)) dispose();
    await this.changing;
    await this.folders.dispose();
  }

  /**
   * A low volume's folders, cleaned down to their size targets; the bytes given back. Not while automatic
   * cleanup is paused (the user asked for quiet), and the push shows the volume's warning at once.
   */
  private async cleanLowDisk(folders: string[]): Promise<number> {
    void this.push();
    if (this.deps.schedule.pausedUntilMs !== null) return 0;
    const record = await this.runCleanup('low-disk', folders);
    return record.folders.reduce((sum, f) => sum + (folders.includes(f.name) ? f.bytesFreed : 0), 0);
  }

  /** The totals of each folder that exists and is enabled, for the kept usage history. */
  private readings(nowMs: number): Record<string, UsageReading> {
    const readings: Record<string, UsageReading> = {};
    for (const { rules, source } of this.folders.sources()) {
      const stats = source?.status(nowMs);
      // A folder still in its first scan reads 0: not a size to keep (its next sample comes with the totals).
      if (stats?.exists && !stats.scanning)
        readings[rules.name] = { sizeBytes: stats.sizeBytes, fileCount: stats.fileCount };
    }
    return readings;
  }

  private config(): AppConfig | null {
    return this.deps.config.current()?.config ?? null;
  }

  /**
   * Applies config changes one after another, never two at once, and never lets one's failure go
   * unhandled; dispose waits for the one in hand (it writes consent.json in the data folder).
   */
  private configChanged(): void {
    this.changing = this.changing
      .then(() => this.onConfigChange())
      .catch((error: unknown) =>
        this.deps.log(`could not apply the changed configuration: ${(error as Error).message ?? error}`),
      );
  }

  private async onConfigChange(): Promise<void> {
    if (this.disposed) return;
    const config = this.config();
    await this.folders.sync(config);
    this.forgetRemoved(config);
    await this.deps.gate.review(this.config());
    // The interval may have changed, or scheduled cleanup been turned on or off.
    this.scheduler.rearm();
    await this.push();
  }

  /** A folder that left the configuration leaves no warning state or emergency timer behind. */
  private forgetRemoved(config: AppConfig | null): void {
    const names = (config?.folders ?? []).map((f) => f.name);
    this.monitor.keepOnly(names);
    this.emergencies.keepOnly(names);
  }

  private schedulePush(): void {
    if (!this.disposed) this.pushes.mark();
  }

  /** Builds a snapshot, lets the monitor see every folder, and sends it. */
  private async push(): Promise<void> {
    if (this.disposed) return;
    try {
      const snapshot = await this.snapshot();
      const config = this.config();
      const settings = statusSettings(config);
      for (const folder of snapshot.folders) {
        // A folder still in its first scan has no level yet: nothing to warn about or act on.
        if (folder.scanning) continue;
        this.monitor.observe(folder, settings);
        const reading = config && emergencyReading(config, folder);
        if (reading) this.emergencies.observe(reading);
        else this.emergencies.forget(folder.name);
      }
      // What the watch decided on these readings is part of the snapshot it sends.
      this.deps.emit('snapshot', {
        ...snapshot,
        folders: withEmergencies(snapshot.folders, this.emergencies),
      });
    } catch (error) {
      this.deps.log(`could not build a snapshot: ${(error as Error).message}`);
    }
  }
}

/** What a folder's status and its warnings are measured against. */
function statusSettings(config: AppConfig | null): MonitorSettings {
  return {
    warningThresholdPercent: config?.warningThresholdPercent ?? CONFIG_DEFAULTS.warning_threshold_percent,
    freeSpaceFloor: freeSpaceFloor(config),
  };
}

const DISABLED_STATS = { exists: true, error: null, sizeBytes: 0, fileCount: 0, oldestMtimeMs: null };
