/**
 * Drives the tray from the engine: the icon (a meter, replaced only when its key changes), the tooltip and
 * the context menu, and carries out the menu's actions. Electron reaches it only through ports.
 */
import type { Snapshot } from '../../../shared/types.js';
import type { Engine } from '../../engine/runtime/engine-types.js';
import type { Clock, Disposer } from '../../engine/ports.js';
import { errorMessage } from '../../engine/fs/errno.js';
import type { AppPort, LoginItemPort, ShellPort, TrayPort, WindowPort } from '../ports.js';
import { encodePng } from './encode-png.js';
import { pauseForOneHour, pauseUntilTomorrow } from './pause-times.js';
import { iconKey, renderTrayIcon } from './render-tray-icon.js';
import type { TrayIconOptions, TrayIconState } from './render-tray-icon.js';
import { buildTrayMenu } from './tray-menu.js';
import type { TrayMenuActions } from './tray-menu.js';
import { buildTooltip, truncateTooltip } from './tray-tooltip.js';

/** The part of the engine the tray uses. */
export type TrayEngine = Pick<
  Engine,
  'on' | 'getSnapshot' | 'runCleanup' | 'cancelCleanup' | 'pauseSchedule' | 'stopSchedule' | 'updateConfig'
>;

/** How this platform wants its tray icon: logical size, the scale factors to supply, template or colour. */
export interface TrayIconSpec {
  sizePx: number;
  scales: number[];
  template: boolean;
}

/** How each platform wants its tray icon: macOS a 16 pt template, Windows 16 px at its common scales. */
export function trayIconSpecFor(platform: NodeJS.Platform): TrayIconSpec {
  if (platform === 'darwin') return { sizePx: 16, scales: [1, 2], template: true };
  if (platform === 'win32') return { sizePx: 16, scales: [1, 1.25, 1.5, 2], template: false };
  return { sizePx: 22, scales: [1, 2], template: false };
}

export interface TrayControllerDeps {
  tray: TrayPort;
  window: WindowPort;
  shell: ShellPort;
  loginItem: LoginItemPort;
  app: AppPort;
  clock: Clock;
  icon: TrayIconSpec;
  /** config.yaml, opened by "Open config file" (known even when the engine failed to start). */
  configFile: string;
  /** Tells the person that an action failed, in a sentence. */
  reportError(message: string): void;
  /** Windows cuts tooltips at 127 characters. */
  tooltipMaxChars?: number;
  /**
   * False on Linux: each tooltip change makes Chromium resend the whole StatusNotifierItem menu, and an
   * open menu flickers; the tooltip then says only "Headroom" (or why it could not start), and the menu
   * carries the figures. Default true.
   */
  liveTooltip?: boolean;
  /** Linux: "Open dashboard" first in the menu, which is what a left click opens there. */
  dashboardFirstInMenu?: boolean;
}

export class TrayController {
  private engine: TrayEngine | null = null;
  private snapshot: Snapshot | null = null;
  private cleaning = false;
  private engineError: string | null = null;
  private shown = { icon: '', tooltip: '', menu: '' };
  private readonly disposers: Disposer[] = [];
  private pauseTimer: Disposer | null = null;

  constructor(private readonly deps: TrayControllerDeps) {
    this.disposers.push(deps.tray.onClick(() => deps.window.toggle()));
    this.render();
  }

  /** Follows the engine's events and shows its first snapshot. */
  async attach(engine: TrayEngine): Promise<void> {
    this.engine = engine;
    this.disposers.push(
      engine.on('snapshot', (snapshot) => this.update(snapshot, snapshot.cleaning)),
      engine.on('cleanupStarted', () => this.update(this.snapshot, true)),
      engine.on('cleanupFinished', () => this.update(this.snapshot, false)),
    );
    const first = await engine.getSnapshot();
    // An event may already have brought a newer snapshot while this one was on its way.
    if (this.snapshot === null || this.snapshot.takenAtMs <= first.takenAtMs)
      this.update(first, first.cleaning);
  }

  /** The engine could not start: keep the tray, in its error state, with the reason in the tooltip. */
  showEngineError(message: string): void {
    this.engineError = message;
    this.render();
  }

  dispose(): void {
    this.pauseTimer?.();
    for (const dispose of this.disposers.splice(0)) dispose();
  }

  private update(snapshot: Snapshot | null, cleaning: boolean): void {
    this.snapshot = snapshot;
    this.cleaning = cleaning;
    this.render();
  }

  /** What the icon shows now; cleaning wins over a problem, a problem over a pause. */
  iconState(): TrayIconState {
    const nowMs = this.deps.clock.now();
    if (this.cleaning) return 'cleaning';
    if (this.engineError !== null || this.snapshot?.configError) return 'error';
    const pausedUntil = this.snapshot?.schedule.pausedUntil;
    if (pausedUntil && Date.parse(pausedUntil) > nowMs) return 'paused';
    // The meter leaves out a folder still in its first scan; the badge says the picture is not complete.
    if (this.snapshot?.folders.some((f) => f.enabled && f.scanning)) return 'scanning';
    return 'normal';
  }

  private render(): void {
    const nowMs = this.deps.clock.now();
    this.renderIcon();
    const snapshot = this.snapshot && { ...this.snapshot, cleaning: this.cleaning };
    const live = this.deps.liveTooltip ?? true;
    const tooltip =
      live || this.engineError !== null ? buildTooltip(snapshot, this.engineError, nowMs) : 'Headroom';
    const text = this.deps.tooltipMaxChars ? truncateTooltip(tooltip, this.deps.tooltipMaxChars) : tooltip;
    if (text !== this.shown.tooltip) this.deps.tray.setToolTip((this.shown.tooltip = text));
    const model = {
      snapshot,
      engineError: this.engineError,
      startAtLogin: this.deps.loginItem.get(),
      nowMs,
      dashboardFirst: this.deps.dashboardFirstInMenu ?? false,
    };
    const menu = buildTrayMenu(model, this.actions());
    // Rebuilding an open menu makes it flicker on some desktops: replace it only when its content changed.
    const menuKey = JSON.stringify(menu);
    if (menuKey !== this.shown.menu) {
      this.shown.menu = menuKey;
      this.deps.tray.setContextMenu(menu);
    }
    this.schedulePauseEnd(nowMs);
  }

  private renderIcon(): void {
    const { sizePx, scales, template } = this.deps.icon;
    const options: TrayIconOptions = {
      usagePercent: this.snapshot?.maxUsagePercent ?? 0,
      level: this.snapshot?.level ?? 'ok',
      state: this.iconState(),
      sizePx,
      scale: 1,
      template,
    };
    const key = `${iconKey(options)}|${scales.join(',')}`;
    if (key === this.shown.icon) return;
    this.shown.icon = key;
    const representations = scales.map((scale) => {
      const image = renderTrayIcon({ ...options, scale });
      return { scale, widthPx: image.widthPx, heightPx: image.heightPx, png: encodePng(image) };
    });
    this.deps.tray.setImage(representations, template);
  }

  /** The paused badge must go when the pause ends, even if no new snapshot arrives then. */
  private schedulePauseEnd(nowMs: number): void {
    this.pauseTimer?.();
    this.pauseTimer = null;
    const until = Date.parse(this.snapshot?.schedule.pausedUntil ?? '');
    if (until > nowMs) this.pauseTimer = this.deps.clock.setTimeout(() => this.render(), until - nowMs + 1);
  }

  private actions(): TrayMenuActions {
    const { deps } = this;
    const call = (what: string, fn: (engine: TrayEngine) => Promise<unknown>) => () =>
      this.onEngine(what, fn);
    return {
      cleanAll: call('Cleanup', (engine) => engine.runCleanup({})),
      cleanFolder: (name) => call('Cleanup', (engine) => engine.runCleanup({ folders: [name] }))(),
      cancelCleanup: call('Stopping the cleanup', (engine) => engine.cancelCleanup({})),
      preview: () => deps.window.show('preview'),
      pauseForOneHour: call('Pausing', (e) => e.pauseSchedule({ until: pauseForOneHour(deps.clock.now()) })),
      pauseUntilTomorrow: call('Pausing', (e) =>
        e.pauseSchedule({ until: pauseUntilTomorrow(deps.clock.now()) }),
      ),
      resume: call('Resuming', (engine) => engine.pauseSchedule({ until: null })),
      startSchedule: call('Starting the schedule', (engine) => engine.stopSchedule({ stopped: false })),
      openDashboard: () => deps.window.show('overview'),
      openConfig: () => void this.openConfig(),
      setStartAtLogin: (openAtLogin) => this.setStartAtLogin(openAtLogin),
      quit: () => deps.app.quit(),
    };
  }

  private async openConfig(): Promise<void> {
    const problem = await this.deps.shell.openPath(this.deps.configFile).catch(errorMessage);
    if (problem) this.deps.reportError(`Could not open ${this.deps.configFile}: ${problem}`);
  }

  /** The OS login item is the truth the checkbox shows; config.yaml keeps the choice for the next start. */
  private setStartAtLogin(openAtLogin: boolean): void {
    this.deps.loginItem.set(openAtLogin);
    this.render();
    this.onEngine('Saving "Start at login"', (engine) =>
      engine.updateConfig({ settings: { start_at_login: openAtLogin } }),
    );
  }

  /** Runs a menu action on the engine; a failure becomes a sentence for the person, never a crash. */
  private onEngine(what: string, fn: (engine: TrayEngine) => Promise<unknown>): void {
    if (this.engine === null) return;
    fn(this.engine).catch((error: unknown) =>
      this.deps.reportError(`${what} failed: ${errorMessage(error)}`),
    );
  }
}
