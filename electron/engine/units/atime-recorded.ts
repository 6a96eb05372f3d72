/**
 * Whether the mount holding a folder records access times. A model's last use is the newest access time
 * of its blobs (as Hugging Face's own scanner reads it); on a `noatime` mount those never move, and the
 * modification time is the best there is.
 */
import { promises as fs } from 'node:fs';

/** False when the folder's mount has `noatime` (Linux mountinfo); true elsewhere and when unknown. */
export async function atimeRecorded(realRoot: string): Promise<boolean> {
  if (process.platform !== 'linux') return true;
  const text = await fs.readFile('/proc/self/mountinfo', 'utf8').catch(() => '');
  let best: { mountPoint: string; options: string[] } | null = null;
  for (const line of text.split('\n')) {
    const fields = line.split(' ');
    const mountPoint = fields[4]?.replace(/\\([0-7]{3})/g, (_, o: string) =>
      String.fromCharCode(parseInt(o, 8)),
    );
    if (!mountPoint || !isAtOrInside(realRoot, mountPoint)) continue;
    if (best === null || mountPoint.length >= best.mountPoint.length) {
      best = { mountPoint, options: (fields[5] ?? '').split(',') };
    }
  }
  return !(best?.options.includes('noatime') ?? false);
}

function isAtOrInside(p: string, dir: string): boolean {
  return dir === '/' || p === dir || p.startsWith(`${dir}/`);
}
