/**
 * Why one root is refused (DESIGN.md invariant 3), by every means there is: its real path against the
 * refused places, then the identity (device and inode) of itself and its ancestors, then the kernel's mount
 * table, which shows what a bind mount at or below the root really is.
 */
import path from 'node:path';
import { systemAccountHomes, type AccountHome, type AccountSource } from './account-homes.js';
import { boundSources, mountPointsInside, readMountTable, type Mount } from './mount-table.js';
import { NATIVE_PATH_RULES, pathKey, samePath, type PathRules } from './path-rules.js';
import { followPath } from './real-path.js';
import { matchByPath, refusalReason, refusedPlaces, type RefusedPlace } from './refused-places.js';
import { IdentityCache, matchByIdentity, settleWithin, type PlaceIdentity } from './root-identity.js';
import { WINDOWS_SYSTEM_TREES } from './system-folders.js';

/** The places roots are compared with, as configured (links and relative paths allowed). */
export interface RootCheckPlaces {
  home: string;
  dataDir: string;
  /** The config file as it was named; a link is followed to the real file, whose folder is refused too. */
  configFile: string;
}

/** The refused places, examined once for all the roots of one config. */
export interface RefusalContext {
  places: RefusedPlace[];
  identities: PlaceIdentity[];
  ids: IdentityCache;
  mounts: Mount[];
}

/** macOS's `/private/etc`, `/private/var` and `/private/tmp` are checked as `/etc`, `/var` and `/tmp`. */
const PRIVATE = /^\/private(?=\/(etc|var|tmp)(\/|$))/;

/** Why `root` is refused by path alone, as the end of "… cannot be managed because", or null. */
export function reasonByPath(root: string, places: readonly RefusedPlace[], rules: PathRules): string | null {
  const { api } = rules;
  if (api.parse(root).root === root) return 'it is the root of a file system';
  if (api === path.win32 && WINDOWS_SYSTEM_TREES.test(root)) return 'it is a Windows system folder';
  const spellings = api === path.win32 ? [root] : [...new Set([root, root.replace(PRIVATE, '')])];
  const match = matchByPath(spellings, places, rules);
  return match && refusalReason(match.place, match.relation, false);
}

/** Examines the refused places at their real paths, each path followed once. */
export async function refusalContext(
  given: RootCheckPlaces,
  accounts: AccountSource = systemAccountHomes,
): Promise<RefusalContext> {
  const ids = new IdentityCache();
  const seen = new Map<string, Promise<string>>();
  // Each path is followed once, a missing path's parent through the same map; a path found missing is
  // not examined again by a stat that would fail the same way (#17).
  const real = (p: string): Promise<string> => {
    const found =
      seen.get(p) ??
      settleWithin(
        followPath(p, real).then((followed) => {
          if (followed.missing) ids.knownMissing(followed.path);
          return followed.path;
        }),
        p,
      );
    seen.set(p, found);
    return found;
  };
  const configFile = path.resolve(given.configFile);
  // The system folders do not depend on the folders read below: following their links starts now, beside
  // those reads, instead of after them (#17: this is most of what a CLI call spends before it scans).
  for (const place of refusedPlaces({ ...given, configDir: path.dirname(configFile) }, path)) {
    void real(place.path);
  }
  const [home, dataDir, configDir, configReal, listed, mounts] = await Promise.all([
    real(given.home),
    real(given.dataDir),
    real(path.dirname(configFile)),
    real(configFile),
    accounts().catch((): AccountHome[] => []),
    readMountTable(),
  ]);
  const linked = !samePath(configReal, path.join(configDir, path.basename(configFile)));
  const homes = await Promise.all(listed.map(async (a) => ({ user: a.user, home: await real(a.home) })));
  // Each other home once, by key: comparing every home with every other was ~800 path.relative calls for
  // the 28 accounts of a plain Linux machine (#17), and a directory service may list thousands.
  const keys = new Set([pathKey(home)]);
  const otherHomes = homes.filter((a) => {
    const key = pathKey(a.home);
    return !keys.has(key) && Boolean(keys.add(key));
  });
  const configRealFile = linked ? configReal : undefined;
  const listedPlaces = refusedPlaces({ home, dataDir, configDir, configRealFile, otherHomes }, path);
  // Each place is examined as soon as its real path is known, not once every path is.
  const examined = await Promise.all(
    listedPlaces.map(async (listedPlace) => {
      const place = {
        ...listedPlace,
        path: await real(listedPlace.path),
        allowedInside:
          listedPlace.allowedInside === undefined ? undefined : await real(listedPlace.allowedInside),
      };
      return { place, identity: await ids.place(place) };
    }),
  );
  const places = examined.map((e) => e.place);
  const identities = examined.map((e) => e.identity);
  return { places, identities, ids, mounts };
}

/** Why the root at `realPath` is refused, as the end of "… cannot be managed because", or null. */
export async function whyRefused(realPath: string, ctx: RefusalContext): Promise<string | null> {
  const byPath = reasonByPath(realPath, ctx.places, NATIVE_PATH_RULES);
  if (byPath) return byPath;
  const byIdentity = matchByIdentity(realPath, await ctx.ids.chain(realPath), ctx.identities);
  if (byIdentity) return refusalReason(byIdentity.place, byIdentity.relation, true);
  const bound = boundReason(realPath, ctx);
  if (bound) return bound;
  for (const mountPoint of mountPointsInside(realPath, ctx.mounts)) {
    const shown = matchByIdentity(mountPoint, [await ctx.ids.of(mountPoint)], ctx.identities);
    const reason = shown ? refusalReason(shown.place, shown.relation, true) : boundReason(mountPoint, ctx);
    if (reason) return `it contains ${mountPoint}, which ${reason.replace(/^it /, '')}`;
  }
  return null;
}

/** Why `realPath` is refused as the folder a bind mount at or above it shows, or null. */
function boundReason(realPath: string, ctx: RefusalContext): string | null {
  for (const source of boundSources(realPath, ctx.mounts)) {
    const reason = reasonByPath(source, ctx.places, NATIVE_PATH_RULES);
    if (reason) return `${reason} (it is ${source}, shown here by a bind mount)`;
  }
  return null;
}
