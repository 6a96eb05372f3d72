/**
 * `action: trash` with the default Node trash port (the `trash` package), in a child process whose HOME
 * and XDG_DATA_HOME point at a temp folder, so the real trash is never touched and the file can be found.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runExecutorChild } from './child-process.js';
import {
  exists,
  makeTempDir,
  planned,
  planOf,
  removeTempDirs,
  rulesFor,
  writeFile,
} from './executor-fixtures.js';

afterEach(removeTempDirs);

describe('executePlan with action trash (nodeTrash, temp XDG trash)', () => {
  it('moves the planned files to the XDG trash, names taken literally, and nothing else', async () => {
    const [home, root] = [await makeTempDir('headroom-home-'), await makeTempDir()];
    const dataHome = path.join(home, 'data');
    await writeFile(root, 'sub/take.wav', 'take me');
    await writeFile(root, '*.wav', 'a star in the name');
    await writeFile(root, '[1].wav', 'brackets');
    await writeFile(root, 'a.wav', 'stay');
    await writeFile(root, '1.wav', 'stay too');
    const items = await Promise.all(['sub/take.wav', '*.wav', '[1].wav'].map((r) => planned(root, r)));

    const result = runExecutorChild({
      root,
      plan: planOf(items),
      rules: rulesFor(root, { action: 'trash' }),
      env: { ...process.env, HOME: home, XDG_DATA_HOME: dataHome },
    });

    expect(result.errors).toEqual([]);
    expect(result.removed.map((r) => r.path)).toEqual(['sub/take.wav', '*.wav', '[1].wav']);
    expect(result.removedDirs).toEqual(['sub']);
    expect((await fs.readdir(root)).sort()).toEqual(['1.wav', 'a.wav']);
    const trashFiles = path.join(dataHome, 'Trash', 'files');
    const contents = await Promise.all(
      (await fs.readdir(trashFiles)).map((f) => fs.readFile(path.join(trashFiles, f), 'utf8')),
    );
    expect(contents.sort()).toEqual(['a star in the name', 'brackets', 'take me']);
    const infoDir = path.join(dataHome, 'Trash', 'info');
    const infos = await Promise.all(
      (await fs.readdir(infoDir)).map((f) => fs.readFile(path.join(infoDir, f), 'utf8')),
    );
    expect(infos.join('\n')).toContain(`Path=${encodeURI(path.join(root, 'sub', 'take.wav'))}`);
    expect(await exists(path.join(root, 'a.wav'))).toBe(true);
  });
});
