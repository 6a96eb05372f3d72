/** Turns errors from starting or running a watcher into `WatchFailure`s a person can act on. */
import { errorCode } from '../fs/errno.js';
import type { WatchFailure } from './watch-backend.js';

/** Codes meaning "this path is simply gone": not a failure of watching. */
export function isGoneError(err: unknown): boolean {
  const code = watchErrorCode(err);
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/** A watch error's code; `EWATCH` for a failure that carries none (fs.watch's own errors). */
function watchErrorCode(err: unknown): string {
  return errorCode(err, 'EWATCH');
}

/** Why watching `relDir` failed, in a sentence; `recoverable` is false: the folder must poll instead. */
export function watchFailureFrom(err: unknown, relDir: string): WatchFailure {
  const code = watchErrorCode(err);
  const where = relDir === '' ? 'the folder' : `"${relDir}"`;
  return { code, path: relDir, message: describeWatchError(code, where, err), recoverable: false };
}

function describeWatchError(code: string, where: string, err: unknown): string {
  switch (code) {
    case 'ENOSPC':
      return 'inotify watch limit reached (ENOSPC): raise fs.inotify.max_user_watches to watch it live';
    case 'EMFILE':
    case 'ENFILE':
      return `too many open files (${code}) to watch ${where}`;
    case 'EACCES':
    case 'EPERM':
      return `permission denied watching ${where} (${code})`;
    default: {
      const detail = err instanceof Error ? err.message : String(err);
      return `watching ${where} failed (${code}): ${detail}`;
    }
  }
}

/** Thrown by `WatchBackend.watch` when a directory cannot be watched at start; carries the failure. */
export class WatchStartError extends Error {
  constructor(readonly failure: WatchFailure) {
    super(failure.message);
    this.name = 'WatchStartError';
  }
}

/** The failure behind anything `watch()` threw. */
export function failureOfStart(err: unknown): WatchFailure {
  return err instanceof WatchStartError ? err.failure : watchFailureFrom(err, '');
}
