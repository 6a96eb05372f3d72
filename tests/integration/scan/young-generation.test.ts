import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';

let tmp: string;
beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'headroom-young-'));
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

// Every new isolate (a scan worker's) puts V8's semi-space growth factor back to its minimum of 2, so a
// setting made once at start lasted only until the first scan that needed a worker.
it('keeps the young generation at its size after a scan has started a worker (child process)', () => {
  for (let d = 0; d < 30; d++) {
    mkdirSync(join(tmp, `d${d}`));
    for (let f = 0; f < 50; f++) writeFileSync(join(tmp, `d${d}`, `f${f}.wav`), '');
  }
  const script = fileURLToPath(new URL('./young-generation-child.ts', import.meta.url));
  const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));
  const out = execFileSync(process.execPath, ['--import', 'tsx', script, tmp], {
    cwd: projectRoot,
    encoding: 'utf8',
  });
  const { files, before, after } = JSON.parse(out) as { files: number; before: number; after: number };
  expect(files).toBe(1500);
  expect(before).toBeLessThan(16 * 2 ** 20);
  expect(after).toBe(before);
}, 60_000);
