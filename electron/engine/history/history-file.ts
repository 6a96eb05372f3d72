/**
 * The history file on disk: JSON lines, one `RunRecord` per line, only ever appended to (or replaced
 * whole, atomically, when compacted).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { runRecordSchema } from '../../../shared/run-record-schema.js';
import type { RunRecord } from '../../../shared/types.js';
import { syncFolder } from '../paths/sync-folder.js';

/** What a read of the file found, records in file order. */
export interface HistoryFileContents {
  records: { record: RunRecord; lineBytes: number }[];
  /** Lines that were not a valid record: truncated JSON, garbage, the wrong shape. Blank lines are not counted. */
  damagedLines: number;
  sizeBytes: number;
  /** False when the file does not end in a newline (a crash cut the last line short): the next append must start one. */
  endsWithNewline: boolean;
  exists: boolean;
}

/** Reads and validates every line. A missing file reads as empty. */
export async function readHistoryFile(file: string): Promise<HistoryFileContents> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return { records: [], damagedLines: 0, sizeBytes: 0, endsWithNewline: true, exists: false };
    }
    throw error;
  }
  const contents: HistoryFileContents = {
    records: [],
    damagedLines: 0,
    sizeBytes: Buffer.byteLength(text),
    endsWithNewline: text === '' || text.endsWith('\n'),
    exists: true,
  };
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const record = parseRecordLine(line);
    if (record) contents.records.push({ record, lineBytes: Buffer.byteLength(line) + 1 });
    else contents.damagedLines++;
  }
  return contents;
}

/** A record from one line, or null when the line is not valid JSON of a valid record. */
export function parseRecordLine(line: string): RunRecord | null {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return null;
  }
  const parsed = runRecordSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

/**
 * Appends `text` and flushes it to disk before resolving: a run's start must be durable before its first
 * removal. When the append created the file, the folder is flushed too, so the file itself survives a crash.
 */
export async function appendDurably(file: string, text: string, created: boolean): Promise<void> {
  const handle = await fs.open(file, 'a');
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
  if (created) await syncFolder(path.dirname(file));
}
