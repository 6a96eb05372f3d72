import { constants } from 'node:os';

const STOP_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];

/** Resolves with the signal's name on the first SIGINT or SIGTERM; long-running commands then shut down cleanly. */
export function waitForStopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** What a shell reports for a process a signal ended: 128 + its number (130 for SIGINT, 143 for SIGTERM). */
export function signalExitCode(signal: NodeJS.Signals): number {
  return 128 + (constants.signals[signal] ?? 0);
}

export interface StopSignals {
  /** The first SIGINT or SIGTERM received, or null. */
  received(): NodeJS.Signals | null;
  /** Gives the signals back their default action. */
  dispose(): void;
}

/**
 * For a command that finishes its work in hand when asked to stop (`clean`): the first SIGINT or SIGTERM
 * calls `stop`; a second one exits at once with that signal's exit code (what was done is already in the
 * history's checkpoints).
 */
export function onStopSignals(stop: (signal: NodeJS.Signals) => void): StopSignals {
  let first: NodeJS.Signals | null = null;
  const handle = (signal: NodeJS.Signals) => {
    if (first !== null) process.exit(signalExitCode(signal));
    first = signal;
    stop(signal);
  };
  for (const s of STOP_SIGNALS) process.on(s, handle);
  return {
    received: () => first,
    dispose: () => STOP_SIGNALS.forEach((s) => process.off(s, handle)),
  };
}
