import { describe, expect, it } from 'vitest';
import { parseTokenFile } from '../../../electron/core/manifest/parse-token-file.js';
import { planManifestFolder } from '../../../electron/core/manifest/plan-manifest.js';
import { columnsOf } from '../../../bench/lib/entries-as-columns.js';
import type { ManifestPlan } from '../../../electron/core/manifest/manifest-types.js';
import type { FileEntry, FolderRules } from '../../../shared/types.js';
import { MS_PER_HOUR } from '../../../shared/units.js';
import { file, fileDays, MB, NOW_MS, rules } from './plan-fixtures.js';

const TOKEN_FILE = 'recovery_tokens.json';
const SEC = (ms: number) => ms / 1000;
const hoursAgo = (h: number) => SEC(NOW_MS - h * MS_PER_HOUR);

function plan(
  files: FileEntry[],
  tokens: unknown,
  overrides: Partial<FolderRules> = {},
  unremovable: [string, string][] = [],
): ManifestPlan {
  const parse = parseTokenFile(JSON.stringify(tokens), TOKEN_FILE);
  if (!parse.ok) throw new Error(parse.message);
  return planManifestFolder({
    files: columnsOf(files),
    contents: parse,
    rules: rules(overrides),
    retentionHours: 24,
    tokenFilePath: TOKEN_FILE,
    unremovable: new Map(unremovable),
    nowMs: NOW_MS,
  });
}

const units = (p: ManifestPlan) => p.units.map((u) => [u.kind, u.id, u.reason, u.files.map((f) => f.path)]);

describe('planManifestFolder', () => {
  it('removes expired tokens with their files, soonest expiry first, and keeps live ones', () => {
    const files = [file('a1', 600, 3 * MB), file('a2', 600, MB), file('b1', 600), file('c1', 600)];
    const p = plan(files, {
      late: { expires_at: hoursAgo(1), files: ['b1'] },
      early: { expires_at: hoursAgo(5), files: ['a1', 'a2', 'gone.wav'] },
      live: { expires_at: hoursAgo(-1), files: ['c1'] },
    });
    expect(units(p)).toEqual([
      ['token', 'early', 'expired', ['a1', 'a2']],
      ['token', 'late', 'expired', ['b1']],
    ]);
    expect(p.units[0]!.label).toBe('token early · 2 files · 4 MB · expired 5 h ago · 1 file already gone');
    expect(p.units[0]!.missing).toEqual(['gone.wav']);
    expect(p.bytesToFree).toBe(4 * MB + 1);
  });

  it('expires a token with only created_at after retention_hours', () => {
    const files = [file('old', 600), file('new', 600)];
    const p = plan(files, {
      old: { created_at: hoursAgo(25), files: ['old'] },
      new: { created_at: hoursAgo(23), files: ['new'] },
    });
    expect(units(p)).toEqual([['token', 'old', 'expired', ['old']]]);
  });

  it('removes orphans past the grace period, oldest first, never the token file or its temp files', () => {
    const files = [
      file(TOKEN_FILE, 600),
      file(`.${TOKEN_FILE}.123.abcdef012345.tmp`, 600),
      file('listed', 600),
      file('orphan-old', 900),
      file('orphan-mid', 300),
      file('orphan-young', 5),
      file('keep.lock', 900),
    ];
    const p = plan(files, { t: { expires_at: hoursAgo(-1), files: ['listed'] } }, { protect: ['*.lock'] });
    expect(units(p)).toEqual([
      ['orphan', 'orphan-old', 'orphan', ['orphan-old']],
      ['orphan', 'orphan-mid', 'orphan', ['orphan-mid']],
    ]);
    expect(p.units[0]!.label).toBe('orphan orphan-old · 1 B · 15 h old, no token lists it');
  });

  it('treats files under a listed folder as the token’s, not as orphans', () => {
    const files = [file('sess/a/1.wav', 600), file('sess/a/2.wav', 600), file('sess/b.wav', 600)];
    const live = plan(files, { t: { expires_at: hoursAgo(-1), files: ['sess/a'] } });
    expect(units(live)).toEqual([['orphan', 'sess/b.wav', 'orphan', ['sess/b.wav']]]);
    const dead = plan(files, { t: { expires_at: hoursAgo(1), files: ['sess/a', 'sess/b.wav'] } });
    expect(units(dead)).toEqual([['token', 't', 'expired', ['sess/a/1.wav', 'sess/a/2.wav', 'sess/b.wav']]]);
  });

  it('keeps a token whole when one of its files is protected or young, and says why', () => {
    const files = [file('p1', 600), file('p2.keep', 600), file('y1', 600), file('y2', 2)];
    const p = plan(
      files,
      { prot: { expires_at: 1, files: ['p1', 'p2.keep'] }, young: { expires_at: 1, files: ['y1', 'y2'] } },
      { protect: ['*.keep'] },
    );
    expect(p.units).toEqual([]);
    expect(p.held).toEqual([
      { id: 'prot', reason: 'expired', why: 'p2.keep is protected' },
      { id: 'young', reason: 'expired', why: 'y2 is younger than 10 min' },
    ]);
    expect(p.notes).toContain('token prot (expired) is kept whole: p2.keep is protected');
    expect(p.overLimitAfter).toBe(true);
  });

  it('keeps whole a token that lists a hostile path or a link, and removes none of its files', () => {
    const files = [file('a', 600), file('b', 600), file('c', 600)];
    const p = plan(
      files,
      {
        up: { expires_at: 1, files: ['a', '../x'] },
        abs: { expires_at: 1, files: ['b', '/etc/passwd'] },
        link: { expires_at: 1, files: ['c', 'link-out'] },
      },
      {},
      [['link-out', 'is a symbolic link']],
    );
    expect(p.units).toEqual([]);
    expect(p.held.map((h) => [h.id, h.why])).toEqual([
      ['abs', 'it lists "/etc/passwd", which is absolute'],
      ['link', 'link-out is a symbolic link'],
      ['up', 'it lists "../x", which climbs out of the folder with ..'],
    ]);
  });

  it('removes a file listed by two tokens only with the last of them', () => {
    const files = [file('shared', 600, 10), file('own', 600, 5)];
    const one = plan(files, {
      a: { expires_at: 1, files: ['shared', 'own'] },
      b: { expires_at: hoursAgo(-1), files: ['shared'] },
    });
    expect(units(one)).toEqual([['token', 'a', 'expired', ['own']]]);
    expect(one.units[0]!.shared).toEqual(['shared']);
    const both = plan(files, {
      a: { expires_at: 1, files: ['shared', 'own'] },
      b: { expires_at: 2, files: ['shared'] },
    });
    expect(units(both)).toEqual([
      ['token', 'a', 'expired', ['own']],
      ['token', 'b', 'expired', ['shared']],
    ]);
  });

  it('removes the oldest tokens when over max_size_gb until at size_target_percent, after expired and orphans', () => {
    const files = [
      fileDays('t1', 5, 4 * MB),
      fileDays('t2', 4, 4 * MB),
      fileDays('t3', 3, 4 * MB),
      fileDays('orphan', 3, 2 * MB),
      fileDays('x', 3, 2 * MB),
    ];
    const live = (days: number, f: string) => ({
      created_at: hoursAgo(24 * days),
      expires_at: hoursAgo(-24),
      files: [f],
    });
    const p = plan(
      files,
      { t1: live(5, 't1'), t2: live(4, 't2'), t3: live(3, 't3'), x: { expires_at: 1, files: ['x'] } },
      { maxSizeBytes: 10 * MB, sizeTargetPercent: 50 },
    );
    // 16 MB; expired x (2) and the orphan (2) leave 12 > 10; oldest tokens until at or under 5 MB.
    expect(units(p)).toEqual([
      ['token', 'x', 'expired', ['x']],
      ['orphan', 'orphan', 'orphan', ['orphan']],
      ['token', 't1', 'size', ['t1']],
      ['token', 't2', 'size', ['t2']],
    ]);
    expect(p.units[2]!.label).toBe('token t1 · 1 file · 4 MB · 5 days old');
    expect(p.overLimitAfter).toBe(false);
  });

  it('counts tokens for max_files, ages tokens by created_at, else by their newest file', () => {
    const files = [fileDays('a', 9), fileDays('b1', 8), fileDays('b2', 1), fileDays('c', 2)];
    const counted = plan(
      files,
      { a: { files: ['a'] }, b: { files: ['b1', 'b2'] }, c: { files: ['c'] } },
      { maxFiles: 1 },
    );
    // a is 9 days old, b's newest file 1 day, c 2 days: a, then c.
    expect(units(counted)).toEqual([
      ['token', 'a', 'count', ['a']],
      ['token', 'c', 'count', ['c']],
    ]);
    const aged = plan(
      files,
      {
        a: { files: ['a'] },
        b: { created_at: hoursAgo(24 * 8), expires_at: hoursAgo(-1), files: ['b1', 'b2'] },
        c: { files: ['c'] },
      },
      { maxAgeDays: 7 },
    );
    expect(units(aged)).toEqual([
      ['token', 'a', 'age', ['a']],
      ['token', 'b', 'age', ['b1', 'b2']],
    ]);
  });

  it('says so when held tokens keep the folder over its limit', () => {
    const files = [fileDays('a', 5, 8 * MB), fileDays('b', 4, 8 * MB)];
    const p = plan(
      files,
      { a: { created_at: hoursAgo(1), files: ['a'] }, b: { files: ['b'] } },
      { maxSizeBytes: 10 * MB, protect: ['a'] },
    );
    expect(units(p)).toEqual([['token', 'b', 'size', ['b']]]);
    const q = plan(
      files,
      { a: { files: ['a'] }, b: { files: ['b'] } },
      { maxSizeBytes: 4 * MB, protect: ['*'] },
    );
    expect(q.units).toEqual([]);
    expect(q.notes[0]).toBe(
      'size: 16 MB would remain over the 4 MB limit; 2 tokens are kept whole (see below)',
    );
    expect(q.overLimitAfter).toBe(true);
  });

  it('removes no orphan while an entry’s files cannot be read, and keeps the files of skipped entries', () => {
    const files = [file('a', 600), file('b', 600)];
    const unknown = plan(files, { t: { expires_at: 1, files: ['a'] }, bad: { files: 7 } });
    expect(units(unknown)).toEqual([['token', 't', 'expired', ['a']]]);
    expect(unknown.notes.some((n) => n.startsWith('orphans were not removed'))).toBe(true);
    const known = plan(files, { bad: { expires_at: 'soon', files: ['b'] } });
    expect(units(known)).toEqual([['orphan', 'a', 'orphan', ['a']]]);
    expect(known.notes).toContain(
      'token file: token "bad" was skipped: expires_at "soon" is neither an ISO 8601 time nor epoch seconds',
    );
  });

  it('plans nothing for a disabled folder', () => {
    const p = plan([file('a', 600)], { t: { expires_at: 1, files: ['a'] } }, { enabled: false });
    expect(p.units).toEqual([]);
  });

  it('keeps excluded files out of every count and keeps a token listing one', () => {
    const files = [file('a', 600), file('cache.tmp', 600)];
    const p = plan(files, { t: { expires_at: 1, files: ['a', 'cache.tmp'] } }, { exclude: ['*.tmp'] });
    expect(p.units).toEqual([]);
    expect(p.held[0]!.why).toBe('cache.tmp is excluded');
  });
});
