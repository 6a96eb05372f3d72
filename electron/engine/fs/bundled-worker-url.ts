/**
 * Where a bundled worker's entry lives. The bundle puts `<name>.mjs` in `out/main/`; the module asking lands
 * either in an entry bundle beside it or in a chunk one folder down (`out/main/chunks/…`), so look beside it
 * first, then one folder up. In a packaged app the module's URL points inside `app.asar`, which a worker
 * thread cannot load from; electron-builder's asarUnpack copies `out/main` to `app.asar.unpacked`, and the
 * worker starts from that copy. `.mjs`, because no package.json ("type": "module") sits in the unpacked copy.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The same file in the unpacked copy beside `app.asar`; a URL outside any asar archive is returned as is. */
export function outsideAsar(url: URL): URL {
  const unpacked = new URL(url.href);
  unpacked.pathname = url.pathname.replace(/\/app\.asar\//, '/app.asar.unpacked/');
  return unpacked;
}

export function bundledWorkerUrl(
  name: string,
  moduleUrl: string,
  exists: (path: string) => boolean = existsSync,
): URL {
  const beside = outsideAsar(new URL(`./${name}.mjs`, moduleUrl));
  const above = outsideAsar(new URL(`../${name}.mjs`, moduleUrl));
  return !exists(fileURLToPath(beside)) && exists(fileURLToPath(above)) ? above : beside;
}
