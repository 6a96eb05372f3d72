#!/usr/bin/env node
// The `headroom` command. Runs the built CLI (npm run build); says so in one sentence when it is missing.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const built = fileURLToPath(new URL('../out/main/cli.js', import.meta.url));
if (!existsSync(built)) {
  process.stderr.write(
    'headroom: the CLI is not built yet; run `npm run build` in the Headroom folder first.\n',
  );
  process.exit(2);
}
await import(pathToFileURL(built).href);
