/**
 * The tray's context menu as plain data (MenuItemSpec[]): built from the latest snapshot, so tests assert on
 * it without Electron and the controller hands it to `Menu.buildFromTemplate` unchanged.
 */
import { formatPercent, SCHEDULE_STOPPED_TEXT } from '../../../shared/format.js';
import type { FolderStatus, Snapshot } from '../../../shared/types.js';
import type { MenuItemSpec } from '../ports.js';
import { formatClockTime } from './pause-times.js';
import { describeFolderUsage } from './tray-tooltip.js';

export interface TrayMenuModel {
  snapshot: Snapshot | null;
  /** Set when the engine could not start; the menu then offers only the config file and Quit. */
  engineError: string | null;
  startAtLogin: boolean;
  nowMs: number;
  /**
   * Linux: the menu is what a left click opens (GNOME's AppIndicator extension never reports the click), so
   * "Open dashboard" comes first there; elsewhere a left click opens the dashboard and it sits lower down.
   */
  dashboardFirst?: boolean;
}

export interface TrayMenuActions {
  cleanAll(): void;
  cleanFolder(name: string): void;
  cancelCleanup(): void;
  preview(): void;
  pauseForOneHour(): void;
  pauseUntilTomorrow(): void;
  resume(): void;
  /** Starts a schedule stopped until started again (seed API or dashboard). */
  startSchedule(): void;
  openDashboard(): void;
  openConfig(): void;
  setStartAtLogin(openAtLogin: boolean): void;
  quit(): void;
}

const SEPARATOR: MenuItemSpec = { type: 'separator' };

/** Builds the whole menu for the current state. */
export function buildTrayMenu(model: TrayMenuModel, actions: TrayMenuActions): MenuItemSpec[] {
  const menu =
    model.snapshot === null ? startingMenu(model, actions) : runningMenu(model.snapshot, model, actions);
  if (!model.dashboardFirst) return menu;
  const open = menu.filter((item) => item.id === 'open-dashboard');
  return [...open, SEPARATOR, ...menu.filter((item) => item.id !== 'open-dashboard')];
}

function runningMenu(snapshot: Snapshot, model: TrayMenuModel, actions: TrayMenuActions): MenuItemSpec[] {
  return [
    ...folderLines(snapshot, model.nowMs),
    ...configProblem(snapshot, actions),
    SEPARATOR,
    ...cleanItems(snapshot, actions),
    { id: 'preview', label: 'Preview…', enabled: !snapshot.cleaning, click: actions.preview },
    pauseMenu(snapshot, model.nowMs, actions),
    SEPARATOR,
    { id: 'open-dashboard', label: 'Open dashboard', click: actions.openDashboard },
    { id: 'open-config', label: 'Open config file', click: actions.openConfig },
    startAtLoginItem(model, actions),
    SEPARATOR,
    { id: 'quit', label: 'Quit Headroom', click: actions.quit },
  ];
}

function startingMenu(model: TrayMenuModel, actions: TrayMenuActions): MenuItemSpec[] {
  const status: MenuItemSpec[] =
    model.engineError === null
      ? [{ id: 'status', label: 'Headroom is starting…', enabled: false }]
      : [
          { id: 'status', label: 'Headroom could not start', enabled: false },
          { id: 'engine-error', label: shorten(model.engineError, 80), enabled: false },
        ];
  return [
    ...status,
    SEPARATOR,
    // The dashboard says what is going on while the engine starts, or why it could not.
    { id: 'open-dashboard', label: 'Open dashboard', click: actions.openDashboard },
    { id: 'open-config', label: 'Open config file', click: actions.openConfig },
    startAtLoginItem(model, actions),
    SEPARATOR,
    { id: 'quit', label: 'Quit Headroom', click: actions.quit },
  ];
}

function folderLines(snapshot: Snapshot, nowMs: number): MenuItemSpec[] {
  if (snapshot.folders.length === 0)
    return [{ id: 'no-folders', label: 'No folders configured', enabled: false }];
  return snapshot.folders.map((folder) => ({
    id: `folder:${folder.name}`,
    label: describeFolderUsage(folder, snapshot.takenAtMs || nowMs),
    enabled: false,
  }));
}

function configProblem(snapshot: Snapshot, actions: TrayMenuActions): MenuItemSpec[] {
  const error = snapshot.configError;
  if (error === null) return [];
  const first = error.issues[0];
  const where = first?.line != null ? ` (line ${first.line})` : '';
  return [
    {
      id: 'config-error',
      label: `config.yaml has a problem${where}: open it`,
      click: actions.openConfig,
    },
  ];
}

function cleanable(folder: FolderStatus): boolean {
  return folder.enabled && folder.exists && folder.error === null;
}

function cleanItems(snapshot: Snapshot, actions: TrayMenuActions): MenuItemSpec[] {
  if (snapshot.cleaning) {
    return [
      { id: 'cleaning', label: 'Cleaning…', enabled: false },
      { id: 'cancel-cleanup', label: 'Stop cleanup', click: actions.cancelCleanup },
    ];
  }
  const folders = snapshot.folders;
  const any = folders.some(cleanable);
  return [
    {
      id: 'clean-now',
      label: 'Clean now',
      type: 'submenu',
      enabled: any,
      submenu: [
        { id: 'clean-all', label: 'All folders', enabled: any, click: actions.cleanAll },
        SEPARATOR,
        ...folders.map((folder) => ({
          id: `clean:${folder.name}`,
          label: `${folder.name} (${formatPercent(folder.usagePercent)})`,
          enabled: cleanable(folder),
          click: () => actions.cleanFolder(folder.name),
        })),
      ],
    },
  ];
}

function pauseMenu(snapshot: Snapshot, nowMs: number, actions: TrayMenuActions): MenuItemSpec {
  const until = snapshot.schedule.pausedUntil === null ? NaN : Date.parse(snapshot.schedule.pausedUntil);
  const paused = until > nowMs;
  const stopped = snapshot.schedule.stopped === true;
  return {
    id: 'pause',
    label: stopped
      ? SCHEDULE_STOPPED_TEXT
      : paused
        ? `Automatic cleanup paused until ${formatClockTime(until, nowMs)}`
        : 'Pause automatic cleanup',
    type: 'submenu',
    submenu: [
      ...(stopped
        ? [{ id: 'start-schedule', label: 'Start schedule', click: actions.startSchedule }, SEPARATOR]
        : []),
      { id: 'pause-1h', label: 'For 1 hour', click: actions.pauseForOneHour },
      { id: 'pause-tomorrow', label: 'Until tomorrow morning', click: actions.pauseUntilTomorrow },
      SEPARATOR,
      { id: 'resume', label: 'Resume', enabled: paused, click: actions.resume },
    ],
  };
}

function startAtLoginItem(model: TrayMenuModel, actions: TrayMenuActions): MenuItemSpec {
  return {
    id: 'start-at-login',
    label: 'Start at login',
    type: 'checkbox',
    checked: model.startAtLogin,
    click: () => actions.setStartAtLogin(!model.startAtLogin),
  };
}

function shorten(text: string, maxChars: number): string {
  const line = text.split('\n')[0] ?? '';
  return line.length <= maxChars ? line : `${line.slice(0, maxChars - 1)}…`;
}
