/**
 * "Show in folder" (issue 15 item 3): the desktop app reveals a file by folder name and relative path; the
 * engine checks both, on disk, before the host's `shell.showItemInFolder` is called. Electron's shell is
 * faked at the engine's `revealFile` port (this test's fake), on real temp folders with hostile entries.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdir, realpath, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine } from '../../../electron/engine/runtime/create-engine.js';
import type { Engine } from '../../../electron/engine/runtime/engine-types.js';
import { BridgeError } from '../../../shared/bridge.js';
import { makeTempDir, writeFiles } from '../../support/make-tree.js';

let engine: Engine | null = null;
let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await engine?.dispose();
  engine = null;
  await cleanup?.();
});

async function setup(reveal: ((path: string) => void) | undefined) {
  const temp = await makeTempDir('headroom-reveal-');
  cleanup = temp.cleanup;
  const outputs = join(temp.dir, 'outputs');
  await writeFiles(outputs, [{ path: 'day 1/take.wav', sizeBytes: 10, ageMs: 0 }]);
  await writeFiles(temp.dir, [{ path: 'secret.txt', sizeBytes: 5, ageMs: 0 }]);
  await mkdir(join(outputs, 'sub'), { recursive: true });
  await symlink(join(temp.dir, 'secret.txt'), join(outputs, 'link-out.txt'));
  await symlink(temp.dir, join(outputs, 'sub', 'dir-out'));
  const configFile = join(temp.dir, 'config.yaml');
  await writeFile(configFile, 'folders:\n  - name: outputs\n    path: ./outputs\n    max_files: 100\n');
  engine = await createEngine({
    dataDir: join(temp.dir, 'data'),
    configFile,
    log: () => {},
    ...(reveal ? { revealFile: reveal } : {}),
  });
  return { dir: temp.dir, outputs };
}

async function refusal(input: unknown): Promise<BridgeError> {
  const error = await engine!.showInFolder(input as never).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(BridgeError);
  return error as BridgeError;
}

describe('showInFolder with the electron shell faked at the revealFile port', () => {
  it('reveals a file of the folder by its real path', async () => {
    const shown: string[] = [];
    const { outputs } = await setup((p) => shown.push(p));
    await expect(engine!.showInFolder({ folder: 'outputs', path: 'day 1/take.wav' })).resolves.toEqual({
      shown: true,
    });
    expect(shown).toEqual([join(await realpath(outputs), 'day 1', 'take.wav')]);
  });

  it('refuses hostile requests, each in a sentence, and reveals nothing', async () => {
    const shown: string[] = [];
    await setup((p) => shown.push(p));
    const cases: [unknown, string, RegExp][] = [
      [{ folder: 'outputs', path: '../secret.txt' }, 'invalid-request', /\.\. parts/],
      [{ folder: 'outputs', path: 'sub/dir-out/secret.txt' }, 'not-found', /not a file in outputs/],
      [{ folder: 'outputs', path: 'link-out.txt' }, 'not-found', /not a file in outputs/],
      [{ folder: 'outputs', path: '/etc/passwd' }, 'invalid-request', /not absolute/],
      [{ folder: 'outputs', path: 'a\0b' }, 'invalid-request', /NUL/],
      [{ folder: 'outputs', path: 'day 1' }, 'not-found', /not a file in outputs/],
      [{ folder: 'outputs', path: 'gone.wav' }, 'not-found', /not a file in outputs/],
      [{ folder: 'other', path: 'take.wav' }, 'unknown-folder', /no folder named "other"/],
      [{ folder: '..', path: 'secret.txt' }, 'invalid-request', /folder/],
      [{ path: 'secret.txt' }, 'invalid-request', /folder/],
    ];
    for (const [input, code, message] of cases) {
      const error = await refusal(input);
      expect([error.code, error.message]).toEqual([code, expect.stringMatching(message)]);
    }
    expect(shown).toEqual([]);
  });

  it('reveals the folder holding a file whose name is not valid UTF-8, never a file its lossy name names', async () => {
    const shown: string[] = [];
    const { outputs } = await setup((p) => shown.push(p));
    const root = await realpath(outputs);
    const under = (...parts: (string | number[])[]) =>
      Buffer.concat([root, ...parts].map((p) => Buffer.from(typeof p === 'string' ? p : p)));
    // `f\xff.wav`, `d\xfe/g.wav`, and the decoys their lossy decodings name (a real U+FFFD is valid UTF-8).
    writeFileSync(under('/f', [0xff], '.wav'), 'bytes name');
    mkdirSync(under('/d', [0xfe]));
    writeFileSync(under('/d', [0xfe], '/g.wav'), 'in a bytes folder');
    writeFileSync(join(root, 'f\ufffd.wav'), 'decoy');
    mkdirSync(join(root, 'd\ufffd'));
    writeFileSync(join(root, 'd\ufffd', 'g.wav'), 'decoy');

    for (const path of ['f\udcff.wav', 'd\udcfe/g.wav']) {
      await expect(engine!.showInFolder({ folder: 'outputs', path })).resolves.toEqual({ shown: true });
    }
    // The nearest folder whose path a string can name: the folder itself, both times.
    expect(shown).toEqual([root, root]);
    // The decoy is an ordinary file of its own and is revealed as one.
    shown.length = 0;
    await engine!.showInFolder({ folder: 'outputs', path: 'f\ufffd.wav' });
    expect(shown).toEqual([join(root, 'f\ufffd.wav')]);
  });

  it('without the port (the browser dashboard of serve) says it is the desktop app’s', async () => {
    await setup(undefined);
    const error = await refusal({ folder: 'outputs', path: 'day 1/take.wav' });
    expect(error.code).toBe('not-found');
    expect(error.message).toMatch(/desktop app/);
  });
});
