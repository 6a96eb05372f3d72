/**
 * Compaction of the history file: the runs to keep, and a new file holding their full lines copied from
 * the old one, replaced atomically (temp file, fsync, rename), so no run loses its detail by being kept.
 */
import { promises as fs } from 'node:fs';
import { writeFileAtomic } from '../fs/atomic-write.js';
import type { HistoryEntry, LineSpan } from './history-entry.js';
import { fileIdentity, openForRead, parseRunLine, readLineBytes } from './history-file.js';

export interface CompactionLimits {
  maxRuns: number;
  maxFileBytes: number;
}

/**
 * The runs a compaction keeps, newest first: every running run (its start must never be lost), then the
 * newest others up to `maxRuns` in all and half of `maxFileBytes`, and always at least the newest one.
 */
export function keepForCompaction(
  newestFirst: readonly HistoryEntry[],
  limits: CompactionLimits,
): HistoryEntry[] {
  const keep: HistoryEntry[] = [];
  let bytes = 0;
  for (const e of newestFirst) {
    const lineBytes = lineBytesOf(e);
    const running = e.summary.status === 'running';
    const fits =
      keep.length < limits.maxRuns && (keep.length === 0 || bytes + lineBytes <= limits.maxFileBytes / 2);
    if (!running && !fits) continue;
    keep.push(e);
    bytes += lineBytes;
  }
  return keep;
}

/** What a compaction wrote. */
export interface CompactedFile {
  /** The new place of each kept run's line, in the order the runs were given. */
  lines: LineSpan[];
  sizeBytes: number;
  fileId: string;
  /** Kept runs whose line was no longer a valid record: each was written as its summary instead. */
  damagedLines: number;
}

/**
 * Replaces `file` with the lines of `keep` (in that order), each copied byte for byte from where it is
 * now after checking it still holds that run's record. A run whose line is gone or damaged is written as
 * its summary, so it is never dropped.
 */
export async function writeCompacted(file: string, keep: readonly HistoryEntry[]): Promise<CompactedFile> {
  const pieces: Buffer[] = [];
  const lines: LineSpan[] = [];
  let sizeBytes = 0;
  let damagedLines = 0;
  const handle = await openForRead(file);
  try {
    for (const e of keep) {
      const line = handle && e.line ? await readLineBytes(handle, e.line) : null;
      // A valid line is copied as it is: re-serialising the parsed record could drop fields a newer version wrote.
      const copied = line && parseRunLine(line, e.summary.id) ? line : null;
      if (!copied && e.line) damagedLines++;
      const bytes = copied ?? Buffer.from(JSON.stringify(e.summary), 'utf8');
      lines.push({ offsetBytes: sizeBytes, lengthBytes: bytes.length });
      pieces.push(bytes, NEWLINE);
      sizeBytes += bytes.length + 1;
    }
  } finally {
    await handle?.close();
  }
  await writeFileAtomic(file, Buffer.concat(pieces, sizeBytes));
  const fileId = fileIdentity(await fs.stat(file));
  return { lines, sizeBytes, fileId, damagedLines };
}

const NEWLINE = Buffer.from('\n');

function lineBytesOf(e: HistoryEntry): number {
  return e.line ? e.line.lengthBytes + 1 : Buffer.byteLength(JSON.stringify(e.summary)) + 1;
}
