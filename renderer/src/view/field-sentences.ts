/**
 * Each number field as part of a sentence, the way Windows Storage Sense words its settings ("Delete files
 * older than [30 days]"): the words before the field and the unit after it. Together they are the field's
 * accessible name; the error messages keep the field's short label (shared/config-fields.ts), which reads
 * better as the subject of "… must be a number".
 */
export interface FieldSentence {
  words: string;
  unit: string;
}

/** Sentences by config.yaml key. */
export const FIELD_SENTENCES = {
  max_age_days: { words: 'Remove files older than', unit: 'days' },
  max_size_gb: { words: 'Keep this folder under', unit: 'GB' },
  max_files: { words: 'Keep at most', unit: 'files' },
  min_age_minutes: { words: 'Never touch files newer than', unit: 'minutes' },
  size_target_percent: { words: 'When over the size limit, clean down to', unit: '% of it' },
  warning_threshold_percent: { words: 'Warn at', unit: '% of a limit' },
  cleanup_interval_hours: { words: 'Clean up every', unit: 'hours (0 = off)' },
  free_space_floor_percent: { words: 'Warn when the disk has less than', unit: '% free' },
  poll_interval_seconds: { words: 'Rescan unwatched folders every', unit: 'seconds' },
} as const satisfies Record<string, FieldSentence>;

export type SentenceKey = keyof typeof FIELD_SENTENCES;
