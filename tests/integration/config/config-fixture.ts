/** A throwaway world for config tests: a home folder, a data folder and a project folder in a temp dir. */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface ConfigWorld {
  root: string;
  home: string;
  dataDir: string;
  /** Where test config files live (like a Chatterbox project folder). */
  project: string;
  /** `{ dataDir, home }`, as loadConfigFile and ConfigStore take it. */
  ctx: { dataDir: string; home: string };
  file(name?: string): string;
  write(text: string, name?: string): Promise<string>;
  cleanup(): Promise<void>;
}

export async function makeConfigWorld(): Promise<ConfigWorld> {
  const root = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'headroom-config-')));
  const home = path.join(root, 'home');
  const dataDir = path.join(home, '.config', 'headroom');
  const project = path.join(home, 'chatterbox');
  await Promise.all([dataDir, project].map((d) => fs.mkdir(d, { recursive: true })));
  const file = (name = 'config.yaml'): string => path.join(project, name);
  return {
    root,
    home,
    dataDir,
    project,
    ctx: { dataDir, home },
    file,
    async write(text, name) {
      await fs.writeFile(file(name), text);
      return file(name);
    },
    cleanup: () => fs.rm(root, { recursive: true, force: true }),
  };
}
