/**
 * Chatterbox TTS Extended Plus: its `config.yaml` keeps cleanup limits in `resource_management.cleanup`,
 * which Headroom already reads (config/chatterbox.ts). Found, it is proposed as its three folders with
 * the limits that block sets, so Headroom enforces what the user already chose there.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Candidate } from './candidate.js';
import { isChatterboxData, readChatterbox } from '../config/chatterbox.js';
import { parseYaml } from '../config/parse-yaml.js';

const MAX_CONFIG_BYTES = 1024 * 1024;

export async function chatterboxFolders(dir: string, shown: string): Promise<Candidate[] | null> {
  const file = path.join(dir, 'config.yaml');
  const stat = await fs.stat(file).catch(() => null);
  if (!stat?.isFile() || stat.size > MAX_CONFIG_BYTES) return null;
  const text = await fs.readFile(file, 'utf8').catch(() => null);
  if (text === null) return null;
  const yaml = parseYaml(text, file);
  if (!yaml.ok || !isChatterboxData(yaml.data)) return null;
  const read = readChatterbox(yaml.data, yaml.site);
  if (!read.ok) return null;
  return read.file.folders.map(({ name, path: folderPath, ...limits }) => ({
    tool: 'chatterbox' as const,
    kind: 'files' as const,
    path: path.resolve(dir, folderPath),
    name: `chatterbox-${name}`,
    limits,
    foundBy: `Chatterbox ${name} in ${shown}, with the limits of its config.yaml's resource_management block`,
  }));
}
