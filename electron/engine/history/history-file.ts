/**
 * The history file on disk: JSON lines, one `RunRecord` per line, only ever appended to (or replaced
 * whole, atomically, when compacted). Lines are addressed by byte offset, so a run's full record can be
 * read back on its own with a positioned read.
 */
import { promises as fs, type Stats } from 'node:fs';
import path from 'node:path';
import { runRecordSchema } from '../../../shared/run-record-schema.js';
import type { RunRecord } from '../../../shared/types.js';
import { syncFolder } from '../fs/sync-folder.js';
import type { HistoryEntry, LineSpan } from './history-entry.js';

/** Which file a path named when it was opened: a compaction (by this or another process) makes a new one. */
export type FileIdentity = string | null;

/** Device, inode and (where the file system keeps it) birth time: a freed inode can be reused at once. */
export function fileIdentity(stats: Stats): string {
  return `${stats.dev}:${stats.ino}:${stats.birthtimeMs}`;
}

/** Opens `file` for positioned reads, or null when it does not exist. */
export async function openForRead(file: string): Promise<fs.FileHandle | null> {
  try {
    return await fs.open(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
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
 * The full record of run `id` from its line at `span`, or null when the bytes there are no longer a
 * valid record of that run (the file was damaged or changed after it was indexed).
 */
export async function readRunLine(
  handle: fs.FileHandle,
  id: string,
  span: LineSpan,
): Promise<RunRecord | null> {
  const bytes = await readLineBytes(handle, span);
  return bytes ? parseRunLine(bytes, id) : null;
}

/** Each entry's full record from the file open on `handle`, or null where its line no longer reads. */
export async function readEntryRecords(
  handle: fs.FileHandle,
  entries: readonly HistoryEntry[],
): Promise<(RunRecord | null)[]> {
  const records: (RunRecord | null)[] = [];
  for (const e of entries) records.push(e.line ? await readRunLine(handle, e.summary.id, e.line) : null);
  return records;
}

/** The bytes at `span`, or null when the file ends before it does. */
export async function readLineBytes(handle: fs.FileHandle, span: LineSpan): Promise<Buffer | null> {
  const bytes = Buffer.allocUnsafe(span.lengthBytes);
  const { bytesRead } = await handle.read(bytes, 0, span.lengthBytes, span.offsetBytes);
  return bytesRead === span.lengthBytes ? bytes : null;
}

/** The record in `bytes` when they are a valid line of run `id`, else null. */
export function parseRunLine(bytes: Buffer, id: string): RunRecord | null {
  const record = parseRecordLine(bytes.toString('utf8'));
  return record?.id === id ? record : null;
}

/** Where an append landed: the offset of its first byte, and the file it went to. */
export interface AppendResult {
  offsetBytes: number;
  fileId: string;
}

/**
 * Appends `text` and flushes it to disk before resolving: a run's start must be durable before its first
 * removal. When the append created the file, the folder is flushed too, so the file itself survives a crash.
 * The offset is taken from the file's size after the write, not from what the caller believes it to be.
 * With `sync` false the text is written (it survives the process, not a power cut) but not flushed.
 */
export async function appendDurably(
  file: string,
  text: string,
  created: boolean,
  sync = true,
): Promise<AppendResult> {
  const bytes = Buffer.from(text, 'utf8');
  // History lists the names of deleted files: private to its user (0600), like the data folder.
  const handle = await fs.open(file, 'a', 0o600);
  let stats: Stats;
  try {
    await handle.writeFile(bytes);
    if (sync) await handle.sync();
    stats = await handle.stat();
  } finally {
    await handle.close();
  }
  if (created) await syncFolder(path.dirname(file));
  return { offsetBytes: stats.size - bytes.length, fileId: fileIdentity(stats) };
}
