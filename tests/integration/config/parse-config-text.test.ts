import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import { parseConfigText, type LoadResult } from '../../../electron/engine/config/load-config.js';
import { formatConfigIssue } from '../../../shared/config-issue.js';
import { makeConfigWorld, type ConfigWorld } from './config-fixture.js';

let world: ConfigWorld;
beforeEach(async () => {
  world = await makeConfigWorld();
});
afterEach(() => world.cleanup());

const parse = (text: string): Promise<LoadResult> => parseConfigText(text, world.file(), world.ctx);

/** The issues of a failed load as `LINE:COL: message` (file name left out for readability). */
async function problems(text: string): Promise<string[]> {
  const result = await parse(text);
  if (result.ok) throw new Error('expected the config to be refused');
  return result.error.issues.map((i) => formatConfigIssue(i).slice(world.file().length + 1));
}

describe('parseConfigText: valid files', () => {
  it('reads cleanup_interval_hours: 0 as scheduled cleanup off, as a Chatterbox file does', async () => {
    const result = await parse(
      'cleanup_interval_hours: 0\nfolders:\n  - name: a\n    path: a\n    max_files: 5\n',
    );
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.config.cleanupIntervalHours).toBeNull();
    expect(await problems('cleanup_interval_hours: -1\nfolders: []\n')).toEqual([
      '1:25: cleanup_interval_hours must be 0 (off) or more',
    ]);
  });

  it('normalises the DESIGN.md example: ~ expanded, GB in 1024³ bytes, defaults filled', async () => {
    const result = await parse(`warning_threshold_percent: 75
folders:
  - name: outputs
    path: ~/chatterbox/outputs
    max_size_gb: 5.0
  - name: temp
    path: ~/chatterbox/temp
    max_files: 200
    max_age_days: 7
    action: trash
`);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.source).toEqual({ file: world.file(), kind: 'headroom' });
    expect(result.config.warningThresholdPercent).toBe(75);
    expect(result.config.cleanupIntervalHours).toBe(5);
    expect(result.config.freeSpaceFloorPercent).toBe(5);
    const [outputs, temp] = result.config.folders;
    expect(outputs).toMatchObject({
      path: path.join(world.home, 'chatterbox', 'outputs'),
      maxSizeBytes: 5 * 1024 ** 3,
      maxFiles: null,
      maxAgeDays: null,
      minAgeMinutes: 10,
      sizeTargetPercent: 80,
      action: 'delete',
      enabled: true,
      exclude: [],
    });
    expect(temp).toMatchObject({ maxFiles: 200, maxAgeDays: 7, maxSizeBytes: null, action: 'trash' });
  });

  it('allows fractional GB and resolves relative paths against the config file, normalising ..', async () => {
    const result = await parse('folders:\n  - { name: a, path: ../shared/./a, max_size_gb: 0.25 }\n');
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.config.folders[0]?.maxSizeBytes).toBe(0.25 * 1024 ** 3);
    expect(result.config.folders[0]?.path).toBe(path.join(world.home, 'shared', 'a'));
  });

  it('expands only ~ and ~/…, not ~user', async () => {
    const result = await parse('folders:\n  - { name: a, path: "~", max_files: 1 }\n');
    // "~" alone is the home folder, which is refused: the refusal proves it was expanded.
    if (result.ok) throw new Error('home must be refused');
    expect(result.error.issues.map((i) => i.message)).toEqual([
      'a cannot be managed because it is your home folder',
    ]);
    const ok = await parse('folders:\n  - { name: b, path: ~bob/x, max_files: 1 }\n');
    expect(ok.ok && ok.config.folders[0]?.path).toBe(path.join(world.project, '~bob', 'x'));
  });
});

describe('parseConfigText: every problem, with its place', () => {
  it('names an unknown key at the key itself and suggests the close known key', async () => {
    expect(
      await problems(`folders:
  - name: temp
    path: temp
    max_file: 200
    max_age_days: 7
`),
    ).toEqual(['4:5: folder temp: unknown key max_file; did you mean max_files?']);
  });

  it('reports all issues at once, in file order: types, zero and negative limits, missing limit', async () => {
    expect(
      await problems(`cleanup_interval_hours: "5"
folders:
  - name: a
    path: a
  - name: b
    path: b
    max_files: 0
    max_size_gb: -1
  - name: c
    path: c
    max_age_days: yes
colour: blue
`),
    ).toEqual([
      '1:25: cleanup_interval_hours must be a number',
      '3:5: folder a: a folder needs at least one limit: max_size_gb, max_files or max_age_days',
      '7:16: folder b: max_files must be greater than 0',
      '8:18: folder b: max_size_gb must be greater than 0',
      '11:19: folder c: max_age_days must be a number',
      '12:1: unknown key colour',
    ]);
  });

  it('refuses a leading ! in protect or exclude, saying how to write what was meant', async () => {
    expect(
      await problems(`folders:
  - name: a
    path: a
    max_files: 5
    protect: ["*.wav", "!*.png"]
    exclude:
      - "!cache/**"
`),
    ).toEqual([
      '5:24: folder a: a leading ! does not negate here; list the files to keep under protect instead (\\! matches a name that starts with !)',
      '7:9: folder a: a leading ! does not negate here; list the files to leave out under exclude instead (\\! matches a name that starts with !)',
    ]);
    const escaped = await parse(
      'folders:\n  - name: a\n    path: a\n    max_files: 5\n    protect: ["\\\\!keep"]\n',
    );
    expect(escaped.ok).toBe(true);
  });

  it('reports duplicate names even when another folder has its own problem', async () => {
    const found = await problems(`folders:
  - { name: Temp, path: a, max_files: 1 }
  - { name: temp, path: b, max_files: -1 }
`);
    expect(found).toEqual([
      '3:13: duplicate folder name "temp" (also folder 1)',
      '3:39: folder temp: max_files must be greater than 0',
    ]);
  });

  it('says which key is missing, at the mapping that lacks it', async () => {
    expect(await problems('folders:\n  - max_files: 3\n')).toEqual([
      '2:5: missing key name: name must be text',
      '2:5: folder 1: missing key path: path must be text',
    ]);
    expect(await problems('notifications: false\n')).toEqual([
      '1:1: missing key folders: folders must be a list',
    ]);
  });

  it("reports bad YAML at the yaml library's own position", async () => {
    expect(await problems('folders:\n  - name: a\n    path: [x\n    max_files: 3\n')).toEqual([
      '4:5: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ]);
    expect(await problems('folders:\n  - name: "a\n')).toEqual(['3:1: Missing closing "quote']);
  });

  it('makes a duplicate key an error at the second occurrence', async () => {
    expect(
      await problems('folders:\n  - name: a\n    path: a\n    max_files: 3\n    max_files: 4\n'),
    ).toEqual(['5:5: duplicate key: each key may appear only once in a mapping']);
  });

  it('refuses an alias expansion bomb', async () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      lines.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${prev}`).join(', ')}]`,
      );
    }
    const found = await problems(lines.join('\n') + '\n');
    expect(found).toEqual([expect.stringMatching(/^2:\d+: aliases expand to too much data/)]);
  });

  it('refuses an empty file, a comment-only file and a top level that is not a mapping', async () => {
    const empty = await parse('');
    expect(!empty.ok && empty.error.issues[0]).toMatchObject({
      line: null,
      message: expect.stringMatching(/empty/),
    });
    const comments = await parse('# nothing yet\n');
    expect(!comments.ok && comments.error.issues[0]?.message).toMatch(/empty/);
    expect(await problems('- outputs\n- temp\n')).toEqual([
      '1:1: the top level must be a mapping of keys (such as folders:), not a list',
    ]);
    expect(await problems('just text\n')).toEqual([
      '1:1: the top level must be a mapping of keys (such as folders:), not a single value',
    ]);
  });

  it('refuses text over 1 MB', async () => {
    const big = 'folders: []\n' + '#'.repeat(1024 * 1024) + '\n';
    const result = await parse(big);
    expect(!result.ok && result.error.issues[0]?.message).toMatch(
      /more than the 1 MB a config file may hold/,
    );
  });
});
