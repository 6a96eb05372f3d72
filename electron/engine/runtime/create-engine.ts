/**
 * Builds the engine facade both hosts hold: config store, history, cleanup service and, when live,
 * watchers, monitor and schedule. Every request is validated against the shared schema here, so every
 * host (IPC, HTTP, CLI) gets the same checks.
 */
import { realpath } from 'node:fs/promises';
import { join } from 'node:path';
import { BridgeError, parseRequest } from '../../../shared/bridge.js';
import { formatConfigError } from '../../../shared/config-issue.js';
import type { ConfigView, EventPayloads } from '../../../shared/bridge.js';
import { PREVIEW_LISTED_FILES, type AppConfig } from '../../../shared/types.js';
import { CleanupService } from '../cleanup/cleanup-service.js';
import { ConsentGate } from '../consent/consent-gate.js';
import { CONSENT_FILE, ConsentLedger } from '../consent/consent-ledger.js';
import { folderFiles } from '../consent/folder-files.js';
import { ConfigStore, type StoredConfigView } from '../config/config-store.js';
import { createConfiguredFolder, missingFolders } from '../config/missing-folders.js';
import { ensureDefaultConfig } from '../config/default-config.js';
import { PickedFolders } from '../config/picked-folders.js';
import type { Engine, EngineOptions } from './engine-types.js';
import { TypedEmitter } from './typed-emitter.js';
import { nodeTrash } from '../executor/node-trash.js';
import { CleanupTotals, TOTALS_FILE } from '../history/cleanup-totals.js';
import { HistoryStore } from '../history/history-store.js';
import { USAGE_FILE, UsageHistoryStore } from '../history/usage-history-store.js';
import { spaceBreakdown } from '../index/space-breakdown.js';
import { fileUnderRoot } from '../fs/file-under-root.js';
import { nearestStringPath } from '../fs/fs-path.js';
import { TOKEN_FILE } from '../fs/api-token.js';
import { acquireInstanceLock, LOCK_FILE } from '../fs/instance-lock.js';
import { ensurePrivateDataDir } from '../fs/private-data-dir.js';
import { systemClock } from '../ports.js';
import { ScheduleState } from '../schedule/schedule-state.js';
import type { EngineRuntime } from './engine-runtime.js';
import { OneShotRuntime } from './one-shot-runtime.js';
import { lazyDetector } from './lazy-detector.js';

export const HISTORY_FILE = 'history.jsonl';
export const SCHEDULE_FILE = 'schedule.json';
/** Files of Headroom's own in a data folder: one of them there means Headroom made the folder. */
export const DATA_FILES: readonly string[] = [
  HISTORY_FILE,
  SCHEDULE_FILE,
  LOCK_FILE,
  TOKEN_FILE,
  CONSENT_FILE,
  TOTALS_FILE,
  USAGE_FILE,
];

export async function createEngine(options: EngineOptions): Promise<Engine> {
  const clock = options.clock ?? systemClock;
  const picked = new PickedFolders(clock);
  const { dataDir } = options;
  await ensurePrivateDataDir(dataDir, DATA_FILES);
  const configFile = options.configFile ?? (await ensureDefaultConfig(dataDir)).file;
  // The lock and the configuration do not depend on each other: config.yaml is read, and its roots vetted
  // (a few dozen system folders examined), while the lock is taken (#17: status waits for both).
  const [lock, config] = await Promise.all([
    acquireInstanceLock(dataDir),
    ConfigStore.open(configFile, { dataDir, home: options.detectHost?.home }),
  ]);
  if (options.live && !lock.primary) throw new Error(ownerMessage(dataDir, lock.ownerPid));
  const events = new TypedEmitter<EventPayloads>();
  const emit = events.emit.bind(events);
  options.subscribe?.((event, listener) => events.on(event, listener));
  const log = options.log ?? ((message: string) => void process.stderr.write(`headroom: ${message}\n`));
  // Each store reads its own file; only the totals and the schedule read the history, once it is open.
  const [opened, usage, ledger] = await Promise.all([
    HistoryStore.open(join(dataDir, HISTORY_FILE), { readOnly: !lock.primary }),
    UsageHistoryStore.open(join(dataDir, USAGE_FILE), { writable: lock.primary, log }),
    ConsentLedger.open(join(dataDir, CONSENT_FILE), config.current()?.config.folders ?? [], lock.primary),
  ]);
  const [totals, schedule] = await Promise.all([
    CleanupTotals.open(join(dataDir, TOTALS_FILE), {
      writable: lock.primary,
      history: async (limit) => (await opened.store.list({ limit })).runs,
    }),
    ScheduleState.open(join(dataDir, SCHEDULE_FILE), opened.store, clock),
  ]);
  // The consent gate measures a folder from its live index when there is one (none in a CLI command).
  const live = options.live ? await loadLiveRuntime() : null;
  const liveFolders = live ? new live.LiveFolders(clock, log, options.liveScan) : null;
  const gate = new ConsentGate(
    ledger,
    clock,
    folderFiles((rules) => liveFolders?.indexOf(rules) ?? null),
  );
  const cleanup = new CleanupService({
    history: opened.store,
    clock,
    trash: options.trash ?? nodeTrash,
    config,
    emit,
  });
  // The data folder's owner keeps the books of every finished run: deadlines, totals and consent.
  if (lock.primary) {
    cleanup.onFinished(async (record, scope) => {
      await schedule.noteRun(record, scope, config.current()?.config ?? null);
      await totals.add(record);
      // A run that followed the configuration as it is (the user's Clean or Run now, a scheduled run not
      // held) is the user's say: removals follow those rules from now on (invariant 7).
      if (!record.dryRun && !scope.gated) {
        await gate.approve(scope.rules, scope.allFolders);
        if (!scope.allFolders) await gate.review(config.current()?.config ?? null);
      }
    });
  }
  const detector = lazyDetector({
    config,
    host: options.detectHost,
    preview: (draft, names) => cleanup.preview(draft, names),
    // The user saw what the first cleanup of each added folder removes and accepted it (invariant 7).
    added: async (rules) => {
      if (!lock.primary) return;
      await gate.approve(rules, false);
      await gate.review(config.current()?.config ?? null);
    },
  });
  // Returns before the folders are scanned: each says it is scanning until its first scan ends.
  const runtime: EngineRuntime =
    live && liveFolders
      ? await live.LiveRuntime.start({
          config,
          cleanup,
          schedule,
          gate,
          clock,
          emit,
          log,
          usage,
          folders: liveFolders,
        })
      : new OneShotRuntime({ config, cleanup, schedule, clock });

  /** Writes to history and schedule belong to the data folder's owner. */
  const requireOwner = (): void => {
    if (!lock.primary) throw new BridgeError('busy', ownerMessage(dataDir, lock.ownerPid));
  };
  const requireConfig = (): AppConfig => {
    const current = config.current();
    if (!current) throw new BridgeError('config-invalid', describeConfigError(config));
    return current.config;
  };
  /** The configured folder `name`, or a sentence saying there is none. */
  const requireFolder = (name: string) => {
    const rules = requireConfig().folders.find((f) => f.name === name);
    if (!rules)
      throw new BridgeError('unknown-folder', `There is no folder named "${name}" in the configuration.`);
    return rules;
  };
  /** Every view says which folders are missing, so Save (whose answer is a view) checks every path. */
  const checked = async (view: StoredConfigView): Promise<ConfigView> => ({
    ...view,
    missingFolders: await missingFolders(config.current()?.config ?? null),
  });

  return {
    configFile,
    dataDir,
    detector,
    on: (event, listener) => events.on(event, listener),
    async getSnapshot(input) {
      parseRequest('getSnapshot', input);
      return runtime.snapshot();
    },
    async previewCleanup(input) {
      const { folders } = parseRequest('previewCleanup', input);
      requireConfig();
      await runtime.untilScanned(folders); // as a cleanup does (LiveRuntime.untilScanned)
      return cleanup.preview(requireConfig(), folders, PREVIEW_LISTED_FILES);
    },
    async fullPreview(input) {
      const { folders } = parseRequest('previewCleanup', input);
      requireConfig();
      await runtime.untilScanned(folders);
      return cleanup.preview(requireConfig(), folders);
    },
    async runCleanup(input) {
      const { folders, dryRun } = parseRequest('runCleanup', input);
      if (!dryRun) requireOwner();
      requireConfig();
      return runtime.runCleanup('manual', folders, dryRun);
    },
    async cancelCleanup(input) {
      parseRequest('cancelCleanup', input);
      return { cancelled: cleanup.cancel() };
    },
    async getHistory(input) {
      const { limit, before } = parseRequest('getHistory', input);
      return await opened.store.list({ limit, before });
    },
    async getConfig(input) {
      parseRequest('getConfig', input);
      return checked(config.view());
    },
    async checkConfigImpact(input) {
      const next = await config.patched(picked.apply(parseRequest('checkConfigImpact', input)));
      return gate.impactOf(next.folders);
    },
    async updateConfig(input) {
      const { confirmImpact, ...request } = parseRequest('updateConfig', input);
      const patch = picked.apply(request);
      const view = await config.update(patch, {
        check: (next) => gate.requireConsent(next.folders, confirmImpact),
        written: async (next) => {
          picked.spend(request.pickedPaths);
          if (lock.primary) await gate.approve(next.folders, true);
        },
      });
      return checked(view);
    },
    async holdPendingRules(input) {
      const { hold } = parseRequest('holdPendingRules', input);
      requireOwner();
      await gate.setHeld(hold);
      return runtime.pendingRules();
    },
    async createFolder(input) {
      const { name } = parseRequest('createFolder', input);
      await createConfiguredFolder(requireConfig(), name);
      // Re-vets the roots now that the folder has an identity; a live folder finds it within seconds.
      await config.reload();
      return checked(config.view());
    },
    async pauseSchedule(input) {
      const { until } = parseRequest('pauseSchedule', input);
      requireOwner();
      const untilMs = until === null ? null : Date.parse(until);
      await runtime.pause(untilMs);
      return schedule.status(config.current()?.config ?? null, cleanup.running);
    },
    async cleanupTotals() {
      return totals.current();
    },
    /** Stops automatic cleanup until started again (persisted), or starts it; the data folder's owner only. */
    async stopSchedule(input) {
      const { stopped } = parseRequest('stopSchedule', input);
      requireOwner();
      await runtime.setStopped(stopped);
      return schedule.status(config.current()?.config ?? null, cleanup.running);
    },
    async detectFolders(input) {
      parseRequest('detectFolders', input);
      return (await detector()).detect();
    },
    async addDetectedFolders(input) {
      const { ids } = parseRequest('addDetectedFolders', input);
      return (await detector()).add(ids);
    },
    async getUsageHistory(input) {
      const { days, maxPoints } = parseRequest('getUsageHistory', input);
      const names = config.current()?.config.folders.map((f) => f.name) ?? [];
      return usage.history(names, { days, maxPoints, nowMs: clock.now() });
    },
    async getSpaceBreakdown(input) {
      const { folder, limit } = parseRequest('getSpaceBreakdown', input);
      return spaceBreakdown(runtime.spaceIndex(requireFolder(folder)), folder, limit ?? 10);
    },
    async showInFolder(input) {
      const { folder, path } = parseRequest('showInFolder', input);
      const rules = requireFolder(folder);
      if (!options.revealFile) {
        throw new BridgeError('not-found', 'Show in folder is available in the desktop app only.');
      }
      const root = await realpath(rules.path).catch(() => null);
      const file = root === null ? null : await fileUnderRoot(root, path);
      if (!file) {
        throw new BridgeError(
          'not-found',
          `"${path}" is not a file in ${folder}: it was removed or moved, or it leads out of the folder.`,
        );
      }
      // A name that is not valid UTF-8 cannot go to the shell as a string: the folder holding it is shown.
      await options.revealFile(nearestStringPath(file.path));
      return { shown: true as const };
    },
    async pickFolder(input) {
      parseRequest('pickFolder', input);
      if (!options.pickFolder) {
        throw new BridgeError(
          'not-found',
          'Choosing a folder with Browse… is available in the desktop app only; type the path instead.',
        );
      }
      const path = await options.pickFolder();
      return { picked: path === null ? null : { handle: picked.issue(path), path } };
    },
    async openDashboard(input) {
      parseRequest('openDashboard', input);
      // No window here: the desktop host answers this request itself (electron/main/index.ts).
      return { opened: false };
    },
    async dispose() {
      // A cleanup in progress stops after the file in hand and is recorded; shutting down never waits for it all.
      cleanup.cancel();
      await runtime.dispose();
      await cleanup.settle();
      await usage.settle();
      await opened.store.close();
      await lock.release();
      events.clear();
    },
  };
}

/**
 * The live runtime's code (watchers, monitor, scheduler, live indexes), loaded by a live engine only: a CLI
 * command such as status never pays for it (#17).
 */
async function loadLiveRuntime() {
  const [{ LiveFolders }, { LiveRuntime }] = await Promise.all([
    import('./live-folders.js'),
    import('./live-runtime.js'),
  ]);
  return { LiveFolders, LiveRuntime };
}

function ownerMessage(dataDir: string, pid: number | null): string {
  const who = pid === null ? 'another Headroom process' : `another Headroom process (pid ${pid})`;
  return `${who} is running on ${dataDir}; clean or pause from it (its tray or dashboard), or stop it first`;
}

function describeConfigError(config: ConfigStore): string {
  const error = config.error();
  return error ? formatConfigError(error) : 'the configuration could not be loaded';
}
