import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../../../electron/engine/fs/atomic-write.js';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'headroom-atomic-'));
});
afterEach(() => fs.rm(dir, { recursive: true, force: true }));

const child = fileURLToPath(new URL('./atomic-write-child.ts', import.meta.url));

describe('writeFileAtomic', () => {
  it('creates a file, replaces it, and leaves no temp file behind', async () => {
    const file = path.join(dir, 'config.yaml');
    await writeFileAtomic(file, 'one\n');
    await writeFileAtomic(file, 'two\n');
    expect(await fs.readFile(file, 'utf8')).toBe('two\n');
    expect(await fs.readdir(dir)).toEqual(['config.yaml']);
  });

  it('sweeps temp files left by killed writers, and keeps those of live ones and anything else', async () => {
    const file = path.join(dir, 'config.yaml');
    const dead = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => dead.once('exit', resolve));
    const abandoned = `.config.yaml.${dead.pid}.0123456789ab.tmp`;
    const live = `.config.yaml.${process.pid}.0123456789ab.tmp`;
    const lookalike = `.config.yaml.${dead.pid}.notatemp.tmp`;
    const folder = `.config.yaml.${dead.pid}.abcdefabcdef.tmp`;
    for (const name of [abandoned, live, lookalike]) await fs.writeFile(path.join(dir, name), 'x');
    await fs.mkdir(path.join(dir, folder));
    await writeFileAtomic(file, 'new\n');
    expect((await fs.readdir(dir)).sort()).toEqual([folder, lookalike, live, 'config.yaml'].sort());
  });

  it("keeps the old file's mode", async () => {
    const file = path.join(dir, 'config.yaml');
    await fs.writeFile(file, 'old');
    await fs.chmod(file, 0o640);
    await writeFileAtomic(file, 'new');
    expect((await fs.stat(file)).mode & 0o777).toBe(0o640);
  });

  it('writes through a symlink to its target and keeps the link', async () => {
    const target = path.join(dir, 'real.yaml');
    const link = path.join(dir, 'config.yaml');
    await fs.writeFile(target, 'old');
    await fs.symlink(target, link);
    await writeFileAtomic(link, 'new');
    expect((await fs.lstat(link)).isSymbolicLink()).toBe(true);
    expect(await fs.readFile(target, 'utf8')).toBe('new');
  });

  it('leaves the old file untouched when the write fails, and cleans its temp file', async () => {
    const file = path.join(dir, 'config.yaml');
    await fs.writeFile(file, 'old');
    // A folder squatting on the target makes the final rename fail after the temp file was written.
    const squat = path.join(dir, 'sub');
    await fs.mkdir(path.join(squat, 'config.yaml'), { recursive: true });
    await expect(writeFileAtomic(path.join(squat, 'config.yaml'), 'new')).rejects.toThrow();
    expect(await fs.readdir(squat)).toEqual(['config.yaml']);
    expect(await fs.readFile(file, 'utf8')).toBe('old');
  });

  it('shows readers and a killed writer only the old or the new content, never a mix (SIGKILL)', async () => {
    const file = path.join(dir, 'config.yaml');
    const sizeBytes = 1024 * 1024;
    const whole = (text: string): boolean =>
      text.length === sizeBytes && (text === 'a'.repeat(sizeBytes) || text === 'b'.repeat(sizeBytes));
    for (let attempt = 0; attempt < 3; attempt++) {
      const proc = spawn(process.execPath, ['--import', 'tsx', child, file, String(sizeBytes)], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      await new Promise<void>((resolve) => proc.stdout.once('data', () => resolve()));
      // What a reader sees at any moment is what a crash at that moment would leave.
      const seen = new Set<string>();
      const until = Date.now() + 400;
      while (Date.now() < until) {
        const text = await fs.readFile(file, 'utf8');
        seen.add(whole(text) ? text[0]! : `broken (${text.length} bytes)`);
      }
      proc.kill('SIGKILL');
      await new Promise((r) => proc.once('exit', r));
      expect([...seen].filter((s) => s.startsWith('broken'))).toEqual([]);
      expect(whole(await fs.readFile(file, 'utf8'))).toBe(true);
    }
  });

  it('creates a new file 0600, and every temp file is 0600 while it is written (data folder files)', async () => {
    const file = path.join(dir, 'schedule.json');
    await writeFileAtomic(file, 'first\n');
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
    await fs.rm(file);
    const proc = spawn(process.execPath, ['--import', 'tsx', child, file, String(256 * 1024)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve) => proc.stdout.once('data', () => resolve()));
    const modes = new Set<number>();
    const until = Date.now() + 1_000;
    while (Date.now() < until || modes.size === 0) {
      for (const name of await fs.readdir(dir)) {
        if (!name.endsWith('.tmp')) continue;
        const info = await fs.lstat(path.join(dir, name)).catch(() => null);
        if (info) modes.add(info.mode & 0o777);
      }
    }
    proc.kill('SIGKILL');
    await new Promise((r) => proc.once('exit', r));
    expect([...modes]).toEqual([0o600]);
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
  });
});
