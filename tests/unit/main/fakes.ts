/**
 * Fakes at the Electron host's ports, for the controller tests: the engine's event surface (the engine
 * itself is tested against real folders elsewhere), the tray, the window, the notifier and a manual clock.
 */
import type { EventName, EventPayloads } from '../../../shared/bridge.js';
import type { FolderStatus, Snapshot } from '../../../shared/types.js';
import type { Clock, Disposer } from '../../../electron/engine/ports.js';
import type {
  IconRepresentation,
  MenuItemSpec,
  NotificationSpec,
  TrayPort,
  WindowPort,
} from '../../../electron/main/ports.js';

const GB = 1024 ** 3;

export function folderStatus(overrides: Partial<FolderStatus> = {}): FolderStatus {
  return {
    name: 'outputs',
    path: '/data/outputs',
    enabled: true,
    exists: true,
    error: null,
    sizeBytes: 4.1 * GB,
    fileCount: 120,
    oldestMtimeMs: null,
    limits: { maxSizeBytes: 5 * GB, maxFiles: null, maxAgeDays: null },
    usage: { size: 82, count: null, age: null },
    usagePercent: 82,
    level: 'warning',
    watch: { mode: 'watching', reason: null },
    volume: null,
    fullInMs: null,
    filesPastMaxAge: null,
    emergency: null,
    ...overrides,
  };
}

export function snapshot(overrides: Partial<Snapshot> = {}): Snapshot {
  const folders = overrides.folders ?? [folderStatus()];
  return {
    takenAtMs: 1_700_000_000_000,
    folders,
    maxUsagePercent: Math.max(0, ...folders.map((f) => f.usagePercent)),
    level: 'warning',
    warningThresholdPercent: 80,
    cleaning: false,
    schedule: { intervalHours: 5, lastRunAt: null, nextRunAt: null, pausedUntil: null, running: false },
    configError: null,
    ...overrides,
  };
}

/** The engine's event surface plus recorded calls; methods resolve with what `results` holds. */
export class FakeEngine {
  readonly calls: { name: string; input: unknown }[] = [];
  readonly results: Record<string, unknown> = {};
  readonly failures: Record<string, Error> = {};
  private readonly listeners = new Map<EventName, Set<(payload: never) => void>>();

  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): Disposer {
    const set = this.listeners.get(event) ?? new Set();
    this.listeners.set(event, set);
    set.add(listener as (payload: never) => void);
    return () => set.delete(listener as (payload: never) => void);
  }
  emit<E extends EventName>(event: E, payload: EventPayloads[E]): void {
    for (const listener of this.listeners.get(event) ?? [])
      (listener as (p: EventPayloads[E]) => void)(payload);
  }
  /** Moves every listener to `other`, as the real engine's emitter outlives its start-up. */
  forwardTo(other: FakeEngine): void {
    for (const [event, set] of this.listeners)
      for (const listener of set) other.on(event, listener as (payload: EventPayloads[typeof event]) => void);
  }
  listenerCount(): number {
    return [...this.listeners.values()].reduce((n, set) => n + set.size, 0);
  }
  private record(name: string, input: unknown): Promise<never> {
    this.calls.push({ name, input });
    const failure = this.failures[name];
    return (failure ? Promise.reject(failure) : Promise.resolve(this.results[name])) as Promise<never>;
  }
  getSnapshot = (input?: unknown) => this.record('getSnapshot', input);
  previewCleanup = (input?: unknown) => this.record('previewCleanup', input);
  runCleanup = (input?: unknown) => this.record('runCleanup', input);
  cancelCleanup = (input?: unknown) => this.record('cancelCleanup', input);
  getHistory = (input?: unknown) => this.record('getHistory', input);
  getConfig = (input?: unknown) => this.record('getConfig', input);
  updateConfig = (input?: unknown) => this.record('updateConfig', input);
  pauseSchedule = (input?: unknown) => this.record('pauseSchedule', input);
  stopSchedule = (input?: unknown) => this.record('stopSchedule', input);
}

export class FakeTray implements TrayPort {
  images: { representations: IconRepresentation[]; template: boolean }[] = [];
  tooltips: string[] = [];
  menus: MenuItemSpec[][] = [];
  private clickListener: (() => void) | null = null;
  setImage(representations: IconRepresentation[], template: boolean): void {
    this.images.push({ representations, template });
  }
  setToolTip(text: string): void {
    this.tooltips.push(text);
  }
  setContextMenu(template: MenuItemSpec[]): void {
    this.menus.push(template);
  }
  onClick(listener: () => void): Disposer {
    this.clickListener = listener;
    return () => (this.clickListener = null);
  }
  click(): void {
    this.clickListener?.();
  }
  get menu(): MenuItemSpec[] {
    return this.menus.at(-1) ?? [];
  }
}

export class FakeWindow implements WindowPort {
  readonly actions: string[] = [];
  toggle(): void {
    this.actions.push('toggle');
  }
  show(view: 'overview' | 'preview' = 'overview'): void {
    this.actions.push(`show:${view}`);
  }
}

export class FakeNotifier {
  supported = true;
  readonly shown: NotificationSpec[] = [];
  isSupported(): boolean {
    return this.supported;
  }
  show(notification: NotificationSpec): void {
    this.shown.push(notification);
  }
}

/** A clock that moves only when told to, with timers that fire as it passes them. */
export class ManualClock implements Clock {
  private timers: { atMs: number; fn: () => void }[] = [];
  constructor(private nowMs: number) {}
  now(): number {
    return this.nowMs;
  }
  setTimeout(fn: () => void, delayMs: number): Disposer {
    const timer = { atMs: this.nowMs + delayMs, fn };
    this.timers.push(timer);
    return () => (this.timers = this.timers.filter((t) => t !== timer));
  }
  advance(ms: number): void {
    this.nowMs += ms;
    const due = this.timers.filter((t) => t.atMs <= this.nowMs);
    this.timers = this.timers.filter((t) => t.atMs > this.nowMs);
    for (const timer of due) timer.fn();
  }
  pending(): number {
    return this.timers.length;
  }
}

/** Finds a menu item by id anywhere in a menu. */
export function findItem(menu: MenuItemSpec[], id: string): MenuItemSpec | undefined {
  for (const item of menu) {
    if (item.id === id) return item;
    const inner = item.submenu && findItem(item.submenu, id);
    if (inner) return inner;
  }
  return undefined;
}

/** Lets pending promise callbacks run. */
export const flush = () => new Promise((resolve) => setImmediate(resolve));
