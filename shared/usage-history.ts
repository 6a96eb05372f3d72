/**
 * The contract of the dashboard's kept data (issue 15 items 2 and 3): usage over time with the space freed,
 * what takes space in a folder, and "Show in folder". Plain types plus the schemas of their requests'
 * inputs' builders, which bridge.ts lists beside the others.
 */
import { z } from 'zod';
import { folderNameSchema } from './config-schema.js';

/** One point of a folder's usage over time: its size and count at `atMs`, and what cleanups freed since the previous point. */
export interface UsagePoint {
  atMs: number;
  sizeBytes: number;
  fileCount: number;
  /** Bytes cleanups removed from the folder in this point's interval (0 when none ran). */
  freedBytes: number;
}

/** What one folder's kept history holds for the asked range. */
export interface FolderUsageHistory {
  name: string;
  /** Oldest first, at most the asked number of points; each point closes an interval of `stepMs`. */
  points: UsagePoint[];
  /** The interval the points stand for after thinning (5 minutes, an hour, or a multiple). */
  stepMs: number;
  /** Each interval in which a cleanup freed space (the chart's marks, the per-day totals), oldest first, for the last `freedDays`. */
  freed: { atMs: number; bytes: number }[];
}

export interface UsageHistory {
  folders: FolderUsageHistory[];
  /** Days `freed` covers (at least 30, so "Freed in the last 30 days" is always whole). */
  freedDays: number;
}

/** Built on first use (bridge.ts's requestSchema), like every request's schema. */
export const buildUsageHistoryRequestSchema = () =>
  z.strictObject({
    /** How far back the usage points go, in days. Default 7. */
    days: z
      .number({ error: 'days must be a number of days' })
      .int({ error: 'days must be a whole number of days' })
      .min(1, { error: 'days must be at least 1' })
      .max(90, { error: 'days may be at most 90: usage is kept that long' })
      .optional(),
    /** Points per folder at most (the chart's width needs no more). Default 400. */
    maxPoints: z.number().int().min(10).max(5000).optional(),
  });

/** One entry of a "what takes space" list: a subfolder, a file type, or a file. */
export interface SpaceEntry {
  /** A relative path (`/` separators) for subfolders and files; the extension (`.wav`, or "no extension") for types. */
  label: string;
  sizeBytes: number;
  fileCount: number;
  /** Files only: modification time. */
  mtimeMs?: number;
}

/** What takes space in one folder, from the live index (no scan). */
export interface SpaceBreakdown {
  folder: string;
  sizeBytes: number;
  fileCount: number;
  /** The folder's direct subfolders by size, with the files directly in the root as label "" (at most `limit`). */
  subfolders: SpaceEntry[];
  /** File extensions by size (at most `limit`). */
  types: SpaceEntry[];
  biggest: SpaceEntry[];
  oldest: SpaceEntry[];
}

export const buildSpaceBreakdownRequestSchema = () =>
  z.strictObject({
    folder: folderNameSchema,
    /** Entries per list. Default 10. */
    limit: z.number().int().min(1).max(100).optional(),
  });

/**
 * A file's path relative to its folder, as the index names it: `/` separators, no empty, `.` or `..`
 * segment, not absolute, no NUL or backslash. The engine checks again on disk (symlinks out are refused).
 */
export const buildRelativeFilePathSchema = () =>
  z
    .string({ error: 'path must be a path relative to the folder' })
    .min(1, { error: 'path must name a file in the folder' })
    .max(4096, { error: 'path may be at most 4096 characters' })
    .refine((p) => !p.includes('\0'), { error: 'path must not contain a NUL character' })
    .refine((p) => !p.includes('\\'), { error: 'path must use / between folders, not \\' })
    .refine((p) => !p.startsWith('/') && !/^[A-Za-z]:/.test(p), {
      error: 'path must be relative to the folder, not absolute',
    })
    .refine((p) => p.split('/').every((s) => s !== '' && s !== '.' && s !== '..'), {
      error: 'path must not contain empty, . or .. parts',
    });

export const buildShowInFolderRequestSchema = () =>
  z.strictObject({
    folder: folderNameSchema,
    path: buildRelativeFilePathSchema(),
  });
