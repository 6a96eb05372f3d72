/**
 * A machine in a temp folder for detection tests: a home folder, an environment and a system temp
 * folder (the detect port), Headroom's data folder and a config.yaml with a comment that must survive.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createEngine } from '../../../electron/engine/runtime/create-engine.js';
import type { Engine } from '../../../electron/engine/runtime/engine-types.js';
import { makeTempDir } from '../../support/make-tree.js';

export const CONFIG = `# my Headroom config: this comment must survive
warning_threshold_percent: 70 # warn early
folders:
  # scratch space of mine
  - name: scratch
    path: scratch
    max_files: 10
`;

export interface DetectWorld {
  root: string;
  home: string;
  tempDir: string;
  dataDir: string;
  project: string;
  configFile: string;
  env: Record<string, string>;
  engine(): Promise<Engine>;
  cleanup(): Promise<void>;
}

export async function makeDetectWorld(config = CONFIG): Promise<DetectWorld> {
  const { dir: root, cleanup } = await makeTempDir('headroom-detect-');
  const world = {
    root,
    home: join(root, 'home'),
    tempDir: join(root, 'systemp'),
    dataDir: join(root, 'data'),
    project: join(root, 'project'),
    configFile: join(root, 'project', 'config.yaml'),
    env: {} as Record<string, string>,
  };
  for (const dir of [world.home, world.tempDir, join(world.project, 'scratch')])
    await mkdir(dir, { recursive: true });
  await writeFile(world.configFile, config);
  const engines: Engine[] = [];
  return {
    ...world,
    async engine() {
      const engine = await createEngine({
        dataDir: world.dataDir,
        configFile: world.configFile,
        detectHost: { home: world.home, env: world.env, tempDir: world.tempDir },
        log: () => {},
      });
      engines.push(engine);
      return engine;
    },
    async cleanup() {
      for (const engine of engines) await engine.dispose();
      await cleanup();
    },
  };
}
