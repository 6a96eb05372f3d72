/**
 * The settings form's fields and config.yaml's keys, tied once: what each field is called, how a number typed
 * into one is read, and which field a configuration issue of the engine belongs to. The dashboard shows the
 * engine's refusals at their field with these, in the same words as its own checks.
 */
import type { ConfigIssue } from './types.js';

/** Field paths as the settings form keys its errors: `settings.KEY`, `folders.N.KEY`, `folders.N`, `folders`. */
export type FieldPath = string;

interface NumberField {
  label: string;
  /** Whole numbers only (a count). */
  whole: boolean;
  /** A value that reads right in "must be a number, like …". */
  example: string;
}

/** Every number of config.yaml, by key, as the dashboard names it. */
export const NUMBER_FIELDS = {
  warning_threshold_percent: { label: 'Warn at (% of a limit)', whole: false, example: '80' },
  cleanup_interval_hours: { label: 'Clean up every (hours, 0 = off)', whole: false, example: '5' },
  free_space_floor_percent: { label: 'Warn when disk free below (%)', whole: false, example: '5' },
  poll_interval_seconds: { label: 'Rescan unwatched folders every (seconds)', whole: false, example: '60' },
  max_size_gb: { label: 'Max size (GB)', whole: false, example: '2.5' },
  max_files: { label: 'Max files', whole: true, example: '200' },
  max_age_days: { label: 'Max age (days)', whole: false, example: '7' },
  min_age_minutes: { label: 'Grace period (minutes)', whole: false, example: '10' },
  size_target_percent: { label: 'Size target (%)', whole: false, example: '80' },
} as const satisfies Record<string, NumberField>;

export type NumberKey = keyof typeof NUMBER_FIELDS;

/** The other keys a field shows, by the label the form gives them. */
const OTHER_LABELS: Record<string, string> = {
  name: 'Name',
  path: 'Path',
  exclude: 'Exclude',
  protect: 'Protect',
  action: 'Action',
  enabled: 'Enabled',
};

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const WHOLE = /^\+?\d+$/;

export type NumberRead = { ok: true; value: number | undefined } | { ok: false; message: string };

/**
 * Reads what a person typed into a number field: '' is "not set", anything else must be the whole number
 * (plain digits, no unit, no exponent) or the field says so, in words. `2OO` and `2GB` are refused, never
 * read as 2.
 */
export function readNumberField(key: NumberKey, text: string): NumberRead {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: undefined };
  const field: NumberField = NUMBER_FIELDS[key];
  if (field.whole && !WHOLE.test(trimmed)) {
    return { ok: false, message: `${field.label} must be a whole number, like ${field.example}` };
  }
  if (!DECIMAL.test(trimmed)) {
    return { ok: false, message: `${field.label} must be a number, like ${field.example}` };
  }
  return { ok: true, value: Number(trimmed) };
}

/** The Chatterbox keys the engine reports, as the field of the folder (0 outputs, 1 temp, 2 vc_inputs) they fill. */
const CHATTERBOX_FIELDS: Record<string, FieldPath> = {
  output_dir_max_size_gb: 'folders.0.max_size_gb',
  temp_dir_max_files: 'folders.1.max_files',
  temp_dir_max_age_days: 'folders.1.max_age_days',
  vc_inputs_max_size_gb: 'folders.2.max_size_gb',
  cleanup_on_startup: 'settings.cleanup_on_startup',
  cleanup_interval_hours: 'settings.cleanup_interval_hours',
  warning_threshold_percent: 'settings.warning_threshold_percent',
};
const CHATTERBOX_PATHS: Record<string, FieldPath> = {
  output_dir: 'folders.0.path',
  temp_dir: 'folders.1.path',
  vc_input_dir: 'folders.2.path',
};

/**
 * The field an engine issue belongs to, from its dotted key in the file (`folders.1.max_files`,
 * `warning_threshold_percent`, Chatterbox's `resource_management.cleanup.temp_dir_max_files`); null when it
 * has none (a YAML syntax error, an unreadable file).
 */
export function fieldOfIssue(issue: Pick<ConfigIssue, 'key'>): FieldPath | null {
  if (issue.key === null) return null;
  const parts = issue.key.split('.');
  if (parts[0] === 'folders') {
    if (parts.length === 1) return 'folders';
    // A glob list's entry (`folders.0.protect.2`) belongs to the list's field.
    return parts.slice(0, 3).join('.');
  }
  if (parts[0] === 'resource_management') return CHATTERBOX_FIELDS[parts[2] ?? ''] ?? null;
  if (parts[0] === 'paths') return CHATTERBOX_PATHS[parts[1] ?? ''] ?? null;
  return parts.length === 1 ? `settings.${parts[0]}` : null;
}

/**
 * An issue's message as its field says it: without the "folder temp: " that places it in the file (the
 * field is already in that folder), and naming the key by its label ("max_files must be greater than 0"
 * → "Max files must be greater than 0").
 */
export function fieldWords(field: FieldPath, message: string): string {
  const key = field.split('.').at(-1) ?? '';
  const label = (NUMBER_FIELDS as Record<string, NumberField>)[key]?.label ?? OTHER_LABELS[key];
  const bare = message.replace(/^folder [^:]+: /, '');
  const chatterboxKey = Object.entries(CHATTERBOX_FIELDS).find(([, f]) => f === field)?.[0];
  for (const said of [key, chatterboxKey]) {
    if (label && said && bare.startsWith(`${said} `)) return `${label}${bare.slice(said.length)}`;
  }
  return bare;
}

/** Every issue that has a field, as `{ field: words }` (the first issue of a field wins). */
export function issuesByField(issues: readonly ConfigIssue[]): Record<FieldPath, string> {
  const byField: Record<FieldPath, string> = {};
  for (const issue of issues) {
    const field = fieldOfIssue(issue);
    if (field !== null) byField[field] ??= fieldWords(field, issue.message);
  }
  return byField;
}
