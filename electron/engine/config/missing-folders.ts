/**
 * Configured folders whose path does not exist yet: a typo in a path, or a tool that has not run. The
 * settings offer to create them; the engine does, at the path config.yaml gives the folder, never at one a
 * client sends.
 */
import { lstat, mkdir } from 'node:fs/promises';
import { BridgeError } from '../../../shared/bridge.js';
import type { AppConfig } from '../../../shared/types.js';

/** Names of the folders of `config` whose path is absent (ENOENT), in config order. */
export async function missingFolders(config: AppConfig | null): Promise<string[]> {
  if (!config) return [];
  const absent = await Promise.all(
    config.folders.map((f) =>
      lstat(f.path).then(
        () => false,
        (error: NodeJS.ErrnoException) => error.code === 'ENOENT' || error.code === 'ENOTDIR',
      ),
    ),
  );
  return config.folders.filter((_, i) => absent[i]).map((f) => f.name);
}

/**
 * Creates the configured folder `name` (and any folders above it that are missing). Throws
 * `BridgeError('unknown-folder')` for a name config.yaml does not hold.
 */
export async function createConfiguredFolder(config: AppConfig, name: string): Promise<void> {
  const folder = config.folders.find((f) => f.name === name);
  if (!folder) throw new BridgeError('unknown-folder', `no folder named "${name}" in the configuration`);
  try {
    await mkdir(folder.path, { recursive: true });
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new BridgeError('internal', `could not create ${folder.path} for ${name} (${why})`);
  }
}
