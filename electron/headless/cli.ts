/** Entry point of the `headroom` command (bundled as out/main/cli.js; bin/headroom.js loads it). */
import { main } from './cli-main.js';
import { EXIT_RUN_ERRORS } from './cli-io.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`headroom: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = EXIT_RUN_ERRORS;
  },
);
