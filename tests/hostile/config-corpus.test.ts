/**
 * Hostile config files (issue 7 item 3): every case is refused with a clear message pinned to its place,
 * never a throw, a stack trace or a parser's internals, and quickly (an alias bomb or a 10 MB file must
 * not hang the app). Odd but harmless files load as meant.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  loadConfigFile,
  parseConfigText,
  type LoadResult,
} from '../../electron/engine/config/load-config.js';
import { makeConfigWorld, type ConfigWorld } from '../integration/config/config-fixture.js';
import { ACCEPTED_CASES, ALL_REFUSED, type ConfigCase } from './config-cases.js';

let world: ConfigWorld;
beforeAll(async () => {
  world = await makeConfigWorld();
  await fs.symlink('/etc', path.join(world.project, 'link-to-etc'));
});
afterAll(() => world.cleanup());

/** Each case gets its own file, so byte cases never see each other's leftovers. */
async function load(c: Pick<ConfigCase, 'name' | 'yaml' | 'bytes'>, index: number): Promise<LoadResult> {
  const file = world.file(`case-${index}.yaml`);
  if (c.bytes !== undefined) {
    await fs.writeFile(file, c.bytes);
    return loadConfigFile(file, world.ctx);
  }
  return parseConfigText(c.yaml ?? '', file, world.ctx);
}

/** A message a person can act on: one line, no stack frames, no parser API names. */
function expectReadable(message: string): void {
  expect(message).not.toMatch(/\n|\bat .*\(.*:\d+:\d+\)|YAML\.\w+\(|Maximum call stack|undefined|\[object /);
  expect(message.length).toBeLessThan(400);
}

describe('hostile config files are refused with a clear message', () => {
  it(`the corpus holds at least 100 refused cases (${ALL_REFUSED.length})`, () => {
    expect(ALL_REFUSED.length).toBeGreaterThanOrEqual(100);
    expect(new Set(ALL_REFUSED.map((c) => c.name)).size).toBe(ALL_REFUSED.length);
  });

  it.each(ALL_REFUSED.map((c, i) => [c.name, c, i] as const))('%s', async (_name, c, index) => {
    // Each case must come back refused; how fast is the bench's to say, not a test's on a busy machine.
    const result = await load(c, index);
    if (result.ok) throw new Error(`accepted: ${JSON.stringify(result.config.folders[0])}`);
    const { issues } = result.error;
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.map((i) => i.message)).toContainEqual(expect.stringMatching(c.expect));
    for (const issue of issues) {
      expectReadable(issue.message);
      expect(issue.file).toBe(world.file(`case-${index}.yaml`));
    }
    if (c.key !== undefined) {
      const pinned = issues.find((i) => c.expect.test(i.message));
      expect(pinned?.key).toBe(c.key);
      expect(pinned?.line).toBeGreaterThan(0);
    }
  });
});

describe('odd but harmless config files load as meant', () => {
  it.each(ACCEPTED_CASES.map((c, i) => [c.name, c, i] as const))('%s', async (_name, c, index) => {
    const result = await load(c, 1000 + index);
    if (!result.ok) throw new Error(JSON.stringify(result.error.issues));
    expect(result.config.folders.map((f) => [f.name, f.maxFiles])).toEqual([['a', c.maxFiles]]);
    expect(result.config.folders[0]?.path).toBe(path.join(world.project, 'a'));
  });

  it('an unknown tag on a valid value loads the plain value and warns, never runs anything', async () => {
    const text = 'folders:\n  - name: a\n    path: !custom ./a\n    max_files: 1\n';
    const result = await parseConfigText(text, world.file(), world.ctx);
    if (!result.ok) throw new Error(JSON.stringify(result.error.issues));
    expect(result.config.folders[0]?.path).toBe(path.join(world.project, 'a'));
    expect(result.warnings.map((w) => [w.line, w.message])).toEqual([[3, 'Unresolved tag: !custom']]);
  });
});
