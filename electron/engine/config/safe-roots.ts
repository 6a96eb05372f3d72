/**
 * DESIGN.md invariant 3: roots that must never be managed, refused by identity, not spelling. A root is
 * compared by its real path with the refused places (refused-places.ts), then by the device and inode of
 * itself and of each of its ancestors (root-identity.ts), so a symlink or a bind mount of `/etc`, of a home
 * folder or of Headroom's data folder is refused like the folder itself.
 */
import path from 'node:path';
import type { AccountSource } from './account-homes.js';
import { isInside, NATIVE_PATH_RULES, samePath, type PathRules } from './path-rules.js';
import { realPathOf } from './real-path.js';
import { refusedPlaces, type ProtectedPlaces } from './refused-places.js';
import type { FolderKind } from '../../../shared/types.js';
import { storeLayoutOf, wrongKindMessage } from './store-layout.js';
import { reasonByPath, refusalContext, whyRefused, type RootCheckPlaces } from './root-refusal.js';

export { isInside, NATIVE_PATH_RULES, samePath, type PathRules } from './path-rules.js';
export { realPathOf } from './real-path.js';
export type { ProtectedPlaces } from './refused-places.js';
export type { RootCheckPlaces } from './root-refusal.js';

/**
 * Why `root` must never be managed, compared by path, as the end of a sentence ("… because it is your home
 * folder"), or null when it may be.
 */
export function dangerousRootReason(
  root: string,
  places: ProtectedPlaces,
  rules: PathRules = NATIVE_PATH_RULES,
): string | null {
  return reasonByPath(root, refusedPlaces(places, rules.api), rules);
}

export interface RootToCheck {
  name: string;
  path: string;
  enabled: boolean;
  /** A `files` folder (the default) with a model cache's layout is refused with the kind to use. */
  kind?: FolderKind;
}

/** A refused root: the index of its folder and a sentence for people. */
export interface RootProblem {
  index: number;
  message: string;
}

/** Overlapping enabled roots, reported on the later folder ("outputs contains temp: …"). */
export function overlapProblems(
  roots: readonly { name: string; realPath: string; enabled: boolean }[],
  rules: PathRules = NATIVE_PATH_RULES,
): RootProblem[] {
  const problems: RootProblem[] = [];
  roots.forEach((later, j) => {
    for (const earlier of roots.slice(0, j)) {
      if (!later.enabled || !earlier.enabled) continue;
      const twice = 'a file would be managed twice';
      let message: string | null = null;
      if (samePath(later.realPath, earlier.realPath, rules)) {
        message = `${earlier.name} and ${later.name} are the same folder: ${twice}`;
      } else if (isInside(later.realPath, earlier.realPath, rules)) {
        message = `${earlier.name} contains ${later.name}: ${twice}`;
      } else if (isInside(earlier.realPath, later.realPath, rules)) {
        message = `${later.name} contains ${earlier.name}: ${twice}`;
      }
      if (message) problems.push({ index: j, message });
    }
  });
  return problems;
}

/**
 * Every refused or overlapping root among `roots` (absolute paths). `accounts`: where other accounts' home
 * folders come from (a port; the machine's own by default).
 */
export async function checkRoots(
  roots: readonly RootToCheck[],
  places: RootCheckPlaces,
  accounts?: AccountSource,
): Promise<RootProblem[]> {
  // The roots' real paths and layouts need no refused place: they are read while the places are examined.
  const resolving = Promise.all(
    roots.map(async (root) => ({ ...root, realPath: await realPathOf(root.path) })),
  );
  const layouts = resolving.then((resolved) =>
    Promise.all(
      resolved.map((root) => ((root.kind ?? 'files') === 'files' ? storeLayoutOf(root.realPath) : null)),
    ),
  );
  layouts.catch(() => undefined); // awaited below, after the refused places; a failure surfaces there
  const [ctx, resolved] = await Promise.all([refusalContext(places, accounts), resolving]);
  const reasons = await Promise.all(resolved.map((root) => whyRefused(root.realPath, ctx)));
  const layoutOf = await layouts;
  const problems: RootProblem[] = [];
  resolved.forEach((root, index) => {
    const layout = layoutOf[index];
    if (layout) problems.push({ index, message: wrongKindMessage(root.name, layout) });
    const reason = reasons[index];
    if (!reason) return;
    const via = samePath(root.realPath, path.resolve(root.path)) ? '' : ` (it leads to ${root.realPath})`;
    problems.push({ index, message: `${root.name} cannot be managed because ${reason}${via}` });
  });
  return [...problems, ...overlapProblems(resolved)];
}
