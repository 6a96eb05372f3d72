/** Turns the folder names of a request into rules, refusing names the configuration does not have. */
import { BridgeError } from '../../../shared/bridge.js';
import type { AppConfig, FolderRules } from '../../../shared/types.js';

/** All folders when `names` is empty or absent; otherwise exactly the named ones, in config order. */
export function selectFolders(config: AppConfig, names: readonly string[] | undefined): FolderRules[] {
  if (!names || names.length === 0) return config.folders;
  const known = new Map(config.folders.map((f) => [f.name.toLowerCase(), f]));
  const unknown = names.filter((n) => !known.has(n.toLowerCase()));
  if (unknown.length > 0) {
    const list = config.folders.map((f) => f.name).join(', ') || 'none';
    throw new BridgeError('unknown-folder', `no folder named "${unknown[0]}" (configured folders: ${list})`);
  }
  const wanted = new Set(names.map((n) => n.toLowerCase()));
  return config.folders.filter((f) => wanted.has(f.name.toLowerCase()));
}
