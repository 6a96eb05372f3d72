/**
 * The data folder holds the history (the names of deleted files) and often the configuration: only its
 * user may enter it. A new one is created 0700 (its parents keep the usual mode). An existing one that this
 * user owns and that already holds Headroom's state files was made by Headroom (earlier versions left it
 * 0755), so it loses its group and other bits; any other existing folder is the user's own choice and keeps
 * its mode, while the files Headroom writes in it are 0600 whatever the folder.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';

/** Mode of the data folder. */
export const PRIVATE_DIR_MODE = 0o700;

/** Makes sure `dataDir` exists and, when Headroom created it, that no one else can enter it. */
export async function ensurePrivateDataDir(dataDir: string, stateFiles: readonly string[]): Promise<void> {
  await fs.mkdir(path.dirname(dataDir), { recursive: true });
  try {
    await fs.mkdir(dataDir, { mode: PRIVATE_DIR_MODE });
    return;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  if (process.platform === 'win32') return;
  const info = await fs.stat(dataDir);
  if (!info.isDirectory() || (info.mode & 0o077) === 0 || info.uid !== process.getuid?.()) return;
  if (!(await holdsAny(dataDir, stateFiles))) return;
  await fs.chmod(dataDir, info.mode & PRIVATE_DIR_MODE);
}

async function holdsAny(dir: string, names: readonly string[]): Promise<boolean> {
  const present = await Promise.all(
    names.map((name) =>
      fs.lstat(path.join(dir, name)).then(
        (info) => info.isFile(),
        () => false,
      ),
    ),
  );
  return present.includes(true);
}
