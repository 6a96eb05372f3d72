/**
 * Reloads the configuration when the file changes on disk (an editor, a script, the CLI). Watches the
 * folder, not the file: editors and atomic writes replace the file, which ends a watch on the file itself.
 */
import { watch } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { Clock, Disposer } from '../ports.js';

/** Quiet time after the last change before reloading, so a save in several writes reloads once. */
export const CONFIG_RELOAD_DELAY_MS = 300;

export function watchConfigFile(
  file: string,
  clock: Clock,
  onChange: () => void,
  onError: (error: Error) => void,
): Disposer {
  const name = basename(file);
  let pending: Disposer | null = null;
  try {
    const watcher = watch(dirname(file), { persistent: false }, (_event, changed) => {
      if (changed !== null && changed.toString() !== name) return;
      pending?.();
      pending = clock.setTimeout(() => {
        pending = null;
        onChange();
      }, CONFIG_RELOAD_DELAY_MS);
    });
    watcher.on('error', onError);
    return () => {
      pending?.();
      watcher.close();
    };
  } catch (error) {
    onError(error as Error);
    return () => {};
  }
}
