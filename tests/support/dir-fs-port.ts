/**
 * The removal core's real `DirFs` (the addon where it is built), with calls a test replaces to produce a
 * failure the kernel will not produce on demand (EBUSY) or to fire a change at an exact call. A test that
 * uses it says "fs port" in its name.
 */
import type { DirFs } from '../../electron/engine/removal/dir-fs.js';
import { dirFsFor } from '../../electron/engine/removal/run-removal-job.js';

export function realDirFs(): DirFs {
  return dirFsFor({ forcePathFallback: false });
}

/** `realDirFs()` with some calls replaced; each replacement gets the real call as its last argument. */
export function dirFsWith(overrides: {
  [K in keyof DirFs]?: DirFs[K] extends (...args: infer A) => infer R
    ? (real: DirFs, ...args: A) => R
    : never;
}): DirFs {
  const real = realDirFs();
  const wrapped: Record<string, unknown> = { raceFree: real.raceFree };
  for (const key of Object.keys(real) as (keyof DirFs)[]) {
    if (key === 'raceFree') continue;
    const override = overrides[key] as ((real: DirFs, ...args: unknown[]) => unknown) | undefined;
    const original = (real[key] as (...args: unknown[]) => unknown).bind(real);
    wrapped[key] = override ? (...args: unknown[]) => override(real, ...args) : original;
  }
  return wrapped as unknown as DirFs;
}

/** An error as the addon throws it. */
export function errnoError(code: string, what: string): Error {
  return Object.assign(new Error(`${code}: fake failure, ${what}`), { code });
}
