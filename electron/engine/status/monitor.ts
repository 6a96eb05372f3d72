/**
 * Turns each new `FolderStatus` into the warnings worth a notification, with hysteresis (core/levels.ts).
 * Emergency cleanups have their own state (EmergencyWatch), not this hysteresis.
 */
import type { FolderStatus, Level, WarningEvent, WarningKind } from '../../../shared/types.js';
import { INITIAL_ALERT_STATE, nextAlertState, type AlertState } from '../../core/levels.js';
import { nextLowDiskState, type FreeSpaceFloor, type LowDiskState } from '../../core/low-disk.js';
import type { Clock } from '../ports.js';
import { lowDiskMessage, usageMessage } from './warning-messages.js';

export interface MonitorSettings {
  warningThresholdPercent: number;
  /** The floor a volume is low under (core/low-disk.ts `freeSpaceFloor`). */
  freeSpaceFloor: FreeSpaceFloor;
}

export interface MonitorOptions {
  clock: Clock;
  /** Every warning raised, already filtered by hysteresis. */
  onWarning?: (event: WarningEvent) => void;
}

interface FolderAlerts {
  usage: AlertState;
  lowDisk: LowDiskState;
  /** Whether the current error / polling state was already announced (re-armed when it clears). */
  errorShown: boolean;
  pollingShown: boolean;
}

export class Monitor {
  private readonly alerts = new Map<string, FolderAlerts>();

  constructor(private readonly options: MonitorOptions) {}

  /** Feeds one folder's latest status; returns the warnings it raises (also passed to `onWarning`). */
  observe(status: FolderStatus, settings: MonitorSettings): WarningEvent[] {
    if (!status.enabled) {
      this.alerts.delete(status.name);
      return [];
    }
    const alerts = this.alerts.get(status.name) ?? freshAlerts();
    const events: WarningEvent[] = [];
    const raise = (kind: WarningKind, level: Level, message: string) =>
      events.push({
        kind,
        folder: status.name,
        level,
        usagePercent: status.usagePercent,
        message,
        atMs: this.options.clock.now(),
      });

    const usage = nextAlertState(alerts.usage, status.usagePercent, settings.warningThresholdPercent);
    alerts.usage = usage.state;
    if (usage.raise === 'warning') raise('threshold', 'warning', usageMessage(status));
    if (usage.raise === 'over') raise('over', 'over', `${usageMessage(status)}: over its limit`);

    if (status.volume !== null) {
      const disk = nextLowDiskState(alerts.lowDisk, status.volume, settings.freeSpaceFloor);
      alerts.lowDisk = disk.state;
      if (disk.raise) raise('low-disk', 'warning', lowDiskMessage(status.name, status.volume));
    }

    if (status.error !== null && !alerts.errorShown)
      raise('folder-error', 'warning', `${status.name}: ${status.error}`);
    alerts.errorShown = status.error !== null;
    const polling = status.watch.mode === 'polling' && status.error === null;
    if (polling && !alerts.pollingShown) {
      raise(
        'polling',
        'ok',
        `${status.name} is not watched live: ${status.watch.reason ?? 'watching is unavailable'}`,
      );
    }
    alerts.pollingShown = polling;

    this.alerts.set(status.name, alerts);
    for (const event of events) this.options.onWarning?.(event);
    return events;
  }

  /**
   * Forgets the folders that left the configuration: one added back later under the same name starts
   * afresh, and warns again about a limit it is still over.
   */
  keepOnly(names: readonly string[]): void {
    for (const name of [...this.alerts.keys()]) if (!names.includes(name)) this.alerts.delete(name);
  }
}

function freshAlerts(): FolderAlerts {
  return { usage: INITIAL_ALERT_STATE, lowDisk: { notified: false }, errorShown: false, pollingShown: false };
}
