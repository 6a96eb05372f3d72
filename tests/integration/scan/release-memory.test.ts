import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

// V8 frees a buffer's memory only when it collects the object holding it, which a service sitting idle
// after a scan may not do for hours: the release a scan schedules collects first.
it('frees buffers dropped before a release, in a process that does nothing else (child process)', () => {
  const script = fileURLToPath(new URL('./release-memory-child.ts', import.meta.url));
  const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));
  const out = execFileSync(process.execPath, ['--import', 'tsx', script], {
    cwd: projectRoot,
    encoding: 'utf8',
  });
  const { before, held } = JSON.parse(out) as { before: number; held: number };
  expect(before).toBeGreaterThanOrEqual(32 * 2 ** 20);
  expect(held).toBeLessThan(2 ** 20);
}, 60_000);
