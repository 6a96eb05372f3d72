// `node --import ./record-perf-hooks.mjs …`: appends "loaded perf_hooks" to HEADROOM_TEST_MODULE_LOG at exit
// when the process loaded Node's perf_hooks. The global `performance` loads it on first use, through no
// import a module hook could see; it costs a CLI call about 1 ms (#17).
import { appendFileSync } from 'node:fs';

const log = process.env.HEADROOM_TEST_MODULE_LOG;
process.on('exit', () => {
  if (log && process.moduleLoadList.includes('NativeModule perf_hooks'))
    appendFileSync(log, 'loaded perf_hooks\n');
});
