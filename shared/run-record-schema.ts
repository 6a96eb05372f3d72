/**
 * The runtime schema of a `RunRecord` (shared/types.ts), so a record read back from the history file, or
 * received over the wire, is checked before it is trusted. Unknown keys are dropped, not rejected, so a
 * history written by a newer version still reads.
 */
import { z } from 'zod';
import type { RunRecord } from './types.js';

const count = z.number().int().nonnegative();
const bytes = z.number().finite().nonnegative();
const reason = z.enum(['age', 'count', 'size', 'partial', 'orphan', 'expired']);

const folderRunResultSchema = z.object({
  name: z.string(),
  removed: z.array(z.object({ path: z.string(), sizeBytes: bytes, reason })),
  skipped: z.array(
    z.object({
      path: z.string(),
      why: z.enum([
        'changed',
        'gone',
        'not-a-regular-file',
        'outside-root',
        'protected',
        'too-young',
        'cancelled',
        'retry-later',
        'in-use',
        'shared-folder',
        'trash-unavailable',
        'unit-kept',
      ]),
      detail: z.string().optional(),
    }),
  ),
  errors: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })),
  filesRemoved: count,
  bytesFreed: bytes,
  bytesRemoved: bytes.optional(),
  bytesTrashed: bytes.optional(),
  removedDirs: z.array(z.string()),
  overLimitAfter: z.boolean(),
  notes: z.array(z.string()),
  omitted: z.object({ removed: count, skipped: count, errors: count }).optional(),
  units: z
    .array(
      z.object({
        id: z.string(),
        label: z.string(),
        reason,
        sizeBytes: bytes,
        outcome: z.enum(['removed', 'kept', 'partly-removed']),
        detail: z.string().optional(),
      }),
    )
    .optional(),
});

export const runRecordSchema = z.object({
  id: z.string().min(1),
  trigger: z.enum(['startup', 'schedule', 'manual', 'emergency', 'low-disk']),
  dryRun: z.boolean(),
  startedAt: z.iso.datetime({ offset: true }),
  finishedAt: z.iso.datetime({ offset: true }).nullable(),
  status: z.enum(['running', 'completed', 'completed_with_errors', 'cancelled', 'interrupted', 'failed']),
  folders: z.array(folderRunResultSchema),
  filesRemoved: count,
  bytesFreed: bytes,
}) satisfies z.ZodType<RunRecord>;
