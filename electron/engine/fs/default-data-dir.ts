/**
 * Where Headroom keeps config.yaml, history and schedule state when no `--data-dir` is given. It is the
 * same folder Electron's `app.getPath('userData')` returns for productName "Headroom", so the tray app and
 * the CLI share one configuration.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_FOLDER_NAME = 'Headroom';

export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (env.HEADROOM_DATA_DIR) return env.HEADROOM_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_FOLDER_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_FOLDER_NAME);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), APP_FOLDER_NAME);
}
