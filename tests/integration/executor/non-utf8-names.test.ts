/**
 * Names that are not valid UTF-8 (issue 10, finding 5): the real scan, plan and executor name them exactly
 * (each stray byte as U+DC80+byte), remove them, and record paths that encode back to their bytes; the
 * removal core's race-free port, its path fallback and the trash alike. A name with a real U+FFFD is an
 * ordinary UTF-8 name and goes as it always did.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { planFolder } from '../../../electron/core/plan-cleanup.js';
import { executePlan } from '../../../electron/engine/executor/execute-plan.js';
import { scanFolder } from '../../../electron/engine/scan/scan-folder.js';
import { encodeName } from '../../../shared/byte-names.js';
import type { FolderRules } from '../../../shared/types.js';
import { MS_PER_DAY } from '../../../shared/units.js';
import { runExecutorChild } from './child-process.js';
import { makeTempDir, removeTempDirs, rulesFor } from './executor-fixtures.js';

afterEach(removeTempDirs);

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));

/** Relative paths as bytes: `f\xff.wav`, a folder `d\xfe` holding `g\xc3.wav` and `inner.wav`, a real U+FFFD. */
const OLD = [
  bytes('f', [0xff], '.wav'),
  bytes('d', [0xfe], '/g', [0xc3], '.wav'),
  bytes('d', [0xfe], '/inner.wav'),
  bytes('ok\ufffd.wav'),
];
const OLD_PATHS = ['f\udcff.wav', 'd\udcfe/g\udcc3.wav', 'd\udcfe/inner.wav', 'ok\ufffd.wav'];
const YOUNG = bytes('young', [0xff], '.wav');

function abs(root: string, rel: Buffer): Buffer {
  return Buffer.concat([Buffer.from(root), Buffer.from('/'), rel]);
}

/** Writes each file through a Buffer path, `ageMs` old. */
function writeBytesTree(root: string, files: Buffer[], ageMs: number): void {
  for (const rel of files) {
    const full = abs(root, rel);
    const slash = full.lastIndexOf(0x2f);
    fs.mkdirSync(full.subarray(0, slash), { recursive: true });
    fs.writeFileSync(full, `content of ${rel.toString('hex')}`);
    const when = new Date(Date.now() - ageMs);
    fs.utimesSync(full, when, when);
  }
}

/** Every entry under `dir`, as hex of its relative bytes, read with Buffer names. */
function listBytes(dir: Buffer, prefix = Buffer.alloc(0)): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { encoding: 'buffer', withFileTypes: true })) {
    const rel = prefix.length === 0 ? entry.name : Buffer.concat([prefix, Buffer.from('/'), entry.name]);
    out.push(rel.toString('hex'));
    if (entry.isDirectory()) out.push(...listBytes(Buffer.concat([dir, Buffer.from('/'), entry.name]), rel));
  }
  return out.sort();
}

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

async function tree(): Promise<{ root: string; rules: FolderRules }> {
  const root = await makeTempDir();
  writeBytesTree(root, OLD, 30 * MS_PER_DAY);
  writeBytesTree(root, [YOUNG], 60_000);
  return { root, rules: rulesFor(root, { maxAgeDays: 7 }) };
}

async function scanAndPlan(root: string, rules: FolderRules) {
  const scan = await scanFolder(root);
  expect(scan.error).toBeNull();
  return planFolder(scan.files, rules, Date.now());
}

describe('names that are not valid UTF-8', () => {
  it('are planned under names that encode back to their bytes', async () => {
    const { root, rules } = await tree();
    const plan = await scanAndPlan(root, rules);
    expect(plan.remove.map((r) => r.path).sort()).toEqual([...OLD_PATHS].sort());
    expect(plan.remove.map((r) => hex(encodeName(r.path))).sort()).toEqual(OLD.map(hex).sort());
    const scan = await scanFolder(root);
    expect(scan.dirs).toContain('d\udcfe');
  });

  for (const [label, forcePathFallback] of [
    ['through the race-free core', false],
    ['through the path fallback', true],
  ] as const) {
    it(`are removed and recorded exactly ${label}`, async () => {
      const { root, rules } = await tree();
      const plan = await scanAndPlan(root, rules);

      const result = await executePlan({ root, plan, rules, nowMs: Date.now, forcePathFallback });

      expect(result.skipped).toEqual([]);
      expect(result.errors).toEqual([]);
      expect(result.removed.map((r) => hex(encodeName(r.path))).sort()).toEqual(OLD.map(hex).sort());
      expect(result.removedDirs).toEqual(['d\udcfe']);
      expect(listBytes(Buffer.from(root))).toEqual([hex(YOUNG)]);
      // A second run finds the folder within its limit: nothing left over, nothing "gone".
      expect((await scanAndPlan(root, rules)).remove).toEqual([]);
    });
  }

  it('are listed in a dry run, with the folder they would leave empty', async () => {
    const { root, rules } = await tree();
    const plan = await scanAndPlan(root, rules);

    const result = await executePlan({ root, plan, rules, nowMs: Date.now, dryRun: true });

    expect(result.skipped).toEqual([]);
    expect(result.removed.map((r) => r.path).sort()).toEqual([...OLD_PATHS].sort());
    expect(result.removedDirs).toEqual(['d\udcfe']);
    expect(listBytes(Buffer.from(root))).toHaveLength(OLD.length + 2);
  });

  it('are kept, not lost, on Windows (platform at the port), where only the host trash (paths as text) could take them', async () => {
    const { root, rules } = await tree();
    const plan = await scanAndPlan(root, rules);
    const handedOff: string[] = [];

    const result = await executePlan({
      root,
      plan,
      rules: { ...rules, action: 'trash' },
      nowMs: Date.now,
      forcePathFallback: true,
      platform: 'win32',
      trash: async (absPath) => void handedOff.push(absPath),
    });

    expect(handedOff).toEqual([path.join(root, 'ok\ufffd.wav')]);
    expect(result.removed.map((r) => r.path)).toEqual(['ok\ufffd.wav']);
    expect(result.skipped.map((s) => [s.path, s.why]).sort()).toEqual(
      OLD_PATHS.filter((p) => p !== 'ok\ufffd.wav')
        .sort()
        .map((p) => [p, 'trash-unavailable']),
    );
    expect(listBytes(Buffer.from(root))).toHaveLength(OLD.length + 2);
  });

  // On Linux the path fallback trashes by rename as the addon does: nothing goes to the host's trash.
  it.each([
    ['the race-free core', false],
    ['the path fallback', true],
  ])(
    'go to the trash under their own bytes, with Path= percent-encoding those bytes, through %s',
    async (_, forcePathFallback) => {
      const { root, rules } = await tree();
      const home = await makeTempDir('headroom-home-');
      const dataHome = path.join(home, 'data');
      const plan = await scanAndPlan(root, rules);

      const result = runExecutorChild({
        root,
        plan,
        rules: { ...rules, action: 'trash' },
        env: { ...process.env, HOME: home, XDG_DATA_HOME: dataHome },
        forcePathFallback,
      });

      expect(result.skipped).toEqual([]);
      expect(result.errors).toEqual([]);
      expect(result.removed.map((r) => hex(encodeName(r.path))).sort()).toEqual(OLD.map(hex).sort());
      expect(listBytes(Buffer.from(root))).toEqual([hex(YOUNG)]);
      const trashFiles = Buffer.from(path.join(dataHome, 'Trash', 'files'));
      const trashed = fs.readdirSync(trashFiles, { encoding: 'buffer' }).map((n) => n.toString('hex'));
      expect(trashed.sort()).toEqual(OLD.map((b) => hex(b.subarray(b.lastIndexOf(0x2f) + 1))).sort());
      const infoDir = path.join(dataHome, 'Trash', 'info');
      const infos = fs
        .readdirSync(Buffer.from(infoDir), { encoding: 'buffer' })
        .map((n) => fs.readFileSync(Buffer.concat([Buffer.from(infoDir), Buffer.from('/'), n]), 'utf8'));
      const paths = infos.map((text) => /^Path=(.*)$/m.exec(text)?.[1] ?? '').sort();
      const rootUri = encodeURI(root);
      expect(paths).toEqual(
        [
          `${rootUri}/d%FE/g%C3.wav`,
          `${rootUri}/d%FE/inner.wav`,
          `${rootUri}/f%FF.wav`,
          `${rootUri}/ok%EF%BF%BD.wav`,
        ].sort(),
      );
    },
  );
});
