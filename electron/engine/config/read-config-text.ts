/** Reads config.yaml's bytes as text, refusing what is not a small UTF-8 text file. */
import { promises as fs } from 'node:fs';
import type { ConfigIssue } from '../../../shared/types.js';
import { formatBytes, formatCount } from '../../../shared/format.js';
import { fileIssue } from './config-issues.js';

/** A config file is a few kilobytes; anything past this is a mistake (or an attack), not a config. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/** `missing` tells a caller that may create the file apart from every other failure. */
export type TextRead = { ok: true; text: string } | { ok: false; issue: ConfigIssue; missing?: true };

export function tooLargeIssue(file: string, sizeBytes: number): ConfigIssue {
  const limit = formatBytes(MAX_CONFIG_BYTES);
  return fileIssue(
    file,
    `the file holds ${formatCount(sizeBytes)} bytes, more than the ${limit} a config file may hold, so it was not read`,
  );
}

/** Reads `file` as UTF-8 (a BOM is allowed and dropped). Never throws. */
export async function readConfigText(file: string): Promise<TextRead> {
  let bytes: Buffer;
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) return { ok: false, issue: fileIssue(file, 'this is not a file') };
    if (stat.size > MAX_CONFIG_BYTES) return { ok: false, issue: tooLargeIssue(file, stat.size) };
    bytes = await fs.readFile(file);
  } catch (error) {
    const issue = fileIssue(file, readErrorMessage(error));
    return (error as NodeJS.ErrnoException).code === 'ENOENT'
      ? { ok: false, issue, missing: true }
      : { ok: false, issue };
  }
  // The size may have changed between stat and read.
  if (bytes.length > MAX_CONFIG_BYTES) return { ok: false, issue: tooLargeIssue(file, bytes.length) };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, issue: notUtf8Issue(file, bytes) };
  }
}

function readErrorMessage(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'the config file does not exist';
  if (code === 'EACCES' || code === 'EPERM') return 'the config file cannot be read: permission denied';
  if (code === 'EISDIR') return 'this is a folder, not a config file';
  return `the config file cannot be read: ${(error as Error).message}`;
}

/** Points at the first byte that is not UTF-8, so the person can find it. */
function notUtf8Issue(file: string, bytes: Buffer): ConfigIssue {
  const lossy = new TextDecoder('utf-8').decode(bytes);
  const at = Math.max(0, lossy.indexOf('\uFFFD'));
  const before = lossy.slice(0, at);
  const line = before.split('\n').length;
  const col = at - before.lastIndexOf('\n');
  return {
    file,
    line,
    col,
    key: null,
    message: 'the file is not UTF-8 text; save it as UTF-8 (a config file must not hold other encodings)',
  };
}
