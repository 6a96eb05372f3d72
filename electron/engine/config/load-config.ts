/**
 * Loads config.yaml: text → YAML → schema → `AppConfig`, then refuses dangerous roots. Every problem comes
 * back as an issue with the place it was found (`FILE:LINE:COL`), all of them at once, never a throw.
 */
import os from 'node:os';
import path from 'node:path';
import { configFileSchema, folderConfigSchema, type ConfigFile } from '../../../shared/config-schema.js';
import type {
  AppConfig,
  ConfigErrorInfo,
  ConfigIssue,
  ConfigSource,
  FolderRules,
} from '../../../shared/types.js';
import { isChatterboxData, readChatterbox } from './chatterbox.js';
import { issueAtPath, schemaIssues, sortIssues, type IssueSite } from './config-issues.js';
import { normaliseConfig } from './normalise-config.js';
import { parseYaml } from './parse-yaml.js';
import { readConfigText } from './read-config-text.js';
import { checkRoots, realPathOf } from './safe-roots.js';
import type { YamlPath } from './yaml-positions.js';
import { PARSED_ONCE } from '../../../shared/parse-once.js';

export interface LoadContext {
  /** Headroom's data folder (config, history, sample folders): never a managed root. */
  dataDir: string;
  /** The home folder `~` expands to; defaults to the current user's. */
  home?: string;
}

export type LoadResult =
  | {
      ok: true;
      config: AppConfig;
      source: ConfigSource;
      warnings: ConfigIssue[];
      /** The file as written, in its YAML shape (for a Chatterbox file: the three folders it stands for). */
      written: ConfigFile;
    }
  | { ok: false; error: ConfigErrorInfo };

const fail = (file: string, issues: ConfigIssue[]): LoadResult => ({
  ok: false,
  error: { file, issues: sortIssues(issues), usingLastGood: false },
});

/** Reads and loads `file`. A missing file is an error that says so; the caller decides to write a default. */
export async function loadConfigFile(file: string, ctx: LoadContext): Promise<LoadResult> {
  const absolute = path.resolve(file);
  const read = await readConfigText(absolute);
  if (!read.ok) return fail(absolute, [read.issue]);
  return parseConfigText(read.text, absolute, ctx);
}

/** Loads config text as if read from `file` (relative paths in it resolve against `file`'s folder). */
export async function parseConfigText(text: string, file: string, ctx: LoadContext): Promise<LoadResult> {
  const absolute = path.resolve(file);
  const yaml = parseYaml(text, absolute);
  if (!yaml.ok) return fail(absolute, yaml.issues);
  const { site, data } = yaml;
  const kind: ConfigSource['kind'] = isChatterboxData(data) ? 'chatterbox' : 'headroom';
  const shaped = kind === 'chatterbox' ? readChatterbox(data, site) : readHeadroom(data, site);
  if (!shaped.ok) return fail(absolute, shaped.issues);
  const home = ctx.home ?? os.homedir();
  const config = normaliseConfig(shaped.file, { configDir: path.dirname(absolute), home });
  const places = { home, dataDir: path.resolve(ctx.dataDir), configFile: absolute };
  const problems = await checkRoots(config.folders, places);
  if (problems.length > 0) {
    const issues = problems.map((p) => issueAtPath(site, shaped.pathAnchors[p.index] ?? [], p.message));
    return fail(absolute, issues);
  }
  const warnings = sortIssues([...yaml.warnings, ...shaped.warnings]);
  const resolved = { ...config, folders: await Promise.all(config.folders.map(atRealRoot)) };
  return { ok: true, config: resolved, source: { file: absolute, kind }, warnings, written: shaped.file };
}

/**
 * A configured root that is itself a link (outputs → /mnt/big/outputs, a common way to move a tool's
 * output to a bigger disk) is managed at its target, which checkRoots has just vetted by the same real
 * path. Inside a root nothing is ever followed; the scanner and executor refuse a root that is a link.
 */
async function atRealRoot(folder: FolderRules): Promise<FolderRules> {
  return { ...folder, path: await realPathOf(folder.path) };
}

type Shaped =
  | { ok: true; file: ConfigFile; pathAnchors: YamlPath[]; warnings: ConfigIssue[] }
  | { ok: false; issues: ConfigIssue[] };

const TOP_KEYS = Object.keys(configFileSchema.shape);
const FOLDER_KEYS = Object.keys(folderConfigSchema.shape);

function readHeadroom(data: Record<string, unknown>, site: IssueSite): Shaped {
  const parsed = configFileSchema.safeParse(data, PARSED_ONCE);
  if (parsed.success) {
    const pathAnchors = parsed.data.folders.map((_, i): YamlPath => ['folders', i, 'path']);
    return { ok: true, file: parsed.data, pathAnchors, warnings: [] };
  }
  const issues = schemaIssues(site, parsed.error.issues, {
    knownKeysAt: (p) => (p.length === 0 ? TOP_KEYS : p.length === 2 && p[0] === 'folders' ? FOLDER_KEYS : []),
    labelAt: (p) => folderLabel(data.folders, p),
  });
  return { ok: false, issues };
}

/** "folder temp" for issues inside a folder entry (not for its name, which may be the problem). */
function folderLabel(folders: unknown, p: YamlPath): string | null {
  if (p[0] !== 'folders' || typeof p[1] !== 'number' || p[2] === 'name' || !Array.isArray(folders))
    return null;
  const name: unknown = (folders[p[1]] as Record<string, unknown> | undefined)?.name;
  return typeof name === 'string' && name !== '' ? `folder ${name}` : `folder ${p[1] + 1}`;
}
