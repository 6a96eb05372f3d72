// Module-loader hooks for tests/support/record-modules.mjs: appends each resolved file: URL, and each Node
// built-in imported (node:…), one a line, to the file named by HEADROOM_TEST_MODULE_LOG, so a test can say
// which of the CLI's modules, and which of Node's, a command loaded.
import { appendFileSync } from 'node:fs';

export async function resolve(specifier, context, nextResolve) {
  const result = await nextResolve(specifier, context);
  const log = process.env.HEADROOM_TEST_MODULE_LOG;
  if (log && (result.url.startsWith('file:') || result.url.startsWith('node:'))) {
    appendFileSync(log, result.url + '\n');
  }
  return result;
}
