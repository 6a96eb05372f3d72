/**
 * The places a root must not be, be inside or contain (DESIGN.md invariant 3), and the sentence that says
 * why. Matched by path here and by device and inode in root-identity.ts.
 */
import path from 'node:path';
import type { AccountHome } from './account-homes.js';
import { atOrInside, isInside, samePath, type PathRules } from './path-rules.js';
import { POSIX_SYSTEM_FOLDERS } from './system-folders.js';

/** The places a root is compared with (absolute paths). */
export interface ProtectedPlaces {
  home: string;
  dataDir: string;
  /** The folder holding the config file, as it was named. */
  configDir: string;
  /** The config file's real path, when it is reached through a link. */
  configRealFile?: string;
  /** Other accounts' home folders. */
  otherHomes?: readonly AccountHome[];
}

export interface RefusedPlace {
  kind: 'root' | 'system' | 'home' | 'other-home' | 'data' | 'config' | 'config-real';
  path: string;
  /** `self`: the folder and whatever contains it are refused; `tree`: what is inside it too. */
  scope: 'self' | 'tree';
  /** Inside a tree, the one subfolder that may hold roots: Headroom's sample folders. */
  allowedInside?: string;
  /** The account of an `other-home`, the real config file of a `config-real`. */
  detail?: string;
}

/** How a root relates to a place: it is the place, is inside it, or contains it. */
export type Relation = 'is' | 'inside' | 'contains';

/**
 * Every refused place, most telling first: of the places a root matches in the same way, the first gives
 * the message. With POSIX paths the list starts with `/` and the system folders of Linux and macOS
 * (Windows system folders are matched by name in root-refusal.ts).
 */
export function refusedPlaces(places: ProtectedPlaces, api: path.PlatformPath): RefusedPlace[] {
  const list: RefusedPlace[] = [];
  if (api !== path.win32) {
    list.push({ kind: 'root', path: '/', scope: 'self' });
    for (const folder of POSIX_SYSTEM_FOLDERS) list.push({ kind: 'system', ...folder });
  }
  list.push({ kind: 'home', path: places.home, scope: 'self' });
  for (const { user, home } of places.otherHomes ?? []) {
    list.push({ kind: 'other-home', path: home, scope: 'self', detail: user });
  }
  const samples = api.join(places.dataDir, 'folders');
  list.push({ kind: 'data', path: places.dataDir, scope: 'tree', allowedInside: samples });
  list.push({ kind: 'config', path: places.configDir, scope: 'self' });
  if (places.configRealFile !== undefined) {
    const realDir = api.dirname(places.configRealFile);
    list.push({ kind: 'config-real', path: realDir, scope: 'self', detail: places.configRealFile });
  }
  return list;
}

const RELATIONS: readonly Relation[] = ['is', 'inside', 'contains'];

/** Whether `root` relates to `place` as `relation`, by path. */
function relatesByPath(root: string, place: RefusedPlace, relation: Relation, rules: PathRules): boolean {
  switch (relation) {
    case 'is':
      return samePath(root, place.path, rules);
    case 'inside': {
      if (place.scope !== 'tree' || !isInside(root, place.path, rules)) return false;
      return place.allowedInside === undefined || !atOrInside(root, place.allowedInside, rules);
    }
    case 'contains':
      return isInside(place.path, root, rules);
  }
}

/**
 * The first place `root` (under any of its spellings) is, is inside or contains, trying every place for
 * `is` before any for `inside`, then `contains`: `/var` is a system folder before it contains `/var/lib`.
 */
export function matchByPath(
  spellings: readonly string[],
  places: readonly RefusedPlace[],
  rules: PathRules,
): { place: RefusedPlace; relation: Relation } | null {
  for (const relation of RELATIONS) {
    for (const place of places) {
      if (spellings.some((root) => relatesByPath(root, place, relation, rules))) return { place, relation };
    }
  }
  return null;
}

/**
 * Why a root that matches `place` is refused, as the end of "… cannot be managed because". `byIdentity`:
 * the match was found by device and inode under another path, so the sentence names the place.
 */
export function refusalReason(place: RefusedPlace, relation: Relation, byIdentity: boolean): string {
  if (byIdentity) {
    const verb = { is: 'is the same folder as', inside: 'is inside', contains: 'contains' }[relation];
    const rest = place.kind === 'data' && relation === 'inside' ? samplesOnly(place) : '';
    return `it ${verb} ${namedPlace(place)}, reached through a bind mount or link${rest}`;
  }
  switch (place.kind) {
    case 'root':
      return 'it is the root of a file system';
    case 'system':
      if (relation === 'contains') return `it contains the system folder ${place.path}`;
      return relation === 'is' ? 'it is a system folder' : 'it is inside a system folder';
    case 'home':
      return relation === 'is' ? 'it is your home folder' : 'it contains your home folder';
    case 'other-home':
      if (relation === 'is') return `it is the home folder of user ${place.detail}`;
      return `it contains the home folder ${place.path} of user ${place.detail}`;
    case 'data': {
      const what = "Headroom's data folder, where its config and history live";
      if (relation === 'inside') return `it is inside Headroom's data folder${samplesOnly(place)}`;
      return relation === 'is' ? `it is ${what}` : `it contains ${what}`;
    }
    case 'config':
      return relation === 'is' ? 'it is the folder of the config file itself' : 'it contains the config file';
    case 'config-real': {
      const link = `(the config file is a link to ${place.detail})`;
      return relation === 'is' ? `it holds the config file ${link}` : `it contains the config file ${link}`;
    }
  }
}

function samplesOnly(place: RefusedPlace): string {
  return `; only ${place.allowedInside} may hold managed folders`;
}

/** The place with its path, for a sentence about a match the path alone does not show. */
function namedPlace(place: RefusedPlace): string {
  switch (place.kind) {
    case 'root':
      return 'the root of the file system';
    case 'system':
      return `the system folder ${place.path}`;
    case 'home':
      return `your home folder ${place.path}`;
    case 'other-home':
      return `the home folder ${place.path} of user ${place.detail}`;
    case 'data':
      return `Headroom's data folder ${place.path}`;
    case 'config':
      return `the config file's folder ${place.path}`;
    case 'config-real':
      return `the folder ${place.path} that holds the config file`;
  }
}
