/**
 * Replaces a file so that a crash at any moment leaves either the old or the new content, never a
 * truncated mix: write a temp file beside it, flush it to disk, then rename it over the original
 * (rename within one folder is atomic on POSIX and NTFS).
 */
import { promises as fs } from 'node:fs';
import { tempTag } from './temp-tag.js';
import path from 'node:path';
import { isProcessAlive } from './process-alive.js';
import { syncFolder } from './sync-folder.js';

/**
 * Mode of a newly created file and of every temp file while it is written: the files created here live in
 * the data folder (config, schedule state, history) and are private to their user.
 */
const PRIVATE_FILE_MODE = 0o600;

export interface AtomicWriteOptions {
  /**
   * Called once the new content is on disk, just before the rename: a throw abandons the write (the temp
   * file is removed, the old file stays). Lets a writer check that nobody changed the file since it read
   * it, as late as can be (the token file of a manifest folder belongs to another program).
   */
  beforeRename?: () => Promise<void>;
}

/**
 * Atomically replaces (or creates) `file` with `text` (UTF-8), keeping the old file's permission bits
 * (and, when running as root, its owner): a config file of the user's own (`--config`) keeps its mode. A
 * new file is 0600.
 * A symlink is followed, so the link stays a link and its target gets the new content.
 */
export async function writeFileAtomic(
  file: string,
  text: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const target = await resolveTarget(path.resolve(file));
  const dir = path.dirname(target);
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${tempTag()}.tmp`);
  await sweepAbandonedTemps(target);
  const old = await fs.stat(target).catch(() => null);
  const oldMode = old ? old.mode & 0o7777 : null;
  try {
    const handle = await fs.open(temp, 'wx', PRIVATE_FILE_MODE);
    try {
      await handle.writeFile(text);
      // Opened up (to the old file's bits) only once written; chmod also sets bits the umask filtered out.
      await handle.chmod(oldMode ?? PRIVATE_FILE_MODE);
      // Root editing a user's file must leave it theirs; anyone else cannot chown and keeps their own.
      if (old && process.getuid?.() === 0) await handle.chown(old.uid, old.gid);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await options.beforeRename?.();
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
  await syncFolder(dir);
}

/**
 * A write killed between creating its temp file and the rename leaves `.NAME.PID.HEX.tmp` beside the
 * file. Before writing, remove those of this file whose process is gone: only regular files, only this
 * exact name pattern, never one a live process may still be writing.
 */
async function sweepAbandonedTemps(target: string): Promise<void> {
  const dir = path.dirname(target);
  const prefix = `.${path.basename(target)}.`;
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const match = name.startsWith(prefix)
      ? /^(\d+)\.[0-9a-f]{12}\.tmp$/.exec(name.slice(prefix.length))
      : null;
    if (!match || isProcessAlive(Number(match[1]))) continue;
    const temp = path.join(dir, name);
    const stat = await fs.lstat(temp).catch(() => null);
    if (stat?.isFile()) await fs.rm(temp, { force: true });
  }
}

async function resolveTarget(file: string): Promise<string> {
  try {
    return await fs.realpath(file);
  } catch {
    return file;
  }
}
