/** A folder a finder saw, before it is vetted (exists, not refused, not configured yet). */
import type { FolderConfig } from '../../../shared/config-schema.js';
import type { FolderKind } from '../../../shared/types.js';
import type { FoundTool } from '../../../shared/found-folders.js';

export interface Candidate {
  tool: FoundTool;
  kind: FolderKind;
  /** Absolute, as found (links not resolved: the config names the folder the way the tool does). */
  path: string;
  /** The name it would get in config.yaml, before clashes are resolved. */
  name: string;
  /** Limits and other keys besides name, path and kind. */
  limits: Omit<FolderConfig, 'name' | 'path' | 'kind'>;
  foundBy: string;
}

/** `~/x` for a path in `home`, so what was found reads as people know it. */
export function shownPath(p: string, home: string): string {
  const h = home.endsWith('/') ? home.slice(0, -1) : home;
  return p === h ? '~' : p.startsWith(h + '/') ? `~${p.slice(h.length)}` : p;
}
