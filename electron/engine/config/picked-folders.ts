/**
 * Folders a person picked in the desktop app's native dialog, each behind a one-time handle. The renderer
 * gets the handle and the path to show; a save passes the handle back and the path comes from here, so a
 * renderer can never claim a path was picked that the dialog did not return.
 */
import { BridgeError, type ConfigPatch } from '../../../shared/bridge.js';
import { crypto } from '../fs/lazy-crypto.js';
import type { Clock } from '../ports.js';

/** Long enough to fill in a folder's limits, short enough that a stale handle does not linger. */
export const PICKED_FOLDER_TTL_MS = 5 * 60_000;

export class PickedFolders {
  private readonly picked = new Map<string, { path: string; expiresAtMs: number }>();

  constructor(private readonly clock: Clock) {}

  /** Keeps a path the dialog returned; the handle is good for one save within PICKED_FOLDER_TTL_MS. */
  issue(path: string): string {
    const handle = crypto().randomUUID();
    this.picked.set(handle, { path, expiresAtMs: this.clock.now() + PICKED_FOLDER_TTL_MS });
    return handle;
  }

  /**
   * The patch with each picked folder's path put in from its handle, and `pickedPaths` dropped. The
   * handles stay good: a save spends them once written (`spend`), so a refused or re-confirmed save can
   * be sent again without picking again.
   */
  apply(patch: ConfigPatch): Omit<ConfigPatch, 'pickedPaths'> {
    const { pickedPaths = [], ...rest } = patch;
    if (pickedPaths.length === 0) return rest;
    const folders = rest.folders ?? [];
    if (pickedPaths.some(({ index }) => folders[index] === undefined)) {
      throw new BridgeError('invalid-request', 'A picked folder must be one of the folders being saved.');
    }
    const now = this.clock.now();
    const paths = pickedPaths.map(({ handle }) => {
      const entry = this.picked.get(handle);
      if (!entry || entry.expiresAtMs <= now) {
        this.picked.delete(handle);
        throw new BridgeError(
          'invalid-request',
          'That picked folder is no longer valid (it was already saved, or picked more than 5 minutes ago): choose it again with Browse….',
        );
      }
      return entry.path;
    });
    return {
      ...rest,
      folders: folders.map((folder, i) => {
        const at = pickedPaths.findIndex(({ index }) => index === i);
        return at === -1 ? folder : { ...folder, path: paths[at]! };
      }),
    };
  }

  /** Spends the handles of a patch that was written. */
  spend(pickedPaths: ConfigPatch['pickedPaths']): void {
    for (const { handle } of pickedPaths ?? []) this.picked.delete(handle);
  }
}
