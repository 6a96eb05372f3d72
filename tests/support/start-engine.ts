/**
 * An engine over a temp folder, as the engine's integration tests start it: `config.yaml` written in `dir`,
 * the data folder `dir/data`, live unless `options.live` says otherwise, diagnostics dropped.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createEngine } from '../../electron/engine/runtime/create-engine.js';
import type { Engine, EngineOptions } from '../../electron/engine/runtime/engine-types.js';

export type TestEngineOptions = Omit<EngineOptions, 'dataDir' | 'configFile'>;

/** Writes `configYaml` to `dir/config.yaml` and starts an engine on it; the caller disposes the engine. */
export async function startEngine(
  dir: string,
  configYaml: string,
  options: TestEngineOptions = {},
): Promise<{ engine: Engine; configFile: string }> {
  const configFile = join(dir, 'config.yaml');
  await writeFile(configFile, configYaml);
  const engine = await createEngine({
    dataDir: join(dir, 'data'),
    configFile,
    live: true,
    log: () => {},
    ...options,
  });
  return { engine, configFile };
}
