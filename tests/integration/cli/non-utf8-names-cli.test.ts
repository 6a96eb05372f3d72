/**
 * The CLI end to end with names that are not valid UTF-8 (issue 10, finding 5): `preview` shows them with
 * `\xNN` escapes, `clean` removes them, and `--json` and the history carry paths that encode back to the
 * exact bytes (each stray byte as U+DC80+byte).
 */
import fs from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeName } from '../../../shared/byte-names.js';
import { DAY_MS, makeTempDir } from '../../support/make-tree.js';
import { runCli } from '../../support/run-cli.js';

let dir: string;
let cleanup: () => Promise<void>;
let args: (...rest: string[]) => string[];

const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => Buffer.from(p)));
const OLD = [bytes('f', [0xff], '.wav'), bytes('d', [0xfe], '/g', [0xc3], '.wav'), bytes('ok\ufffd.wav')];
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

function write(root: Buffer, rel: Buffer, ageMs: number): void {
  const full = Buffer.concat([root, Buffer.from('/'), rel]);
  fs.mkdirSync(full.subarray(0, full.lastIndexOf(0x2f)), { recursive: true });
  fs.writeFileSync(full, 'x'.repeat(10));
  const when = new Date(Date.now() - ageMs);
  fs.utimesSync(full, when, when);
}

beforeEach(async () => {
  ({ dir, cleanup } = await makeTempDir('headroom-cli-bytes-'));
  const configFile = join(dir, 'config.yaml');
  args = (...rest) => ['--config', configFile, '--data-dir', join(dir, 'data'), ...rest];
  const temp = Buffer.from(join(dir, 'temp'));
  for (const rel of OLD) write(temp, rel, 10 * DAY_MS);
  write(temp, Buffer.from('keep.wav'), 60_000);
  fs.writeFileSync(
    configFile,
    ['folders:', '  - name: temp', '    path: ./temp', '    max_age_days: 7', ''].join('\n'),
  );
});

afterEach(async () => cleanup());

describe('headroom CLI with names that are not UTF-8', () => {
  it('preview shows escapes; clean removes the files; JSON and history keep the exact bytes', async () => {
    const preview = await runCli(args('preview'));
    expect(preview.code).toBe(0);
    expect(preview.stdout).toContain('f\\xff.wav');
    expect(preview.stdout).toContain('d\\xfe/g\\xc3.wav');
    expect(preview.stdout).toContain('ok\ufffd.wav');
    expect(preview.stdout.match(/\ufffd/g)).toHaveLength(1); // only the real one

    const clean = await runCli(args('clean', '--json'));
    expect(clean.stderr).toBe('');
    expect(clean.code).toBe(0);
    const [folder] = JSON.parse(clean.stdout).folders;
    expect(folder.skipped).toEqual([]);
    expect(folder.removed.map((r: { path: string }) => hex(encodeName(r.path))).sort()).toEqual(
      OLD.map(hex).sort(),
    );
    expect(folder.removedDirs).toEqual(['d\udcfe']);
    expect(fs.readdirSync(Buffer.from(join(dir, 'temp')), { encoding: 'buffer' })).toEqual([
      Buffer.from('keep.wav'),
    ]);

    const history = JSON.parse((await runCli(args('history', '--json'))).stdout);
    const recorded = history.runs[0].folders[0].removed.map((r: { path: string }) => r.path);
    expect(recorded.map((p: string) => hex(encodeName(p))).sort()).toEqual(OLD.map(hex).sort());
  });
});
