import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { HfCache, hash, rev } from '../../support/hf-cache-tree.js';
import { parseConfigText, type LoadResult } from '../../../electron/engine/config/load-config.js';
import { formatConfigIssue } from '../../../shared/config-issue.js';
import { makeConfigWorld, type ConfigWorld } from '../config/config-fixture.js';

let world: ConfigWorld;
beforeEach(async () => {
  world = await makeConfigWorld();
});
afterEach(() => world.cleanup());

const parse = (text: string): Promise<LoadResult> => parseConfigText(text, world.file(), world.ctx);

async function problems(text: string): Promise<string[]> {
  const result = await parse(text);
  if (result.ok) throw new Error('expected the config to be refused');
  return result.error.issues.map((i) => formatConfigIssue(i).slice(world.file().length + 1));
}

const folder = (extra: string) => `folders:\n  - name: a\n    path: a\n${extra}`;

describe('folder kind in config.yaml (issue 11)', () => {
  it('defaults to kind files; manifest folders get manifest_file and retention_hours defaults', async () => {
    const result = await parse(
      `${folder('    max_files: 5\n')}  - name: tokens\n    path: t\n    kind: manifest\n    max_size_gb: 1\n`,
    );
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const [a, tokens] = result.config.folders;
    expect(a).toMatchObject({ kind: 'files', manifestFile: null, retentionHours: null });
    expect(tokens).toMatchObject({
      kind: 'manifest',
      manifestFile: path.join(world.project, 't', 'recovery_tokens.json'),
      retentionHours: 24,
    });
  });

  it('reads kind huggingface and ollama', async () => {
    for (const kind of ['huggingface', 'ollama']) {
      const result = await parse(folder(`    kind: ${kind}\n    max_size_gb: 10\n`));
      if (!result.ok) throw new Error(JSON.stringify(result.error));
      expect(result.config.folders[0]?.kind).toBe(kind);
    }
  });

  it('refuses an unknown kind, naming the four', async () => {
    expect(await problems(folder('    kind: models\n    max_files: 5\n'))).toEqual([
      '4:11: folder a: kind must be one of files, huggingface, ollama, manifest',
    ]);
  });

  it('refuses manifest_file and retention_hours on a folder that is not kind: manifest', async () => {
    expect(await problems(folder('    max_files: 5\n    manifest_file: tokens.json\n'))).toEqual([
      '5:20: folder a: manifest_file applies only to a folder with kind: manifest; this folder is kind: files',
    ]);
    expect(await problems(folder('    kind: ollama\n    max_files: 5\n    retention_hours: 3\n'))).toEqual([
      '6:22: folder a: retention_hours applies only to a folder with kind: manifest; this folder is kind: ollama',
    ]);
  });

  it('refuses action: trash on a model cache, saying why', async () => {
    const issues = await problems(folder('    kind: huggingface\n    max_files: 5\n    action: trash\n'));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(/^6:13: folder a: action: trash is not available for kind: huggingface/);
  });
});

describe('a files folder with a model cache layout is refused with the kind to use (issue 11)', () => {
  it('a Hugging Face hub cache, pointed at directly or at its parent', async () => {
    const cache = new HfCache(path.join(world.project, 'hf', 'hub'));
    await cache.blob('models--org--m', hash('1'), 10, 0);
    await cache.link('models--org--m', rev('a'), 'config.json', hash('1'), 0);
    for (const p of ['hf/hub', 'hf']) {
      const issues = await problems(`folders:\n  - name: hub\n    path: ${p}\n    max_size_gb: 5\n`);
      expect(issues).toEqual([
        expect.stringMatching(
          /^3:11: hub looks like a Hugging Face hub cache .*; set kind: huggingface so whole revisions or models go$/,
        ),
      ]);
    }
    const ok = await parse(
      'folders:\n  - name: hub\n    path: hf/hub\n    kind: huggingface\n    max_size_gb: 5\n',
    );
    expect(ok.ok).toBe(true);
  });

  it('an Ollama models folder', async () => {
    for (const d of ['manifests/registry.ollama.ai', 'blobs']) {
      await fs.mkdir(path.join(world.project, 'ollama', 'models', d), { recursive: true });
    }
    const issues = await problems('folders:\n  - name: models\n    path: ollama/models\n    max_files: 5\n');
    expect(issues).toEqual([
      expect.stringMatching(/^3:11: models looks like an Ollama models folder .*set kind: ollama/),
    ]);
    const ok = await parse(
      'folders:\n  - name: models\n    path: ollama/models\n    kind: ollama\n    max_files: 5\n',
    );
    expect(ok.ok).toBe(true);
  });

  it('an ordinary folder that happens to hold a blobs/ folder is still fine', async () => {
    await fs.mkdir(path.join(world.project, 'out', 'blobs'), { recursive: true });
    expect((await parse('folders:\n  - name: out\n    path: out\n    max_files: 5\n')).ok).toBe(true);
  });
});
