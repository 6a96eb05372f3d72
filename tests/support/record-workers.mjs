// `node --import ./record-workers.mjs …`: appends "worker <entry>" to HEADROOM_TEST_MODULE_LOG for each
// worker thread the process starts, so a test can say that a command started none.
import { appendFileSync } from 'node:fs';
import { createRequire, syncBuiltinESMExports } from 'node:module';

const log = process.env.HEADROOM_TEST_MODULE_LOG;
const threads = createRequire(import.meta.url)('node:worker_threads');
const Original = threads.Worker;
threads.Worker = class RecordedWorker extends Original {
  constructor(entry, options) {
    if (log) appendFileSync(log, `worker ${entry}\n`);
    super(entry, options);
  }
};
syncBuiltinESMExports();
