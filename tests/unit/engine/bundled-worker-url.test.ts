import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bundledWorkerUrl, outsideAsar } from '../../../electron/engine/fs/bundled-worker-url.js';
import { makeTempDir } from '../../support/make-tree.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await makeTempDir('headroom-worker-url-')));
afterEach(() => cleanup());

describe('bundledWorkerUrl (a packaged layout on a real temp folder)', () => {
  it('starts a packaged worker from app.asar.unpacked, found one folder above the chunk asking', async () => {
    // resources/app.asar holds the modules; asarUnpack copied out/main to resources/app.asar.unpacked.
    const unpackedMain = join(dir, 'resources', 'app.asar.unpacked', 'out', 'main');
    await mkdir(join(unpackedMain, 'chunks'), { recursive: true });
    await writeFile(join(unpackedMain, 'scan-worker.mjs'), 'export {};\n');
    const chunk = pathToFileURL(
      join(dir, 'resources', 'app.asar', 'out', 'main', 'chunks', 'engine-1a2b.mjs'),
    );
    const url = bundledWorkerUrl('scan-worker', chunk.href);
    expect(fileURLToPath(url)).toBe(join(unpackedMain, 'scan-worker.mjs'));
  });

  it('uses the worker beside the module when it is there, and leaves paths outside an asar alone', async () => {
    const main = join(dir, 'out', 'main');
    await mkdir(main, { recursive: true });
    await writeFile(join(main, 'delete-worker.mjs'), 'export {};\n');
    const entry = pathToFileURL(join(main, 'cli.js')).href;
    expect(fileURLToPath(bundledWorkerUrl('delete-worker', entry))).toBe(join(main, 'delete-worker.mjs'));
    const plain = pathToFileURL(join(dir, 'my.app.asar.d', 'x.mjs'));
    expect(outsideAsar(plain).href).toBe(plain.href);
  });
});
