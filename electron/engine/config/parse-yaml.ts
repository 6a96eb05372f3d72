/**
 * Parses config text into a YAML Document and plain data, turning every YAML-level problem into issues.
 * Loading and editing both parse here, so a file YAML cannot read gets the same FILE:LINE:COL issues either way.
 */
import { isAlias, LineCounter, parseDocument, visit, type Document } from 'yaml';
import type { ConfigIssue } from '../../../shared/types.js';
import { fileIssue, issueAtPath, yamlIssue, type IssueSite } from './config-issues.js';
import { MAX_CONFIG_BYTES, tooLargeIssue } from './read-config-text.js';
import { positionAt } from './yaml-positions.js';

/** Aliases a config may expand; a "billion laughs" file needs far more and is refused. */
export const MAX_ALIAS_COUNT = 100;

export type YamlRead =
  | { ok: true; site: IssueSite; data: Record<string, unknown>; warnings: ConfigIssue[] }
  | { ok: false; issues: ConfigIssue[] };

export interface ParseYamlOptions {
  /**
   * Read an empty file as an empty mapping (in the Document too) instead of refusing it: an edit fills an
   * empty or missing file, a load needs its folders.
   */
  emptyAsMapping?: boolean;
}

/** Parses `text` (the content of `file`) with positions; never throws. */
export function parseYaml(text: string, file: string, options: ParseYamlOptions = {}): YamlRead {
  const sizeBytes = Buffer.byteLength(text, 'utf8');
  if (sizeBytes > MAX_CONFIG_BYTES) return { ok: false, issues: [tooLargeIssue(file, sizeBytes)] };
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const site: IssueSite = { file, doc, lineCounter };
  if (doc.errors.length > 0) return { ok: false, issues: doc.errors.map((e) => yamlIssue(site, e)) };
  const warnings = doc.warnings.map((w) => yamlIssue(site, w));
  if (doc.contents === null && options.emptyAsMapping)
    doc.contents = doc.createNode({}) as unknown as typeof doc.contents;
  if (doc.contents === null) {
    const message =
      'the file is empty: it needs a folders: list (or a Chatterbox resource_management: block)';
    return { ok: false, issues: [fileIssue(file, message)] };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    return { ok: false, issues: [aliasIssue(site, error)] };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    const found = Array.isArray(data) ? 'a list' : `a single value`;
    const message = `the top level must be a mapping of keys (such as folders:), not ${found}`;
    return { ok: false, issues: [issueAtPath(site, [], message)] };
  }
  return { ok: true, site, data: data as Record<string, unknown>, warnings };
}

/**
 * An alias bomb, an alias without its anchor, or another failure to build the data, pinned to the alias
 * concerned. The yaml package throws a ReferenceError for both alias problems; only its message tells
 * them apart, and a person must not be told "too much data" for a typo in an anchor name.
 */
function aliasIssue(site: IssueSite, error: unknown): ConfigIssue {
  const text = (error as Error).message ?? String(error);
  const unresolved = error instanceof ReferenceError ? /^Unresolved alias.*: (.*)$/.exec(text) : null;
  let message = `the file cannot be read as data: ${text}`;
  if (unresolved) {
    const name = unresolved[1] ?? '';
    message = `the alias *${name} has no anchor &${name} before it`;
  } else if (error instanceof ReferenceError && text.startsWith('Excessive alias count')) {
    message = `aliases expand to too much data (more than ${MAX_ALIAS_COUNT} references); the file was refused`;
  }
  const offset = aliasOffset(site.doc, unresolved?.[1] ?? null);
  if (offset === null) return fileIssue(site.file, message);
  const { line, col } = positionAt(site.lineCounter, offset);
  return { file: site.file, line, col, key: null, message };
}

/** Where the first alias (named `source`, or any when null) starts. */
function aliasOffset(doc: Document, source: string | null): number | null {
  let offset: number | null = null;
  visit(doc, {
    Alias(_key, node) {
      if (!isAlias(node) || (source !== null && node.source !== source)) return undefined;
      if (node.range) offset = node.range[0];
      return visit.BREAK;
    },
  });
  return offset;
}
