/**
 * Desktop notifications: a warning when the engine raises one (its hysteresis decides when), and a short
 * summary after each automatic cleanup that freed space or hit errors. Clicking opens the dashboard.
 */
import { formatBytes, formatCount } from '../../shared/format.js';
import type { RunRecord, WarningEvent } from '../../shared/types.js';
import type { Engine } from '../engine/runtime/engine-types.js';
import type { Disposer } from '../engine/ports.js';
import type { NotificationSpec, NotifierPort, WindowPort } from './ports.js';

export type NotifyingEngine = Pick<Engine, 'on' | 'getConfig'>;

export interface NotificationControllerDeps {
  notifier: NotifierPort;
  window: WindowPort;
}

const WARNING_TITLES: Record<WarningEvent['kind'], (folder: string) => string> = {
  threshold: (folder) => `${folder} is filling up`,
  over: (folder) => `${folder} is over its limit`,
  'low-disk': () => 'The disk is almost full',
  'folder-error': (folder) => `${folder} cannot be read`,
  polling: (folder) => `${folder} is checked periodically`,
};

/** The notification for a warning event. */
export function warningNotification(event: WarningEvent): Omit<NotificationSpec, 'onClick'> {
  return { title: WARNING_TITLES[event.kind](event.folder), body: event.message };
}

/** The summary of a finished run, or null when it is not worth interrupting anyone for. */
export function cleanupNotification(run: RunRecord): Omit<NotificationSpec, 'onClick'> | null {
  if (run.trigger === 'manual' || run.dryRun) return null;
  const errors = run.folders.reduce((n, folder) => n + folder.errors.length, 0);
  const failed = run.status === 'failed' || run.status === 'completed_with_errors' || errors > 0;
  if (run.bytesFreed <= 0 && !failed) return null;
  const touched = run.folders.filter((folder) => folder.filesRemoved > 0).map((folder) => folder.name);
  const freed =
    run.filesRemoved > 0
      ? `Removed ${formatCount(run.filesRemoved)} ${run.filesRemoved === 1 ? 'file' : 'files'} from ${touched.join(', ')}.`
      : 'Nothing was removed.';
  const problems =
    errors > 0 ? ` ${formatCount(errors)} could not be removed; the dashboard lists them.` : '';
  const title =
    run.status === 'failed'
      ? 'Automatic cleanup failed'
      : failed
        ? `Cleanup freed ${formatBytes(run.bytesFreed)}, with problems`
        : `Cleanup freed ${formatBytes(run.bytesFreed)}`;
  return { title, body: `${freed}${problems}` };
}

export class NotificationController {
  private readonly disposers: Disposer[];

  constructor(
    private readonly engine: NotifyingEngine,
    private readonly deps: NotificationControllerDeps,
  ) {
    this.disposers = [
      engine.on('warning', (event) => void this.show(warningNotification(event))),
      engine.on('cleanupFinished', (run) => void this.show(cleanupNotification(run))),
    ];
  }

  dispose(): void {
    for (const dispose of this.disposers.splice(0)) dispose();
  }

  private async show(notification: Omit<NotificationSpec, 'onClick'> | null): Promise<void> {
    if (notification === null || !this.deps.notifier.isSupported()) return;
    if (!(await this.enabled())) return;
    this.deps.notifier.show({ ...notification, onClick: () => this.deps.window.show('overview') });
  }

  /** Read at each notification, so a change in the settings applies at once without a config event. */
  private async enabled(): Promise<boolean> {
    try {
      return (await this.engine.getConfig({})).settings.notifications;
    } catch {
      return true; // a broken config must not silence a warning about a full disk
    }
  }
}
