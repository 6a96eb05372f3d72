/**
 * Refused places compared by identity (device and inode), so that a bind mount of one (`mount --bind
 * /home/me /srv/x`) is refused like the folder itself: a path comparison cannot see it, since no symlink is
 * involved. DESIGN.md invariant 3.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { atOrInside } from './path-rules.js';
import type { RefusedPlace, Relation } from './refused-places.js';

/** A folder's device and inode as one key; null where the folder cannot be examined (missing, denied). */
type Identity = string | null;

/** A refused place with the identities of itself, its ancestors and its allowed subfolder. */
export interface PlaceIdentity {
  place: RefusedPlace;
  self: Identity;
  ancestors: ReadonlySet<string>;
  allowedInside: Identity;
}

export interface IdentityMatch {
  place: RefusedPlace;
  relation: Relation;
}

const SETTLE_TIMEOUT_MS = 2_000;

/** Examines folders, each path at most once. */
export class IdentityCache {
  private readonly known = new Map<string, Promise<Identity>>();

  of(p: string): Promise<Identity> {
    let found = this.known.get(p);
    if (!found) {
      const examined = fs.stat(p, { bigint: true });
      found = settleWithin(
        examined.then((st) => (st.isDirectory() ? `${st.dev}:${st.ino}` : null)),
        null,
      );
      this.known.set(p, found);
    }
    return found;
  }

  /** Records that `p` does not exist (following it failed with ENOENT or ENOTDIR): its identity is null. */
  knownMissing(p: string): void {
    if (!this.known.has(p)) this.known.set(p, Promise.resolve(null));
  }

  /** The identities of a real path and each of its ancestors, the path first. */
  chain(realPath: string): Promise<Identity[]> {
    return Promise.all(ancestorsAndSelf(realPath).map((p) => this.of(p)));
  }

  async place(place: RefusedPlace): Promise<PlaceIdentity> {
    const [chain, allowedInside] = await Promise.all([
      this.chain(place.path),
      place.allowedInside === undefined ? null : this.of(place.allowedInside),
    ]);
    const ancestors = new Set(chain.slice(1).filter((id): id is string => id !== null));
    return { place, self: chain[0] ?? null, ancestors, allowedInside };
  }
}

/**
 * The first refused place a root is, is inside or contains, trying every place for `is` before any for
 * `inside`, then `contains`. `chain`: the identities of the root's real path and of each of its ancestors.
 */
export function matchByIdentity(
  realRoot: string,
  chain: readonly Identity[],
  places: readonly PlaceIdentity[],
): IdentityMatch | null {
  const [self, ...above] = chain;
  const has = (list: readonly Identity[], id: Identity) => id !== null && list.includes(id);
  const allowed = ({ place, allowedInside }: PlaceIdentity) =>
    place.allowedInside !== undefined &&
    (has(chain, allowedInside) || atOrInside(realRoot, place.allowedInside));
  for (const p of places) if (self && p.self === self) return { place: p.place, relation: 'is' };
  for (const p of places) {
    if (p.place.scope !== 'tree' || !has(above, p.self) || allowed(p)) continue;
    return { place: p.place, relation: 'inside' };
  }
  for (const p of places) if (self && p.ancestors.has(self)) return { place: p.place, relation: 'contains' };
  return null;
}

function ancestorsAndSelf(p: string): string[] {
  const out = [p];
  for (let up = path.dirname(p); up !== out[out.length - 1]; up = path.dirname(up)) out.push(up);
  return out;
}

/**
 * `promise`'s value, or `fallback` when it takes longer than a folder on a live disk can (an automounted
 * home on a dead network server hangs): such a place is then compared by path only, and the config loads.
 */
export function settleWithin<T>(promise: Promise<T>, fallback: T, timeoutMs = SETTLE_TIMEOUT_MS): Promise<T> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(fallback), timeoutMs);
    timer.unref();
    void promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      () => {
        clearTimeout(timer);
        resolve(fallback);
      },
    );
  });
}
