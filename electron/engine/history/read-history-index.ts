/**
 * Reads the history file once, in chunks, keeping per line only the run's summary and where the line
 * is: a 64 MiB file is never held whole, and a run's lists are dropped as soon as its line is checked.
 */
import type { promises as fs } from 'node:fs';
import type { RunRecord } from '../../../shared/types.js';
import { summarizeRun, type LineSpan } from './history-entry.js';
import { fileIdentity, openForRead, parseRecordLine, type FileIdentity } from './history-file.js';

/** What a read of the file found, lines in file order. */
export interface HistoryIndex {
  lines: { summary: RunRecord; line: LineSpan }[];
  /** Lines that were not a valid record: truncated JSON, garbage, the wrong shape. Blank lines are not counted. */
  damagedLines: number;
  sizeBytes: number;
  /** False when the file does not end in a newline (a crash cut the last line short): the next append must start one. */
  endsWithNewline: boolean;
  fileId: FileIdentity;
}

const CHUNK_BYTES = 1024 * 1024;
const NEWLINE = 0x0a;

/** Indexes `file`; a missing file reads as empty. */
export async function readHistoryIndex(file: string): Promise<HistoryIndex> {
  const handle = await openForRead(file);
  try {
    return await indexHistory(handle);
  } finally {
    await handle?.close();
  }
}

/** Indexes the file open on `handle` (null: there is no file) from its first byte. */
export async function indexHistory(handle: fs.FileHandle | null): Promise<HistoryIndex> {
  const index: HistoryIndex = {
    lines: [],
    damagedLines: 0,
    sizeBytes: 0,
    endsWithNewline: true,
    fileId: null,
  };
  if (!handle) return index;
  index.fileId = fileIdentity(await handle.stat());
  const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  // The start of a line cut by the chunk's end, copied (the chunk is reused), and where that line starts.
  let pending: Buffer[] = [];
  let lineOffset = 0;
  for (;;) {
    const { bytesRead } = await handle.read(chunk, 0, CHUNK_BYTES, index.sizeBytes);
    if (bytesRead === 0) break;
    index.sizeBytes += bytesRead;
    const data = chunk.subarray(0, bytesRead);
    let start = 0;
    for (let nl = data.indexOf(NEWLINE); nl !== -1; nl = data.indexOf(NEWLINE, start)) {
      const piece = data.subarray(start, nl);
      const line = pending.length > 0 ? Buffer.concat([...pending, piece]) : piece;
      indexLine(index, line, lineOffset);
      lineOffset += line.length + 1;
      pending = [];
      start = nl + 1;
    }
    if (start < data.length) pending.push(Buffer.from(data.subarray(start)));
  }
  if (pending.length > 0) {
    indexLine(index, Buffer.concat(pending), lineOffset);
    index.endsWithNewline = false;
  }
  return index;
}

function indexLine(index: HistoryIndex, bytes: Buffer, offsetBytes: number): void {
  const text = bytes.toString('utf8');
  if (text.trim() === '') return;
  const record = parseRecordLine(text);
  if (record)
    index.lines.push({ summary: summarizeRun(record), line: { offsetBytes, lengthBytes: bytes.length } });
  else index.damagedLines++;
}
