import type { BridgeResult, ConfigPatch } from '../../../shared/bridge.js';
import type { DashboardStore } from '../store/dashboard-store.js';
import type { BridgeClient } from './bridge-client-types.js';
import { createUsageActions, type UsageActions } from './usage-actions.js';

/** How many runs the history table asks for. */
export const HISTORY_PAGE_SIZE = 50;

/** What components may ask of the engine. Each call writes its outcome into the store. */
export interface DashboardActions extends UsageActions {
  /** Asks the engine what it finds on this computer; `open` shows the list even when it is not the first run. */
  detectFolders: (open?: boolean) => Promise<void>;
  /** Adds the proposals with these engine-issued ids; resolves true when they were written. */
  addDetectedFolders: (ids: string[]) => Promise<boolean>;
  refreshSnapshot: () => Promise<void>;
  loadHistory: () => Promise<void>;
  loadConfig: () => Promise<void>;
  /** Folder names, or undefined for all folders. */
  preview: (folders?: string[]) => Promise<void>;
  /**
   * Opens the confirmation of a cleanup of `folders` (null: all) and asks the engine what it would
   * remove, so the dialog can give the figures, or say there is nothing to remove instead of asking.
   */
  askClean: (folders: string[] | null) => Promise<void>;
  clean: (folders?: string[]) => Promise<void>;
  cancelCleanup: () => Promise<void>;
  /**
   * Resolves true when the engine accepted and wrote the patch. A patch that would remove files is not
   * sent: its impact waits in the store for the user (`confirmSave`).
   */
  saveConfig: (patch: ConfigPatch) => Promise<boolean>;
  /** Saves the patch whose impact the user confirmed; an impact changed meanwhile is asked again. */
  confirmSave: () => Promise<boolean>;
  /** Holds (true) or releases a disk edit's pending removals. */
  holdPendingRules: (hold: boolean) => Promise<void>;
  /** An ISO time pauses automatic cleanup until then; null resumes. */
  pauseSchedule: (untilIso: string | null) => Promise<void>;
  /** Stops automatic cleanup until started again (true), or starts it (false). */
  stopSchedule: (stopped: boolean) => Promise<void>;
  /** Asks the engine to create the configured folder `name` at its configured path. */
  createFolder: (name: string) => Promise<void>;
  /** True in the desktop app, whose main process can open the system's folder dialog. */
  canPickFolder: boolean;
  /** The folder dialog's pick (its one-time handle and the path to show), null if cancelled, or why not. */
  pickFolder: () => Promise<{ picked: { handle: string; path: string } | null } | { error: string }>;
  /** The tray popup's "Open dashboard": the desktop app's larger window, else this page's full view. */
  openDashboard: () => Promise<void>;
}

function message<T>(result: BridgeResult<T>): string {
  return result.ok ? '' : result.message;
}

/** Binds the dashboard's actions to one bridge client and one store. */
export function createDashboardActions(client: BridgeClient, store: DashboardStore): DashboardActions {
  const state = store.getState;
  const scope = (folders?: string[]) => (folders && folders.length > 0 ? { folders } : {});
  const save = async (patch: ConfigPatch): Promise<boolean> => {
    const result = await client.updateConfig(patch);
    if (!result.ok) {
      state().setSaveError(result.code, result.message, result.issues);
      return false;
    }
    state().setSaved(result.value);
    return true;
  };
  return {
    ...createUsageActions(client, store),
    canPickFolder: client.transport === 'electron',
    async pickFolder() {
      const result = await client.pickFolder();
      return result.ok ? result.value : { error: result.message };
    },
    async detectFolders(open = false) {
      state().setFoundLoading(open);
      const result = await client.detectFolders();
      if (result.ok) state().setFound(result.value);
      else state().setFoundError(message(result));
    },
    async addDetectedFolders(ids) {
      const result = await client.addDetectedFolders({ ids });
      if (!result.ok) {
        state().setFoundError(message(result));
        return false;
      }
      state().setFoundAdded(result.value.added);
      const [found, config] = await Promise.all([client.detectFolders(), client.getConfig()]);
      if (found.ok) state().setFound(found.value);
      if (config.ok) state().setConfig(config.value);
      return true;
    },
    async refreshSnapshot() {
      const result = await client.getSnapshot();
      if (result.ok) state().applySnapshot(result.value);
    },
    async loadHistory() {
      state().setHistoryLoading();
      const result = await client.getHistory({ limit: HISTORY_PAGE_SIZE });
      if (result.ok) state().setHistory(result.value);
      else state().setHistoryError(message(result));
    },
    async loadConfig() {
      state().setConfigLoading();
      const result = await client.getConfig();
      if (result.ok) state().setConfig(result.value);
      else state().setConfigLoadError(message(result));
    },
    async preview(folders) {
      state().setPreviewLoading(folders ?? null);
      const result = await client.previewCleanup(scope(folders));
      if (result.ok) state().setPreview(result.value);
      else state().setPreviewError(message(result));
    },
    async askClean(folders) {
      state().askConfirm(folders);
      const result = await client.previewCleanup(scope(folders ?? undefined));
      if (!result.ok) return;
      const planned = result.value.folders;
      const files = planned.reduce((n, f) => n + f.files, 0);
      const bytes = planned.reduce((n, f) => n + f.bytesToFree, 0);
      const changes = planned.flatMap((f) =>
        f.totals && f.files > 0 ? [{ name: f.name, totals: f.totals }] : [],
      );
      state().setConfirmWould(folders, { files, bytes, changes });
    },
    async clean(folders) {
      state().cleanupRequested(folders ?? []);
      const result = await client.runCleanup(scope(folders));
      if (result.ok) state().cleanupFinished(result.value);
      else state().cleanupFailed(message(result));
    },
    async cancelCleanup() {
      const result = await client.cancelCleanup();
      if (!result.ok) state().cleanupFailed(message(result));
    },
    async saveConfig(patch) {
      state().setSaving();
      const impact = await client.checkConfigImpact(patch);
      if (!impact.ok) {
        state().setSaveError(impact.code, impact.message, impact.issues);
        return false;
      }
      if (impact.value.files > 0) {
        state().askImpact({ patch, impact: impact.value, changed: false });
        return false;
      }
      return save(patch);
    },
    async confirmSave() {
      const question = state().impactQuestion;
      if (!question) return false;
      state().setSaving();
      const result = await client.updateConfig({
        ...question.patch,
        confirmImpact: question.impact.token ?? undefined,
      });
      if (result.ok) {
        state().setSaved(result.value);
        return true;
      }
      if (result.code !== 'consent-required') {
        state().dismissImpact();
        state().setSaveError(result.code, result.message, result.issues);
        return false;
      }
      // The configuration or the agreed rules moved since the question was asked: ask about what is now.
      const again = await client.checkConfigImpact(question.patch);
      if (again.ok) state().askImpact({ patch: question.patch, impact: again.value, changed: true });
      else state().setSaveError(again.code, again.message, again.issues);
      return false;
    },
    async holdPendingRules(hold) {
      const result = await client.holdPendingRules({ hold });
      if (!result.ok) state().cleanupFailed(message(result));
      const snapshot = await client.getSnapshot();
      if (snapshot.ok) state().applySnapshot(snapshot.value);
    },
    async pauseSchedule(untilIso) {
      const result = await client.pauseSchedule({ until: untilIso });
      if (result.ok) state().applySchedule(result.value);
      else state().setScheduleError(message(result));
    },
    async stopSchedule(stopped) {
      const result = await client.stopSchedule({ stopped });
      if (result.ok) state().applySchedule(result.value);
      else state().setScheduleError(message(result));
    },
    async createFolder(name) {
      const result = await client.createFolder({ name });
      if (result.ok) state().setConfig(result.value);
      else state().setSaveError(result.code, `could not create folder ${name}: ${result.message}`);
    },
    async openDashboard() {
      // The desktop app grows its window and routes the page (`#/overview`); elsewhere the page does it here.
      const result = await client.openDashboard();
      if (!result.ok || !result.value.opened) state().setView('full');
    },
  };
}
