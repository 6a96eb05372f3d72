/**
 * DESIGN.md invariant 3: roots that must never be managed. A root is compared by its real path, so a
 * symlink to `/etc` or to Headroom's own data folder is refused just like the folder itself.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';

/** The places a root is compared with (all real, absolute paths). */
export interface ProtectedPlaces {
  home: string;
  dataDir: string;
  /** The folder holding the config file. */
  configDir: string;
}

/** How paths compare on the platform being checked; tests pass `path.win32` to check Windows rules. */
export interface PathRules {
  api: path.PlatformPath;
  caseInsensitive: boolean;
}

export const NATIVE_PATH_RULES: PathRules = {
  api: path,
  caseInsensitive: process.platform === 'win32' || process.platform === 'darwin',
};

/** Folders that are system folders themselves (their contents may be a user's, e.g. `/var/tmp/x`). */
const POSIX_SYSTEM = [
  '/bin',
  '/boot',
  '/dev',
  '/etc',
  '/lib',
  '/lib32',
  '/lib64',
  '/opt',
  '/proc',
  '/root',
  '/run',
  '/sbin',
  '/srv',
  '/sys',
  '/usr',
  '/var',
  '/home',
  '/Users',
  '/System',
  '/Library',
  '/Applications',
  '/private',
];
/** Folders whose whole subtree belongs to the system. */
const POSIX_SYSTEM_TREES = /^\/(proc|sys|dev|boot|etc|usr|bin|sbin|lib[^/]*|System|Library)(\/|$)/i;
const WINDOWS_SYSTEM_TREES = /^[a-z]:\\(windows|program files|program files \(x86\))(\\|$)/i;

/** True when `child` is strictly inside `parent`. */
export function isInside(child: string, parent: string, rules: PathRules = NATIVE_PATH_RULES): boolean {
  const fold = (p: string): string => (rules.caseInsensitive ? p.toLowerCase() : p);
  const rel = rules.api.relative(fold(parent), fold(child));
  return rel !== '' && !rel.startsWith('..') && !rules.api.isAbsolute(rel);
}

/** True when both name the same folder. */
export function samePath(a: string, b: string, rules: PathRules = NATIVE_PATH_RULES): boolean {
  const fold = (p: string): string => (rules.caseInsensitive ? p.toLowerCase() : p);
  return rules.api.relative(fold(a), fold(b)) === '';
}

/** Why a system path must not be a root, or null. macOS's `/private/etc` is checked as `/etc`. */
function systemReason(root: string, rules: PathRules): string | null {
  const { api } = rules;
  if (api.parse(root).root === root) return 'it is the root of a file system';
  if (api === path.win32) {
    return WINDOWS_SYSTEM_TREES.test(root) ? 'it is a Windows system folder' : null;
  }
  const unprivate = root.replace(/^\/private(?=\/(etc|var|tmp)(\/|$))/, '');
  for (const candidate of new Set([root, unprivate])) {
    if (POSIX_SYSTEM.some((dir) => samePath(candidate, dir, rules))) return 'it is a system folder';
    if (POSIX_SYSTEM_TREES.test(candidate)) return 'it is inside a system folder';
  }
  return null;
}

/**
 * Why `root` (a real path) must never be managed, as the end of a sentence ("… because it is your home
 * folder"), or null when it may be.
 */
export function dangerousRootReason(
  root: string,
  places: ProtectedPlaces,
  rules: PathRules = NATIVE_PATH_RULES,
): string | null {
  const system = systemReason(root, rules);
  if (system) return system;
  const same = (p: string): boolean => samePath(root, p, rules);
  const contains = (p: string): boolean => isInside(p, root, rules);
  if (same(places.home)) return 'it is your home folder';
  if (contains(places.home)) return 'it contains your home folder';
  const samples = rules.api.join(places.dataDir, 'folders');
  if (same(places.dataDir)) return "it is Headroom's data folder, where its config and history live";
  if (contains(places.dataDir))
    return "it contains Headroom's data folder, where its config and history live";
  if (isInside(root, places.dataDir, rules) && !same(samples) && !isInside(root, samples, rules)) {
    return `it is inside Headroom's data folder; only ${samples} may hold managed folders`;
  }
  if (same(places.configDir)) return 'it is the folder of the config file itself';
  if (contains(places.configDir)) return 'it contains the config file';
  return null;
}

/**
 * The real path of `p`: symlinks resolved as far as the path exists, the missing rest appended, so a
 * folder that does not exist yet is still compared where it would be created.
 */
export async function realPathOf(p: string): Promise<string> {
  const absolute = path.resolve(p);
  try {
    return await fs.realpath(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const parent = path.dirname(absolute);
    if ((code !== 'ENOENT' && code !== 'ENOTDIR') || parent === absolute) return absolute;
    return path.join(await realPathOf(parent), path.basename(absolute));
  }
}

export interface RootToCheck {
  name: string;
  path: string;
  enabled: boolean;
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

/** Every refused or overlapping root among `roots` (absolute paths), compared by real path. */
export async function checkRoots(
  roots: readonly RootToCheck[],
  places: ProtectedPlaces,
): Promise<RootProblem[]> {
  const [home, dataDir, configDir] = await Promise.all(
    [places.home, places.dataDir, places.configDir].map(realPathOf),
  );
  const real = { home: home!, dataDir: dataDir!, configDir: configDir! };
  const resolved = await Promise.all(
    roots.map(async (root) => ({ ...root, realPath: await realPathOf(root.path) })),
  );
  const problems: RootProblem[] = [];
  resolved.forEach((root, index) => {
    const reason = dangerousRootReason(root.realPath, real);
    if (!reason) return;
    const via = samePath(root.realPath, path.resolve(root.path)) ? '' : ` (it leads to ${root.realPath})`;
    problems.push({ index, message: `${root.name} cannot be managed because ${reason}${via}` });
  });
  return [...problems, ...overlapProblems(resolved)];
}
