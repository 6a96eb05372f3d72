/**
 * The settings editor's form model: text fields as typed, converted to config.yaml's shape and validated
 * with the same zod schema the engine uses, so a person sees the engine's message before saving.
 */
import type { ConfigPatch, ConfigView } from '../../../shared/bridge.js';
import { fieldWords, readNumberField, type NumberKey } from '../../../shared/config-fields.js';
import { configFileSchema, type FolderConfig, type SettingsConfig } from '../../../shared/config-schema.js';

export const SETTING_NUMBER_KEYS = [
  'warning_threshold_percent',
  'cleanup_interval_hours',
  'free_space_floor_percent',
  'poll_interval_seconds',
] as const;
export const SETTING_BOOLEAN_KEYS = ['cleanup_on_startup', 'notifications', 'start_at_login'] as const;
export const FOLDER_NUMBER_KEYS = [
  'max_size_gb',
  'max_files',
  'max_age_days',
  'min_age_minutes',
  'size_target_percent',
] as const;

type SettingNumberKey = (typeof SETTING_NUMBER_KEYS)[number];
type SettingBooleanKey = (typeof SETTING_BOOLEAN_KEYS)[number];
type FolderNumberKey = (typeof FOLDER_NUMBER_KEYS)[number];

export type SettingsForm = Record<SettingNumberKey, string> & Record<SettingBooleanKey, boolean>;

export type FolderForm = Record<FolderNumberKey, string> & {
  /** Stable React key; not saved. */
  key: string;
  name: string;
  path: string;
  action: 'delete' | 'trash';
  enabled: boolean;
  /** One glob per line. */
  exclude: string;
  protect: string;
  /** The desktop dialog's pick: saved by its handle while the path field still shows its path. */
  picked?: { handle: string; path: string } | undefined;
};

export interface ConfigForm {
  settings: SettingsForm;
  folders: FolderForm[];
}

/** Field errors keyed like `settings.cleanup_interval_hours`, `folders.0.max_files` or `folders.0` (whole folder). */
export type FieldErrors = Record<string, string>;

let nextKey = 0;
const newKey = () => `folder-${++nextKey}`;
const numberText = (n: number | undefined) => (n === undefined ? '' : String(n));

export function folderToForm(folder: FolderConfig): FolderForm {
  return {
    key: newKey(),
    name: folder.name,
    path: folder.path,
    max_size_gb: numberText(folder.max_size_gb),
    max_files: numberText(folder.max_files),
    max_age_days: numberText(folder.max_age_days),
    min_age_minutes: numberText(folder.min_age_minutes),
    size_target_percent: numberText(folder.size_target_percent),
    action: folder.action ?? 'delete',
    enabled: folder.enabled ?? true,
    exclude: (folder.exclude ?? []).join('\n'),
    protect: (folder.protect ?? []).join('\n'),
  };
}

/** An empty folder row for "Add folder"; it fails validation until it has a name, a path and a limit. */
export function emptyFolderForm(): FolderForm {
  return folderToForm({ name: '', path: '' } as FolderConfig);
}

export function toForm(view: ConfigView): ConfigForm {
  const settings = {} as SettingsForm;
  for (const key of SETTING_NUMBER_KEYS) settings[key] = numberText(view.settings[key]);
  for (const key of SETTING_BOOLEAN_KEYS) settings[key] = view.settings[key];
  return { settings, folders: view.folders.map(folderToForm) };
}

/**
 * '' is "not set"; text that does not read as a number is NaN (so the schema cannot take it for a value) and
 * its field's message goes to `unreadable`, which wins over whatever the schema then says of it.
 */
function parseNumber(
  key: NumberKey,
  text: string,
  field: string,
  unreadable: FieldErrors,
): number | undefined {
  const read = readNumberField(key, text);
  if (read.ok) return read.value;
  unreadable[field] = read.message;
  return Number.NaN;
}

function parseGlobs(text: string): string[] | undefined {
  const globs = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  return globs.length > 0 ? globs : undefined;
}

/** Keys the form does not show, kept as the file says them. */
const KEPT_AS_WRITTEN = [
  'case_sensitive_globs',
  'kind',
  'manifest_file',
  'retention_hours',
  'emergency_threshold_percent',
  'schedule',
] as const;

/** The folder as config.yaml would hold it, before validation; unset keys are left out. */
export function folderFromForm(
  form: FolderForm,
  original?: FolderConfig,
  index = 0,
  unreadable: FieldErrors = {},
): Record<string, unknown> {
  const folder: Record<string, unknown> = { name: form.name.trim(), path: form.path.trim() };
  for (const key of FOLDER_NUMBER_KEYS) {
    const value = parseNumber(key, form[key], `folders.${index}.${key}`, unreadable);
    if (value !== undefined) folder[key] = value;
  }
  // Defaults stay implicit unless the file already said them, so saving does not litter config.yaml.
  if (form.action !== 'delete' || original?.action !== undefined) folder.action = form.action;
  if (!form.enabled || original?.enabled !== undefined) folder.enabled = form.enabled;
  // Not on the form: kept as the file says it, so saving another field does not change how globs match.
  // The kind and its keys too: saving a limit must never turn a model cache back into a plain folder.
  for (const key of KEPT_AS_WRITTEN) if (original?.[key] !== undefined) folder[key] = original[key];
  const exclude = parseGlobs(form.exclude);
  const protect = parseGlobs(form.protect);
  if (exclude) folder.exclude = exclude;
  if (protect) folder.protect = protect;
  return folder;
}

function settingsFromForm(form: SettingsForm, unreadable: FieldErrors): Record<string, unknown> {
  const settings: Record<string, unknown> = {};
  // Every setting has a value in the file or a default, so an emptied field is an error, not "unset".
  for (const key of SETTING_NUMBER_KEYS)
    settings[key] = parseNumber(key, form[key], `settings.${key}`, unreadable) ?? Number.NaN;
  for (const key of SETTING_BOOLEAN_KEYS) settings[key] = form[key];
  return settings;
}

export type FormResult = { ok: true; patch: ConfigPatch | null } | { ok: false; errors: FieldErrors };

/**
 * Validates the form with config.yaml's schema and builds the patch: only the settings that changed, and
 * the complete folder list only when a folder changed. `patch` is null when nothing changed.
 */
export function buildPatch(form: ConfigForm, view: ConfigView): FormResult {
  const originals = new Map(view.folders.map((f) => [f.name, f]));
  const unreadable: FieldErrors = {};
  const settings = settingsFromForm(form.settings, unreadable);
  const folders = form.folders.map((f, i) => folderFromForm(f, originals.get(f.name.trim()), i, unreadable));
  const parsed = configFileSchema.safeParse({ ...settings, folders });
  if (!parsed.success) return { ok: false, errors: { ...fieldErrors(parsed.error.issues), ...unreadable } };
  // The schema accepts nothing NaN, so a parse that succeeded had no unreadable field.

  const changedSettings: SettingsConfig = {};
  for (const key of [...SETTING_NUMBER_KEYS, ...SETTING_BOOLEAN_KEYS]) {
    if (parsed.data[key] !== view.settings[key]) Object.assign(changedSettings, { [key]: parsed.data[key] });
  }
  const foldersChanged = stableJson(parsed.data.folders) !== stableJson(view.folders);
  const patch: ConfigPatch = {};
  if (Object.keys(changedSettings).length > 0) patch.settings = changedSettings;
  if (foldersChanged) patch.folders = parsed.data.folders;
  const pickedPaths = form.folders.flatMap(({ picked, path }, index) =>
    picked && picked.path === path.trim() ? [{ index, handle: picked.handle }] : [],
  );
  if (patch.folders && pickedPaths.length > 0) patch.pickedPaths = pickedPaths;
  return { ok: true, patch: Object.keys(patch).length > 0 ? patch : null };
}

function fieldErrors(issues: readonly { path: PropertyKey[]; message: string }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const [head, ...rest] = issue.path.map(String);
    // A glob list's entry (`folders.0.protect.2`) is shown at the list's field.
    const key = head === 'folders' ? ['folders', ...rest.slice(0, 2)].join('.') : `settings.${head ?? ''}`;
    errors[key] ??= fieldWords(key, issue.message);
  }
  return errors;
}

/** JSON with object keys sorted, so two folders that differ only in key order compare equal. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}
