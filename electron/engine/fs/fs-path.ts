/**
 * The form to hand Node's fs (or the removal addon) for a name or path from the engine's strings. Node
 * encodes a string path as UTF-8, where a lone surrogate becomes U+FFFD and names no file; a name read from
 * bytes that were not UTF-8 carries its stray bytes as escapes (shared/byte-names.ts), so it goes as the
 * Buffer of its real bytes. Every other path stays the string it was: no cost for the common case.
 */
import { dirname } from 'node:path';
import { encodeName, hasEscapes } from '../../../shared/byte-names.js';

/** `p` itself, or its exact bytes when it holds an escaped byte. */
export function fsPath(p: string): string | Buffer {
  if (!hasEscapes(p)) return p;
  const bytes = encodeName(p);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * `p`, or the nearest folder above it whose path holds no escaped byte: what a host API that takes only a
 * string path (the file manager's "show in folder") can name exactly, never a file its lossy name names.
 */
export function nearestStringPath(p: string): string {
  let at = p;
  while (hasEscapes(at)) at = dirname(at);
  return at;
}
