/** How folder paths compare on a platform: containment and sameness, with or without case. */
import path from 'node:path';

/** How paths compare on the platform being checked; tests pass `path.win32` to check Windows rules. */
export interface PathRules {
  api: path.PlatformPath;
  caseInsensitive: boolean;
}

export const NATIVE_PATH_RULES: PathRules = {
  api: path,
  caseInsensitive: process.platform === 'win32' || process.platform === 'darwin',
};

/** True when `child` is strictly inside `parent`. */
export function isInside(child: string, parent: string, rules: PathRules = NATIVE_PATH_RULES): boolean {
  const fold = (p: string): string => (rules.caseInsensitive ? p.toLowerCase() : p);
  const rel = rules.api.relative(fold(parent), fold(child));
  const up = rel === '..' || rel.startsWith(`..${rules.api.sep}`);
  return rel !== '' && !up && !rules.api.isAbsolute(rel);
}

/** True when both name the same folder. */
export function samePath(a: string, b: string, rules: PathRules = NATIVE_PATH_RULES): boolean {
  const fold = (p: string): string => (rules.caseInsensitive ? p.toLowerCase() : p);
  return rules.api.relative(fold(a), fold(b)) === '';
}

/**
 * A key two paths share exactly when samePath says they name the same folder (both resolve to one path,
 * case folded where the platform ignores case): lists of paths are deduplicated through a Set of these
 * instead of comparing each with every other.
 */
export function pathKey(p: string, rules: PathRules = NATIVE_PATH_RULES): string {
  return rules.api.resolve(rules.caseInsensitive ? p.toLowerCase() : p);
}

/** True when `child` is `parent` or inside it. */
export function atOrInside(child: string, parent: string, rules: PathRules = NATIVE_PATH_RULES): boolean {
  return samePath(child, parent, rules) || isInside(child, parent, rules);
}
