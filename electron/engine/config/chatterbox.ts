/**
 * Chatterbox TTS Extended Plus keeps its own cleanup limits in its config.yaml:
 *
 *   paths: { output_dir: outputs, temp_dir: temp, vc_input_dir: vc_inputs, … }
 *   resource_management:
 *     cleanup: { output_dir_max_size_gb, temp_dir_max_files, temp_dir_max_age_days, vc_inputs_max_size_gb,
 *                cleanup_on_startup, cleanup_interval_hours, warning_threshold_percent }
 *
 * (llm-tutor/Chatterbox-TTS-Extended-Plus, config.yaml and management/resource_manager.py). There is no
 * `enabled` flag; a missing key falls back to Chatterbox's default; `cleanup_interval_hours: 0` turns its
 * periodic cleanup off; the folders come from `paths.*`, relative to the project folder that holds
 * config.yaml. Headroom reads that file as three folders and leaves every other key to Chatterbox.
 */
import { z } from 'zod';
import type { ConfigFile, FolderConfig } from '../../../shared/config-schema.js';
import type { ConfigIssue } from '../../../shared/types.js';
import { issueAtPath, schemaIssues, type IssueSite } from './config-issues.js';
import type { YamlPath } from './yaml-positions.js';
import { PARSED_ONCE } from '../../../shared/parse-once.js';

export const CLEANUP_PATH = ['resource_management', 'cleanup'] as const;

/** Chatterbox's own defaults for a key the block leaves out (resource_manager.py, cleanup_scheduler.py). */
export const CHATTERBOX_DEFAULTS = {
  output_dir_max_size_gb: 5,
  temp_dir_max_files: 200,
  temp_dir_max_age_days: 7,
  vc_inputs_max_size_gb: 2,
  cleanup_on_startup: true,
  cleanup_interval_hours: 5,
  warning_threshold_percent: 80,
} as const;

type CleanupKey = keyof typeof CHATTERBOX_DEFAULTS;
type LimitKey = 'max_size_gb' | 'max_files' | 'max_age_days';

/** The three folders, where Chatterbox keeps their paths, and which cleanup key holds which limit. */
export const CHATTERBOX_FOLDERS: readonly {
  name: string;
  pathKey: string;
  defaultPath: string;
  limits: Partial<Record<LimitKey, CleanupKey>>;
}[] = [
  {
    name: 'outputs',
    pathKey: 'output_dir',
    defaultPath: 'outputs',
    limits: { max_size_gb: 'output_dir_max_size_gb' },
  },
  {
    name: 'temp',
    pathKey: 'temp_dir',
    defaultPath: 'temp',
    limits: { max_files: 'temp_dir_max_files', max_age_days: 'temp_dir_max_age_days' },
  },
  {
    name: 'vc_inputs',
    pathKey: 'vc_input_dir',
    defaultPath: 'vc_inputs',
    limits: { max_size_gb: 'vc_inputs_max_size_gb' },
  },
];

/** Headroom settings stored in the cleanup block under the same names. */
export const CHATTERBOX_SETTINGS = [
  'cleanup_on_startup',
  'cleanup_interval_hours',
  'warning_threshold_percent',
] as const;

/** The longest interval either file accepts. */
const MAX_INTERVAL_HOURS = 24 * 365;

const positive = (key: string) =>
  z
    .number({ error: `${key} must be a number` })
    .finite({ error: `${key} must be a finite number` })
    .positive({ error: `${key} must be greater than 0` });

export const chatterboxCleanupSchema = z.strictObject({
  output_dir_max_size_gb: positive('output_dir_max_size_gb').optional(),
  temp_dir_max_files: positive('temp_dir_max_files')
    .int({ error: 'temp_dir_max_files must be a whole number, like 200' })
    .max(Number.MAX_SAFE_INTEGER, { error: 'temp_dir_max_files is too large' })
    .optional(),
  temp_dir_max_age_days: positive('temp_dir_max_age_days').optional(),
  vc_inputs_max_size_gb: positive('vc_inputs_max_size_gb').optional(),
  cleanup_on_startup: z.boolean({ error: 'cleanup_on_startup must be true or false' }).optional(),
  cleanup_interval_hours: z
    .number({ error: 'cleanup_interval_hours must be a number' })
    .min(0, { error: 'cleanup_interval_hours must be 0 (off) or more' })
    .max(MAX_INTERVAL_HOURS, { error: 'cleanup_interval_hours must be at most a year' })
    .optional(),
  warning_threshold_percent: z
    .number({ error: 'warning_threshold_percent must be a number' })
    .gt(0, { error: 'warning_threshold_percent must be greater than 0' })
    .max(100, { error: 'warning_threshold_percent must be at most 100' })
    .optional(),
});

export const CHATTERBOX_CLEANUP_KEYS = Object.keys(chatterboxCleanupSchema.shape);

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A Chatterbox file: a top-level `resource_management` block and no Headroom `folders` list. */
export function isChatterboxData(data: Record<string, unknown>): boolean {
  return 'resource_management' in data && !('folders' in data);
}

export type ChatterboxRead =
  | { ok: true; file: ConfigFile; pathAnchors: YamlPath[]; warnings: ConfigIssue[] }
  | { ok: false; issues: ConfigIssue[] };

/** Reads the cleanup block (and `paths.*`) as a Headroom config file of three folders. */
export function readChatterbox(data: Record<string, unknown>, site: IssueSite): ChatterboxRead {
  const block = data.resource_management;
  const cleanup = isRecord(block) ? block.cleanup : undefined;
  if (!isRecord(block) || !isRecord(cleanup)) {
    const where = isRecord(block) ? [...CLEANUP_PATH] : ['resource_management'];
    const message = 'resource_management must hold a cleanup: block of limits for Headroom to read';
    return { ok: false, issues: [issueAtPath(site, where, message)] };
  }
  const parsed = chatterboxCleanupSchema.safeParse(cleanup, PARSED_ONCE);
  const issues: ConfigIssue[] = [];
  if (!parsed.success) {
    const prefixed = parsed.error.issues.map((i) => ({ ...i, path: [...CLEANUP_PATH, ...i.path] }));
    issues.push(...schemaIssues(site, prefixed, { knownKeysAt: () => CHATTERBOX_CLEANUP_KEYS }));
  }
  const paths = isRecord(data.paths) ? data.paths : {};
  const folderPaths = CHATTERBOX_FOLDERS.map(({ pathKey, defaultPath }) => {
    const value = paths[pathKey] ?? defaultPath;
    if (typeof value !== 'string' || value === '') {
      issues.push(issueAtPath(site, ['paths', pathKey], `paths.${pathKey} must be the path of a folder`));
    }
    return String(value);
  });
  if (!parsed.success || issues.length > 0) return { ok: false, issues };
  return buildChatterboxConfig(parsed.data, folderPaths, paths);
}

function buildChatterboxConfig(
  cleanup: z.infer<typeof chatterboxCleanupSchema>,
  folderPaths: string[],
  paths: Record<string, unknown>,
): ChatterboxRead {
  const value = <K extends CleanupKey>(key: K) => cleanup[key] ?? CHATTERBOX_DEFAULTS[key];
  const folders = CHATTERBOX_FOLDERS.map(({ name, limits }, i): FolderConfig => {
    const folder: FolderConfig = { name, path: folderPaths[i]! };
    for (const [limit, key] of Object.entries(limits) as [LimitKey, CleanupKey][]) {
      folder[limit] = value(key) as number;
    }
    return folder;
  });
  const pathAnchors = CHATTERBOX_FOLDERS.map(({ pathKey }): YamlPath =>
    pathKey in paths ? ['paths', pathKey] : [...CLEANUP_PATH],
  );
  const file: ConfigFile = {
    warning_threshold_percent: value('warning_threshold_percent'),
    cleanup_on_startup: value('cleanup_on_startup'),
    // 0 stays 0: scheduled cleanup off, in Headroom as in Chatterbox.
    cleanup_interval_hours: value('cleanup_interval_hours'),
    folders,
  };
  return { ok: true, file, pathAnchors, warnings: [] };
}
