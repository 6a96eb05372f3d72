import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// One build for both hosts: the Electron main bundle also carries the headless CLI and the scan and delete
// workers, which the scanner and the executor load as `scan-worker.mjs` / `delete-worker.mjs` beside the
// bundle that imports them (electron/engine/fs/bundled-worker-url.ts). Workers and shared chunks are
// `.mjs`: a packaged app's workers load from app.asar.unpacked, where no package.json says "type": "module".
const WORKERS = new Set(['scan-worker', 'delete-worker']);
export default defineConfig({
  main: {
    // yaml's ES module build (the same source as its CommonJS one, which `node` resolves to): bundled, it
    // is hoisted and tree-shaken instead of wrapped module by module in CommonJS shims that every CLI call
    // evaluates (#17). It differs only in the browser fallbacks: a warning goes to console.warn, !!binary
    // decodes with atob.
    resolve: { alias: [{ find: /^yaml$/, replacement: resolve('node_modules/yaml/browser/index.js') }] },
    build: {
      outDir: 'out/main',
      // zod and yaml go into the bundle: from node_modules they are about 180 and 75 files, which Node 20
      // resolves and compiles one by one on every CLI call (#17: 115 ms and 38 ms here, against about 25
      // and 10 ms bundled).
      externalizeDeps: { exclude: ['zod', 'yaml'] },
      rollupOptions: {
        input: {
          index: resolve('electron/main/index.ts'),
          cli: resolve('electron/headless/cli.ts'),
          'scan-worker': resolve('electron/engine/scan/scan-worker.ts'),
          'delete-worker': resolve('electron/engine/executor/delete-worker.ts'),
        },
        output: {
          entryFileNames: (chunk) => (WORKERS.has(chunk.name) ? '[name].mjs' : '[name].js'),
          chunkFileNames: 'chunks/[name]-[hash].mjs',
          // JSDoc is for readers of the source: Node parses every byte of a chunk it loads, and the CLI
          // loads the engine's on each call (#17). Licence comments stay.
          comments: { jsdoc: false, annotation: false, legal: true },
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    build: {
      outDir: 'out/renderer',
      rollupOptions: { input: { index: resolve('renderer/index.html') } },
    },
    plugins: [react()],
  },
});
