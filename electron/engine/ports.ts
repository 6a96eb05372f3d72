/**
 * The engine's ports: time and the few host services it needs reach it through these small interfaces,
 * so decisions are tested without fake timers and the engine without Electron.
 */

/** Undoes what created it (closes a watcher, clears a timer, removes a listener). */
export type Disposer = () => void;

/** Wall-clock time and timers. Tests pass a manual clock; hosts pass `systemClock`. */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
  /** Calls `fn` once after `delayMs`; the disposer cancels it. */
  setTimeout(fn: () => void, delayMs: number): Disposer;
  /** The IANA time zone local times are read in (schedules by the clock). Default: this machine's. */
  timeZone?(): string;
}

/** This machine's time zone, read each time: it changes when a laptop travels. */
export const machineTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

export const systemClock: Clock = {
  now: () => Date.now(),
  timeZone: machineTimeZone,
  setTimeout(fn, delayMs) {
    const handle = setTimeout(fn, Math.max(0, Math.min(delayMs, 2_147_483_647)));
    handle.unref?.();
    return () => clearTimeout(handle);
  },
};

/**
 * How much a diagnostic matters: `warning` for something Headroom noticed and corrected or worked around
 * (index drift, a watch fallback), `error` for something that failed.
 */
export type LogLevel = 'warning' | 'error';

/** Diagnostics for people. A call without a level is an `error`. */
export type LogFn = (message: string, level?: LogLevel) => void;

/** Moves one file to the system trash. The Electron host passes `shell.trashItem`; Node uses the `trash` package. */
export type TrashPort = (absolutePath: string) => Promise<void>;
