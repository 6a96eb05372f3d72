/**
 * Builds the probes as plain JavaScript, the way the app ships its engine: run from source, every scan's
 * worker thread would first load tsx (half a second or more here), which the built app never pays.
 * esbuild comes with tsx and vite; dependencies stay external and resolve from the project's node_modules.
 */
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
/**
 * Inside the checkout so that bare imports (yaml, zod, …) resolve from its node_modules as they do for the
 * app, and the addon found is this checkout's native/build. Not under node_modules: where that is a link
 * to another checkout's (a git worktree), Node runs the bundle from the link's target, whose addon is not
 * the one just built, and every checkout sharing it writes the same bundle.
 */
export const BUNDLE_DIR = `${projectRoot}out/bench`;

export const PROBES = ['scan-probe', 'memory-probe', 'cleanup-probe'] as const;

/**
 * Bundles every probe beside `scan-worker.mjs` and `delete-worker.mjs`, where the scanner and the executor
 * look for their workers when they run as JavaScript (fs/bundled-worker-url.ts). Returns the folder.
 */
export async function bundleProbes(): Promise<string> {
  const workers: Record<string, string> = {
    'scan-worker': `${projectRoot}electron/engine/scan/scan-worker.ts`,
    'delete-worker': `${projectRoot}electron/engine/executor/delete-worker.ts`,
  };
  const probes: Record<string, string> = {};
  for (const probe of PROBES) probes[probe] = `${projectRoot}bench/probes/${probe}.ts`;
  const options = {
    outdir: BUNDLE_DIR,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    logLevel: 'error',
  } as const;
  await build({ ...options, entryPoints: probes });
  await build({ ...options, entryPoints: workers, outExtension: { '.js': '.mjs' } });
  // Inside node_modules Node looks no further for a package.json: say here that these files are ESM.
  mkdirSync(BUNDLE_DIR, { recursive: true });
  writeFileSync(`${BUNDLE_DIR}/package.json`, '{ "type": "module" }\n');
  return BUNDLE_DIR;
}
