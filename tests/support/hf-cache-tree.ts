/**
 * Builds a real Hugging Face hub cache, as `huggingface_hub` lays it out: `blobs/<hash>` files,
 * `snapshots/<revision>/<file>` symlinks to `../../blobs/<hash>`, `refs/<name>` files holding a revision,
 * `.no_exist/<revision>/<file>` and `.locks/<repo>/<hash>.lock`. Every entry (links too, by lutimes) gets the
 * age asked for, so the grace period does not hold a fixture back.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';

export const DAY_MS = 86_400_000;

export class HfCache {
  constructor(
    readonly root: string,
    private readonly nowMs = Date.now(),
  ) {}

  private async age(p: string, ageMs: number, link = false): Promise<void> {
    const t = (this.nowMs - ageMs) / 1000;
    await (link ? fs.lutimes(p, t, t) : fs.utimes(p, t, t));
  }

  async blob(repo: string, hash: string, sizeBytes: number, ageMs: number, suffix = ''): Promise<string> {
    const file = path.join(this.root, repo, 'blobs', hash + suffix);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, Buffer.alloc(sizeBytes, 7));
    await this.age(file, ageMs);
    return file;
  }

  async link(repo: string, rev: string, name: string, hash: string, ageMs: number): Promise<void> {
    const file = path.join(this.root, repo, 'snapshots', rev, name);
    await fs.mkdir(path.dirname(file), { recursive: true });
    const depth = name.split('/').length + 1;
    await fs.symlink(`${'../'.repeat(depth)}blobs/${hash}`, file);
    await this.age(file, ageMs, true);
  }

  async file(rel: string, content: string, ageMs: number): Promise<void> {
    const file = path.join(this.root, rel);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, content);
    await this.age(file, ageMs);
  }

  ref(repo: string, name: string, rev: string, ageMs: number): Promise<void> {
    return this.file(`${repo}/refs/${name}`, rev, ageMs);
  }
}

/** A 40-hex revision made of one repeated character, e.g. rev('a') = 'aaaa…'. */
export const rev = (c: string): string => c.repeat(40);
/** A 64-hex blob hash. */
export const hash = (c: string): string => c.repeat(64);

/** Every symbolic link under `root` whose target does not exist. */
export async function danglingLinks(root: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(p);
      else if (
        entry.isSymbolicLink() &&
        !(await fs.stat(p).then(
          () => true,
          () => false,
        ))
      ) {
        found.push(path.relative(root, p));
      }
    }
  };
  await walk(root);
  return found;
}
