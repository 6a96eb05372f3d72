/**
 * The token file after a run: the tokens whose files are all gone are dropped, a token whose removal was
 * partly skipped stays listing what remains, and everything else is left exactly as the file holds it now
 * (tokens the application added or changed since planning included). Pure: the engine reads the file
 * again just before this and says which listed paths still exist.
 */
import { checkTokenPath } from './token-path.js';

export interface RewriteInput {
  /** The token file as it was read for planning. */
  plannedText: string;
  /** The token file as it is now, read again after the removals. */
  currentText: string;
  /** The ids of the tokens the run set out to remove. */
  planned: ReadonlySet<string>;
  /** Whether a listed path (normalised, relative to the folder) still holds something to remove. */
  remains: (path: string) => boolean;
}

export interface RewriteResult {
  /** The new text; null when nothing changes (or the current file cannot be read as tokens). */
  text: string | null;
  dropped: string[];
  /** Tokens kept because some of their files remain, with those files. */
  kept: { id: string; remaining: string[] }[];
  /** Planned tokens the application changed (or removed) since planning: left as the file holds them. */
  changed: string[];
  /** Set when the current file is no longer a token file: it is left alone. */
  error: string | null;
}

export type Entries = { shape: 'object'; doc: Record<string, unknown> } | { shape: 'array'; doc: unknown[] };

export function rewriteTokenText(input: RewriteInput): RewriteResult {
  const result: RewriteResult = { text: null, dropped: [], kept: [], changed: [], error: null };
  const before = readEntries(input.plannedText);
  const now = readEntries(input.currentText);
  if (now === null || before === null) {
    result.error = 'the token file is no longer a JSON object or array of tokens';
    return result;
  }
  const beforeById = entriesById(before);
  const nowById = entriesById(now);
  // Paths listed by tokens that stay: a planned token may leave those behind, they are not its alone.
  const staying = new Set<string>();
  for (const [id, entry] of nowById) {
    if (!input.planned.has(id) || !sameEntry(entry, beforeById.get(id))) {
      for (const path of listedPaths(entry)) staying.add(path);
    }
  }
  const replace = new Map<string, unknown>();
  for (const id of [...input.planned].sort()) {
    const entry = nowById.get(id);
    if (entry === undefined || !sameEntry(entry, beforeById.get(id))) {
      result.changed.push(id);
      continue;
    }
    const files = (entry as { files: string[] }).files;
    const remaining = files.filter((raw) => {
      const check = checkTokenPath(raw);
      return check.ok && input.remains(check.path) && !staying.has(check.path);
    });
    if (remaining.length === 0) {
      result.dropped.push(id);
      replace.set(id, undefined);
    } else {
      const left = files.filter((raw) => {
        const check = checkTokenPath(raw);
        return check.ok && input.remains(check.path);
      });
      result.kept.push({ id, remaining });
      if (left.length !== files.length) replace.set(id, { ...(entry as object), files: left });
    }
  }
  if (replace.size > 0) result.text = render(now, replace, input.currentText);
  return result;
}

export function readEntries(text: string): Entries | null {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return null;
  }
  if (Array.isArray(json)) return { shape: 'array', doc: json };
  if (typeof json === 'object' && json !== null)
    return { shape: 'object', doc: json as Record<string, unknown> };
  return null;
}

/** Token id → entry; in the array form the first entry with an id wins, as when planning. */
export function entriesById(entries: Entries): Map<string, unknown> {
  const byId = new Map<string, unknown>();
  if (entries.shape === 'object') for (const [id, e] of Object.entries(entries.doc)) byId.set(id, e);
  else {
    for (const e of entries.doc) {
      const id = (e as { token?: unknown } | null)?.token;
      if (typeof id === 'string' && !byId.has(id)) byId.set(id, e);
    }
  }
  return byId;
}

function listedPaths(entry: unknown): string[] {
  const files = (entry as { files?: unknown } | null)?.files;
  if (!Array.isArray(files)) return [];
  return files.flatMap((raw) => {
    const check = typeof raw === 'string' ? checkTokenPath(raw) : null;
    return check?.ok ? [check.path] : [];
  });
}

export function sameEntry(a: unknown, b: unknown): boolean {
  return b !== undefined && JSON.stringify(a) === JSON.stringify(b);
}

/** The document with `replace` applied (undefined drops), indented as the file was. */
function render(entries: Entries, replace: ReadonlyMap<string, unknown>, original: string): string {
  let doc: unknown;
  if (entries.shape === 'object') {
    const out: Record<string, unknown> = {};
    for (const [id, e] of Object.entries(entries.doc)) {
      const next = replace.has(id) ? replace.get(id) : e;
      if (next !== undefined) out[id] = next;
    }
    doc = out;
  } else {
    const done = new Set<string>();
    doc = entries.doc.flatMap((e) => {
      const id = (e as { token?: unknown } | null)?.token;
      if (typeof id !== 'string' || !replace.has(id) || done.has(id)) return [e];
      done.add(id);
      const next = replace.get(id);
      return next === undefined ? [] : [next];
    });
  }
  return JSON.stringify(doc, null, indentOf(original)) + (original.endsWith('\n') ? '\n' : '');
}

/** The indentation the file uses (its first indented line), so a rewrite does not reformat it; 0 if none. */
function indentOf(text: string): string | number {
  const match = /\n([ \t]+)\S/.exec(text);
  return match ? match[1]! : 0;
}
