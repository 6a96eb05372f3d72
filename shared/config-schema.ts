/**
 * The schema of config.yaml as a person writes it (snake_case keys). The engine validates files with it
 * and normalises them to `AppConfig`; the renderer's settings editor validates edits with the same schema.
 */
import { z } from 'zod';
import type { FolderKind } from './types.js';

const finitePositive = (what: string) =>
  z
    .number({ error: `${what} must be a number` })
    .finite({ error: `${what} must be a finite number` })
    .positive({ error: `${what} must be greater than 0` });

/** Usage (percent of the size or file limit) at which a folder is cleaned at once, for itself or for all. */
const emergencyThreshold = () =>
  z
    .number({ error: 'emergency_threshold_percent must be a number' })
    .gt(0, { error: 'emergency_threshold_percent must be greater than 0' })
    .max(1000, { error: 'emergency_threshold_percent must be at most 1000' })
    .optional();

/** Folder names address folders in every request, so they stay short and path-free. */
export const folderNameSchema = z
  .string({ error: 'name must be text' })
  .min(1, { error: 'name must not be empty' })
  .max(64, { error: 'name must be at most 64 characters' })
  .regex(/^[A-Za-z0-9][A-Za-z0-9 ._-]*$/, {
    error:
      'name may hold letters, digits, spaces, dots, dashes and underscores, and must start with a letter or digit',
  })
  .refine((name) => name !== '.' && name !== '..' && !name.includes('..'), {
    error: 'name must not contain ".."',
  });

/** A glob list; `!` would read as gitignore's negation, which Headroom does not have, so it is refused. */
const globList = (list: 'protect' | 'exclude', meant: string) =>
  z.array(
    z
      .string()
      .min(1, { error: 'a glob must not be empty' })
      .max(1024)
      .refine((glob) => !glob.startsWith('!'), {
        error: `a leading ! does not negate here; list the files to ${meant} under ${list} instead (\\! matches a name that starts with !)`,
      }),
    { error: 'must be a list of glob patterns' },
  );

/** The days `weekly.day` accepts, in `Date#getDay` order (0 = Sunday). */
export const WEEKDAY_NAMES = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
] as const;

/** A local time of day as people write it: "03:00", "3:00", "23:59" (24-hour clock). */
const timeOfDay = (what: string) =>
  z
    .string({ error: `${what} must be a time of day in quotes, like "03:00"` })
    .regex(/^([01]?\d|2[0-3]):[0-5]\d$/, { error: `${what} must be a 24-hour time like "03:00" or "23:30"` });

/**
 * When scheduled cleanup runs: exactly one of `every_hours` (0 = off; what `cleanup_interval_hours`
 * says), `daily_at: "03:00"` or `weekly: { day: sunday, at: "03:00" }`, local time.
 */
export const scheduleSchema = z
  .strictObject({
    every_hours: z
      .number({ error: 'schedule.every_hours must be a number' })
      .finite({ error: 'schedule.every_hours must be a finite number' })
      .min(0, { error: 'schedule.every_hours must be 0 (off) or more' })
      .max(24 * 365, { error: 'schedule.every_hours must be at most a year' })
      .optional(),
    daily_at: timeOfDay('schedule.daily_at').optional(),
    weekly: z
      .strictObject({
        day: z
          .string({ error: 'schedule.weekly.day must be a day of the week, like sunday' })
          .transform((day) => day.trim().toLowerCase())
          .pipe(
            z.enum(WEEKDAY_NAMES, { error: 'schedule.weekly.day must be a day of the week, like sunday' }),
          ),
        at: timeOfDay('schedule.weekly.at'),
      })
      .optional(),
  })
  .refine((s) => [s.every_hours, s.daily_at, s.weekly].filter((v) => v !== undefined).length === 1, {
    error: 'schedule needs exactly one of every_hours, daily_at or weekly',
  });

export type ScheduleConfig = z.infer<typeof scheduleSchema>;

/** What a folder holds, and so what its unit of cleanup is (README "Folder kinds"). */
export const FOLDER_KINDS = [
  'files',
  'huggingface',
  'ollama',
  'manifest',
] as const satisfies readonly FolderKind[];

export const folderConfigSchema = z
  .strictObject({
    name: folderNameSchema,
    path: z
      .string({ error: 'path must be text' })
      .min(1, { error: 'path must not be empty' })
      .max(4096, { error: 'path is too long' })
      .refine((p) => !p.includes('\0'), { error: 'path must not contain a NUL character' }),
    // 1 PB at most: a larger number (say 1e300) would become an infinite, silently absent, limit in bytes.
    max_size_gb: finitePositive('max_size_gb')
      .max(1024 * 1024, { error: 'max_size_gb must be at most 1048576 (1 PB)' })
      .optional(),
    max_files: z
      .number({ error: 'max_files must be a number' })
      .int({ error: 'max_files must be a whole number, like 200' })
      .positive({ error: 'max_files must be greater than 0' })
      .max(Number.MAX_SAFE_INTEGER, { error: 'max_files is too large' })
      .optional(),
    max_age_days: finitePositive('max_age_days').optional(),
    min_age_minutes: z
      .number({ error: 'min_age_minutes must be a number' })
      .finite()
      .min(0, { error: 'min_age_minutes must be 0 or more' })
      .optional(),
    size_target_percent: z
      .number({ error: 'size_target_percent must be a number' })
      .gt(0, { error: 'size_target_percent must be greater than 0' })
      .max(100, { error: 'size_target_percent must be at most 100' })
      .optional(),
    exclude: globList('exclude', 'leave out').optional(),
    protect: globList('protect', 'keep').optional(),
    action: z.enum(['delete', 'trash'], { error: 'action must be "delete" or "trash"' }).optional(),
    enabled: z.boolean({ error: 'enabled must be true or false' }).optional(),
    case_sensitive_globs: z.boolean({ error: 'case_sensitive_globs must be true or false' }).optional(),
    kind: z.enum(FOLDER_KINDS, { error: `kind must be one of ${FOLDER_KINDS.join(', ')}` }).optional(),
    manifest_file: z
      .string({ error: 'manifest_file must be text' })
      .min(1, { error: 'manifest_file must not be empty' })
      .max(4096, { error: 'manifest_file is too long' })
      .refine((p) => !p.includes('\0'), { error: 'manifest_file must not contain a NUL character' })
      .optional(),
    retention_hours: finitePositive('retention_hours').optional(),
    emergency_threshold_percent: emergencyThreshold(),
    // This folder's own schedule, in place of the global one (same three forms).
    schedule: scheduleSchema.optional(),
  })
  .superRefine(checkKindKeys)
  .refine(
    (f) =>
      f.kind === 'manifest' ||
      f.max_size_gb !== undefined ||
      f.max_files !== undefined ||
      f.max_age_days !== undefined,
    { error: 'a folder needs at least one limit: max_size_gb, max_files or max_age_days' },
  );

/**
 * Keys that mean something only for one kind are refused elsewhere rather than ignored, and a model cache
 * cannot go to the trash: a revision's snapshot links point at `../../blobs/…`, so in the trash they
 * dangle, and putting part of a revision back would leave the cache inconsistent. A model can be fetched
 * again; deleting it whole is the honest action.
 */
function checkKindKeys(
  f: { kind?: FolderKind; manifest_file?: string; retention_hours?: number; action?: string },
  ctx: z.RefinementCtx,
): void {
  const kind = f.kind ?? 'files';
  for (const key of ['manifest_file', 'retention_hours'] as const) {
    if (f[key] === undefined || kind === 'manifest') continue;
    ctx.addIssue({
      code: 'custom',
      path: [key],
      message: `${key} applies only to a folder with kind: manifest; this folder is kind: ${kind}`,
    });
  }
  if (f.action === 'trash' && (kind === 'huggingface' || kind === 'ollama')) {
    ctx.addIssue({
      code: 'custom',
      path: ['action'],
      message: `action: trash is not available for kind: ${kind}: a revision's links would dangle in the trash and part of a model put back would break the cache; use action: delete (models can be downloaded again)`,
    });
  }
}

export type FolderConfig = z.infer<typeof folderConfigSchema>;

/** Top-level settings, each optional in the file (defaults in CONFIG_DEFAULTS). */
export const settingsSchema = z.strictObject({
  warning_threshold_percent: z
    .number({ error: 'warning_threshold_percent must be a number' })
    .gt(0, { error: 'warning_threshold_percent must be greater than 0' })
    .max(100, { error: 'warning_threshold_percent must be at most 100' })
    .optional(),
  emergency_threshold_percent: emergencyThreshold(),
  cleanup_on_startup: z.boolean({ error: 'cleanup_on_startup must be true or false' }).optional(),
  // 0 turns scheduled cleanup off, as in Chatterbox's own block.
  cleanup_interval_hours: z
    .number({ error: 'cleanup_interval_hours must be a number' })
    .finite({ error: 'cleanup_interval_hours must be a finite number' })
    .min(0, { error: 'cleanup_interval_hours must be 0 (off) or more' })
    .max(24 * 365, { error: 'cleanup_interval_hours must be at most a year' })
    .optional(),
  free_space_floor_percent: z
    .number({ error: 'free_space_floor_percent must be a number' })
    .min(0, { error: 'free_space_floor_percent must be 0 or more' })
    .max(100, { error: 'free_space_floor_percent must be at most 100' })
    .optional(),
  poll_interval_seconds: z
    .number({ error: 'poll_interval_seconds must be a number' })
    .min(5, { error: 'poll_interval_seconds must be at least 5' })
    .max(86_400, { error: 'poll_interval_seconds must be at most a day' })
    .optional(),
  notifications: z.boolean({ error: 'notifications must be true or false' }).optional(),
  start_at_login: z.boolean({ error: 'start_at_login must be true or false' }).optional(),
});

export type SettingsConfig = z.infer<typeof settingsSchema>;

export const configFileSchema = settingsSchema
  .extend({
    schedule: scheduleSchema.optional(),
    // Low disk (issue 16): below free_space_floor_percent, or below free_space_floor_gb when set, the
    // folders on that volume are cleaned down to their size targets (on_low_disk: clean), or only warned of.
    free_space_floor_gb: z
      .number({ error: 'free_space_floor_gb must be a number' })
      .finite({ error: 'free_space_floor_gb must be a finite number' })
      .min(0, { error: 'free_space_floor_gb must be 0 or more' })
      .optional(),
    on_low_disk: z.enum(['clean', 'warn'], { error: 'on_low_disk must be "clean" or "warn"' }).optional(),
    folders: z
      .array(folderConfigSchema, { error: 'folders must be a list' })
      .max(256, { error: 'at most 256 folders' })
      // Runs even when a folder entry failed (`when`), so one fix does not reveal a second problem; the
      // entries may then be anything, and only names that are text count. The one duplicate check: the
      // file, the settings form and every other path in pass through this schema.
      .superRefine((folders: readonly unknown[], ctx) => duplicateFolderNames(folders, ctx), {
        when: (payload) => Array.isArray(payload.value),
      }),
  })
  .refine((file) => file.schedule === undefined || file.cleanup_interval_hours === undefined, {
    path: ['schedule'],
    error:
      'use either schedule or cleanup_interval_hours, not both (schedule: { every_hours: 5 } is the same as cleanup_interval_hours: 5)',
  });

export type ConfigFile = z.infer<typeof configFileSchema>;

/** A `duplicate folder name` issue at each folder whose name (in any case) an earlier folder already has. */
function duplicateFolderNames(folders: readonly unknown[], ctx: z.RefinementCtx): void {
  const seen = new Map<string, number>();
  folders.forEach((f, i) => {
    const name: unknown = (f as { name?: unknown } | null)?.name;
    if (typeof name !== 'string') return;
    const first = seen.get(name.toLowerCase());
    if (first === undefined) seen.set(name.toLowerCase(), i);
    else
      ctx.addIssue({
        code: 'custom',
        path: [i, 'name'],
        message: `duplicate folder name "${name}" (also folder ${first + 1})`,
      });
  });
}

/** Defaults of every optional key (DESIGN.md: the Chatterbox defaults). */
export const CONFIG_DEFAULTS = {
  warning_threshold_percent: 80,
  emergency_threshold_percent: 100,
  cleanup_on_startup: true,
  cleanup_interval_hours: 5,
  free_space_floor_percent: 5,
  poll_interval_seconds: 60,
  notifications: true,
  start_at_login: false,
  min_age_minutes: 10,
  size_target_percent: 80,
  action: 'delete',
  enabled: true,
  kind: 'files',
  manifest_file: 'recovery_tokens.json',
  retention_hours: 24,
} as const;
