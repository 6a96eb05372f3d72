/**
 * kind: manifest end to end through the engine on real temp folders (issue 11): planning from a real
 * scan and token file, removal through the executor and removal core, the token file's rewrite.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CleanupService } from '../../../electron/engine/cleanup/cleanup-service.js';
import { planFolders } from '../../../electron/engine/cleanup/plan-folders.js';
import { executePlan } from '../../../electron/engine/executor/execute-plan.js';
import { HistoryStore } from '../../../electron/engine/history/history-store.js';
import { systemClock } from '../../../electron/engine/ports.js';
import type { AppConfig, FolderRules, RunRecord } from '../../../shared/types.js';
import { folderRules } from '../../support/folder-rules.js';
import { DAY_MS, makeTempDir, writeFiles } from '../../support/make-tree.js';
import { appConfig } from '../../support/app-config.js';

const HOUR_MS = 3_600_000;
const MB = 1024 * 1024;

let dir: string;
let root: string;
let tokenFile: string;
let cleanupDir: () => Promise<void>;

beforeEach(async () => {
  const made = await makeTempDir('headroom-manifest-');
  dir = await fs.realpath(made.dir);
  cleanupDir = made.cleanup;
  root = path.join(dir, 'recovery');
  tokenFile = path.join(root, 'recovery_tokens.json');
  await fs.mkdir(root);
});
afterEach(async () => cleanupDir());

const secondsAgo = (ms: number) => (Date.now() - ms) / 1000;
const exists = (rel: string) =>
  fs.lstat(path.join(root, rel)).then(
    () => true,
    () => false,
  );
const tokens = async () => JSON.parse(await fs.readFile(tokenFile, 'utf8')) as Record<string, unknown>;

function rules(overrides: Partial<FolderRules> = {}): FolderRules {
  return folderRules({
    name: 'recovery',
    path: root,
    kind: 'manifest',
    manifestFile: tokenFile,
    retentionHours: 24,
    ...overrides,
  });
}

async function run(
  folder: FolderRules,
  dryRun = false,
): Promise<{ record: RunRecord; history: RunRecord[] }> {
  const historyFile = path.join(dir, 'history.jsonl');
  const { store: history } = await HistoryStore.open(historyFile);
  const service = new CleanupService({ history, clock: systemClock, emit: () => undefined });
  const config: AppConfig = appConfig({
    folders: [folder],
  });
  const record = await service.run(config, { trigger: 'manual', dryRun });
  await history.close();
  const lines = await fs.readFile(historyFile, 'utf8').catch(() => '');
  const runs = lines
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as RunRecord);
  return { record, history: runs };
}

describe('kind: manifest, end to end through the engine', () => {
  it('removes expired tokens with their files, then orphans, then the oldest tokens over the size limit', async () => {
    await writeFiles(root, [
      { path: 'exp/a.wav', sizeBytes: MB, ageMs: 2 * DAY_MS },
      { path: 'exp/b.wav', sizeBytes: MB, ageMs: 2 * DAY_MS },
      { path: 'old.wav', sizeBytes: 2 * MB, ageMs: 3 * DAY_MS },
      { path: 'mid.wav', sizeBytes: 2 * MB, ageMs: 2 * DAY_MS },
      { path: 'new.wav', sizeBytes: 2 * MB, ageMs: 1 * DAY_MS },
      { path: 'orphan.wav', sizeBytes: MB, ageMs: 1 * DAY_MS },
      { path: 'young-orphan.wav', sizeBytes: 10, ageMs: 60_000 },
    ]);
    const live = (ageMs: number, file: string) => ({
      created_at: new Date(Date.now() - ageMs).toISOString(),
      expires_at: secondsAgo(-DAY_MS),
      files: [file],
    });
    await fs.writeFile(
      tokenFile,
      JSON.stringify(
        {
          expired: { expires_at: secondsAgo(5 * HOUR_MS), files: ['exp/a.wav', 'exp/b.wav'] },
          old: live(3 * DAY_MS, 'old.wav'),
          mid: live(2 * DAY_MS, 'mid.wav'),
          new: live(1 * DAY_MS, 'new.wav'),
        },
        null,
        2,
      ),
    );
    // 9 MB + the token file; over 5 MB, down to 80% (4 MB): expired (2), orphan (1), then old (2), mid (2).
    const { record, history } = await run(rules({ maxSizeBytes: 5 * MB }));
    expect(record.status).toBe('completed');
    const [folder] = record.folders;
    expect(folder!.units!.map((u) => [u.id, u.reason, u.outcome])).toEqual([
      ['token:expired', 'expired', 'removed'],
      ['orphan:orphan.wav', 'orphan', 'removed'],
      ['token:old', 'size', 'removed'],
      ['token:mid', 'size', 'removed'],
    ]);
    expect(folder!.units![0]!.label).toBe('token expired · 2 files · 2 MB · expired 5 h ago');
    for (const gone of ['exp/a.wav', 'exp/b.wav', 'orphan.wav', 'old.wav', 'mid.wav'])
      expect(await exists(gone)).toBe(false);
    for (const kept of ['new.wav', 'young-orphan.wav', 'recovery_tokens.json'])
      expect(await exists(kept)).toBe(true);
    expect(Object.keys(await tokens())).toEqual(['new']);
    // The record as history keeps it carries the units too.
    expect(history.at(-1)!.folders[0]!.units!.map((u) => u.id)).toContain('token:expired');
  });

  it('skips a corrupted entry, reports it, and goes on with the rest', async () => {
    await writeFiles(root, [
      { path: 'a.wav', sizeBytes: 10, ageMs: DAY_MS },
      { path: 'b.wav', sizeBytes: 10, ageMs: DAY_MS },
    ]);
    await fs.writeFile(
      tokenFile,
      JSON.stringify({
        good: { expires_at: secondsAgo(HOUR_MS), files: ['a.wav'] },
        bad: { expires_at: 'next tuesday', files: ['b.wav'] },
      }),
    );
    const { record } = await run(rules());
    expect(await exists('a.wav')).toBe(false);
    expect(await exists('b.wav')).toBe(true);
    expect(record.folders[0]!.notes).toContain(
      'token file: token "bad" was skipped: expires_at "next tuesday" is neither an ISO 8601 time nor epoch seconds',
    );
    expect(Object.keys(await tokens())).toEqual(['bad']);
  });

  it.each([
    ['truncated JSON', '{"a": {"expires_at": 1, "files": ["a.wav"]'],
    ['an empty file', ''],
    ['a bare string', '"tokens"'],
  ])('removes nothing when the token file cannot be parsed (%s), and says why', async (_name, text) => {
    await writeFiles(root, [{ path: 'a.wav', sizeBytes: 10, ageMs: 30 * DAY_MS }]);
    await fs.writeFile(tokenFile, text);
    const { record } = await run(rules({ maxFiles: 1, maxSizeBytes: 1 }));
    expect(await exists('a.wav')).toBe(true);
    expect(await fs.readFile(tokenFile, 'utf8')).toBe(text);
    expect(record.filesRemoved).toBe(0);
    expect(record.folders[0]!.notes.join(' ')).toMatch(
      /cannot be parsed: .*nothing in this folder is removed/,
    );
  });

  it('removes nothing when the token file is missing: every file would look like an orphan', async () => {
    await writeFiles(root, [{ path: 'a.wav', sizeBytes: 10, ageMs: 30 * DAY_MS }]);
    const { record } = await run(rules());
    expect(await exists('a.wav')).toBe(true);
    expect(record.folders[0]!.notes.join(' ')).toMatch(/does not exist; nothing in this folder is removed/);
  });

  it('a token file that is a link (another user could point it anywhere) is neither read nor rewritten', async () => {
    const elsewhere = path.join(dir, 'someone-elses.json');
    const text = JSON.stringify({ t1: { expires_at: '2020-01-01T00:00:00Z', files: ['a.wav'] } });
    await fs.writeFile(elsewhere, text);
    await fs.symlink(elsewhere, tokenFile);
    await writeFiles(root, [{ path: 'a.wav', sizeBytes: 10, ageMs: 30 * DAY_MS }]);
    const { record } = await run(rules());
    expect(await exists('a.wav')).toBe(true);
    expect(await fs.readFile(elsewhere, 'utf8')).toBe(text);
    expect((await fs.lstat(tokenFile)).isSymbolicLink()).toBe(true);
    expect(record.folders[0]!.notes.join(' ')).toMatch(
      /is a symbolic link; Headroom uses only a real file.*nothing in this folder is removed/,
    );
  });

  it('never removes what a hostile token file points at outside the folder, nor through a link', async () => {
    const outside = path.join(dir, 'outside');
    await writeFiles(outside, [
      { path: 'x.wav', sizeBytes: 10, ageMs: 30 * DAY_MS },
      { path: 'y.wav', sizeBytes: 10, ageMs: 30 * DAY_MS },
      { path: 'z.wav', sizeBytes: 10, ageMs: 30 * DAY_MS },
      { path: 'd/w.wav', sizeBytes: 10, ageMs: 30 * DAY_MS },
    ]);
    await writeFiles(root, [
      { path: 'a.wav', sizeBytes: 10, ageMs: DAY_MS },
      { path: 'b.wav', sizeBytes: 10, ageMs: DAY_MS },
      { path: 'c.wav', sizeBytes: 10, ageMs: DAY_MS },
      { path: 'd.wav', sizeBytes: 10, ageMs: DAY_MS },
    ]);
    await fs.symlink(path.join(outside, 'z.wav'), path.join(root, 'link.wav'));
    await fs.symlink(path.join(outside, 'd'), path.join(root, 'linkdir'));
    const expired = secondsAgo(HOUR_MS);
    await fs.writeFile(
      tokenFile,
      JSON.stringify({
        up: { expires_at: expired, files: ['a.wav', '../outside/x.wav'] },
        abs: { expires_at: expired, files: ['b.wav', path.join(outside, 'y.wav')] },
        link: { expires_at: expired, files: ['c.wav', 'link.wav'] },
        dirlink: { expires_at: expired, files: ['d.wav', 'linkdir/w.wav'] },
      }),
    );
    const { record } = await run(rules());
    for (const f of ['x.wav', 'y.wav', 'z.wav', 'd/w.wav']) {
      expect(await fs.lstat(path.join(outside, f)).then(() => true)).toBe(true);
    }
    // Each token is kept whole: not even its inside file goes, and the token file is untouched.
    for (const f of ['a.wav', 'b.wav', 'c.wav', 'd.wav', 'link.wav', 'linkdir'])
      expect(await exists(f)).toBe(true);
    expect(record.filesRemoved).toBe(0);
    expect(Object.keys(await tokens()).sort()).toEqual(['abs', 'dirlink', 'link', 'up']);
    const notes = record.folders[0]!.notes.join('\n');
    expect(notes).toContain(
      'token up (expired) is kept whole: it lists "../outside/x.wav", which climbs out of the folder with ..',
    );
    expect(notes).toContain('which is absolute');
    expect(notes).toContain('token link (expired) is kept whole: link.wav is a symbolic link');
    expect(notes).toMatch(
      /token dirlink \(expired\) is kept whole: linkdir\/w\.wav is reached through a link/,
    );
  });

  it('rewrites the token file atomically, only for tokens fully removed, keeping what the application added', async () => {
    await writeFiles(root, [
      { path: 'a1.wav', sizeBytes: 10, ageMs: DAY_MS },
      { path: 'a2.wav', sizeBytes: 10, ageMs: DAY_MS },
      { path: 'b1.wav', sizeBytes: 10, ageMs: DAY_MS },
    ]);
    const expired = secondsAgo(HOUR_MS);
    await fs.writeFile(
      tokenFile,
      JSON.stringify(
        {
          a: { expires_at: expired, files: ['a1.wav', 'a2.wav'] },
          b: { expires_at: expired, files: ['b1.wav'] },
        },
        null,
        2,
      ) + '\n',
    );
    const before = await fs.stat(tokenFile);
    const [planned] = await planFolders([rules()], Date.now());
    expect(planned!.plan!.remove.map((r) => r.path)).toEqual(['a1.wav', 'a2.wav', 'b1.wav']);
    // Between planning and removal, a2.wav changes (it will be skipped) and the application saves a new token.
    await fs.appendFile(path.join(root, 'a2.wav'), 'more');
    const now = JSON.parse(await fs.readFile(tokenFile, 'utf8'));
    const fresh = { expires_at: secondsAgo(-DAY_MS), files: ['fresh.wav'] };
    now.fresh = fresh;
    await fs.writeFile(tokenFile, JSON.stringify(now, null, 2) + '\n');
    const result = await executePlan({
      root,
      plan: planned!.plan!,
      rules: rules(),
      nowMs: () => Date.now(),
    });
    const finished = await planned!.finish!(result, false, planned!.plan!);
    // Units are never split (DESIGN.md invariant 8): a2.wav changed, so token a is kept whole, a1.wav too.
    expect(result.skipped.map((s) => [s.path, s.why])).toEqual([
      ['a1.wav', 'unit-kept'],
      ['a2.wav', 'changed'],
    ]);
    expect(await tokens()).toEqual({
      a: { expires_at: expired, files: ['a1.wav', 'a2.wav'] },
      fresh,
    });
    expect(finished.units!.map((u) => [u.id, u.outcome])).toEqual([
      ['token:a', 'kept'],
      ['token:b', 'removed'],
    ]);
    // Atomic: a new file renamed into place (new inode), same mode, no temp file left behind.
    const after = await fs.stat(tokenFile);
    expect(after.ino).not.toBe(before.ino);
    expect(after.mode).toBe(before.mode);
    expect((await fs.readdir(root)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(await fs.readFile(tokenFile, 'utf8')).toMatch(/^\{\n {2}"a"/);
  });

  it('leaves the token file alone when the run carried out less than was planned (held for consent)', async () => {
    await writeFiles(root, [{ path: 'a.wav', sizeBytes: 10, ageMs: DAY_MS }]);
    // b's files are all gone already: planned, it would be dropped from the token file.
    const text = JSON.stringify({
      a: { expires_at: secondsAgo(HOUR_MS), files: ['a.wav'] },
      b: { expires_at: 1, files: ['gone.wav'] },
    });
    await fs.writeFile(tokenFile, text);
    const [planned] = await planFolders([rules()], Date.now());
    expect(planned!.plan!.units!.map((u) => u.id)).toEqual(['token:b', 'token:a']);
    const held = { ...planned!.plan!, remove: [], units: [], bytesToFree: 0 };
    const result = await executePlan({ root, plan: held, rules: rules(), nowMs: () => Date.now() });
    const finished = await planned!.finish!(result, false, held);
    expect(finished.units).toEqual([]);
    expect(await fs.readFile(tokenFile, 'utf8')).toBe(text);
    expect(await exists('a.wav')).toBe(true);
  });

  it('reads the token file again before removing: a token the application changed, or an orphan it now lists, stays', async () => {
    await writeFiles(root, [
      { path: 'a.wav', sizeBytes: 10, ageMs: DAY_MS },
      { path: 'b.wav', sizeBytes: 10, ageMs: DAY_MS },
      { path: 'stray.wav', sizeBytes: 10, ageMs: DAY_MS },
    ]);
    const expired = secondsAgo(HOUR_MS);
    await fs.writeFile(
      tokenFile,
      JSON.stringify({
        a: { expires_at: expired, files: ['a.wav'] },
        b: { expires_at: expired, files: ['b.wav'] },
      }),
    );
    const [planned] = await planFolders([rules()], Date.now());
    expect(planned!.plan!.units!.map((u) => u.id)).toEqual(['token:a', 'token:b', 'orphan:stray.wav']);
    // Meanwhile the application extends b and saves a token that takes in stray.wav.
    const extended = { expires_at: secondsAgo(-DAY_MS), files: ['b.wav'] };
    const claimed = { expires_at: secondsAgo(-DAY_MS), files: ['stray.wav'] };
    await fs.writeFile(
      tokenFile,
      JSON.stringify({ a: { expires_at: expired, files: ['a.wav'] }, b: extended, c: claimed }),
    );
    const plan = await planned!.beforeRun!(planned!.plan!);
    expect(plan.units!.map((u) => u.id)).toEqual(['token:a']);
    expect(plan.remove.map((r) => r.path)).toEqual(['a.wav']);
    const result = await executePlan({ root, plan, rules: rules(), nowMs: () => Date.now() });
    const finished = await planned!.finish!(result, false, plan);
    expect(await exists('a.wav')).toBe(false);
    expect(await exists('b.wav')).toBe(true);
    expect(await exists('stray.wav')).toBe(true);
    expect(await tokens()).toEqual({ b: extended, c: claimed });
    expect(finished.notes).toContain(
      'the application changed or removed token b in the token file after planning; left for the next run',
    );
  });

  it('in a dry run removes nothing and leaves the token file as it is', async () => {
    await writeFiles(root, [{ path: 'a.wav', sizeBytes: 10, ageMs: DAY_MS }]);
    const text = JSON.stringify({ a: { expires_at: secondsAgo(HOUR_MS), files: ['a.wav'] } });
    await fs.writeFile(tokenFile, text);
    const { record } = await run(rules(), true);
    expect(record.folders[0]!.units!.map((u) => [u.id, u.outcome])).toEqual([['token:a', 'removed']]);
    expect(await exists('a.wav')).toBe(true);
    expect(await fs.readFile(tokenFile, 'utf8')).toBe(text);
  });
});
