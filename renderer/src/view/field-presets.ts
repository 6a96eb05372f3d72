/**
 * Presets offered by each number field of the settings, in words, the way Windows Storage Sense offers
 * "1 day, 14 days, 30 days, 60 days": the field stays a strict text field (shared/config-fields.ts parses
 * what is typed or picked), the presets are a list the browser shows under it.
 */
export interface Preset {
  value: string;
  label: string;
}

const list = (values: number[], say: (n: number) => string): Preset[] =>
  values.map((n) => ({ value: String(n), label: say(n) }));
const unit = (one: string, many: string) => (n: number) => `${n} ${n === 1 ? one : many}`;

/** Presets by config.yaml key; a key without presets gets none. */
export const FIELD_PRESETS: Record<string, Preset[]> = {
  max_size_gb: list([1, 2, 5, 10, 20, 50, 100], (n) => `${n} GB`),
  max_files: list([100, 200, 500, 1000, 5000, 10000], unit('file', 'files')),
  max_age_days: list([1, 7, 14, 30, 60, 90], unit('day', 'days')),
  min_age_minutes: list([0, 10, 60], unit('minute', 'minutes')),
  size_target_percent: list([50, 70, 80, 90], (n) => `${n}%`),
  warning_threshold_percent: list([70, 80, 90], (n) => `${n}%`),
  cleanup_interval_hours: [
    ...list([1, 5, 12], unit('hour', 'hours')),
    { value: '24', label: '24 hours (daily)' },
    { value: '168', label: '168 hours (weekly)' },
    { value: '0', label: 'off' },
  ],
  free_space_floor_percent: list([5, 10, 15], (n) => `${n}%`),
  poll_interval_seconds: list([30, 60, 300], unit('second', 'seconds')),
};
