/**
 * Applies edits to a config file's YAML Document so that everything the edit does not touch survives:
 * comments, blank lines, key order. When every edit only changes existing scalar values, the new text is
 * the old text with just those values spliced in (byte-identical elsewhere, aligned comments included);
 * adding or removing keys or folders re-serialises the Document, which keeps comments but not alignment.
 */
import { isScalar, isSeq, parseDocument, Scalar, stringify, type Document } from 'yaml';
import { reviseValueComments } from './value-comments.js';
import type { YamlPath } from './yaml-positions.js';

export type DocEdit =
  | { op: 'set'; path: YamlPath; value: unknown }
  | { op: 'delete'; path: YamlPath }
  /** `comment` (one or more lines) is written above the new item, e.g. what `headroom detect` found where. */
  | { op: 'append'; path: YamlPath; value: unknown; comment?: string };

/** Options for re-serialising: no line folding (paths stay on one line), `[a, b]` as written by people. */
const TO_STRING = { lineWidth: 0, flowCollectionPadding: false } as const;

interface Splice {
  start: number;
  end: number;
  text: string;
}

/**
 * Applies `edits` (in order) to `doc`, which was parsed from `text`, and returns the new text. Comments that
 * state a value the edits change are restated first (value-comments.ts), then the text is parsed again.
 */
export function applyEdits(original: string, parsed: Document, edits: readonly DocEdit[]): string {
  const text = reviseValueComments(original, parsed, edits);
  const doc = text === original ? parsed : parseDocument(text, { uniqueKeys: true });
  const splices: Splice[] = [];
  let structural = false;
  for (const edit of edits) {
    const splice = edit.op === 'set' ? setValue(doc, edit.path, edit.value) : null;
    if (splice) splices.push(splice);
    else if (edit.op === 'set') structural = true;
    else if (edit.op === 'delete') {
      doc.deleteIn(edit.path);
      structural = true;
    } else {
      appendItem(doc, edit.path, edit.value, edit.comment);
      structural = true;
    }
  }
  if (structural) return doc.toString(TO_STRING);
  let out = text;
  for (const s of splices.sort((a, b) => b.start - a.start))
    out = out.slice(0, s.start) + s.text + out.slice(s.end);
  return out;
}

/** Sets the value at `path`; returns a text splice when it replaced an existing one-line scalar in place. */
function setValue(doc: Document, path: YamlPath, value: unknown): Splice | null {
  const node = doc.getIn(path, true);
  const simple = value === null || ['string', 'number', 'boolean'].includes(typeof value);
  if (isScalar(node) && node.range && simple && !isBlockScalar(node)) {
    node.value = value;
    return { start: node.range[0], end: node.range[1], text: scalarText(value, node.type) };
  }
  doc.setIn(path, doc.createNode(value));
  return null;
}

function appendItem(doc: Document, path: YamlPath, value: unknown, comment?: string): void {
  const node = doc.createNode(value);
  if (comment) node.commentBefore = commentText(comment);
  const seq = doc.getIn(path, true);
  // `folders: []` would otherwise stay a flow list, which cannot hold the comment.
  if (isSeq(seq) && seq.flow && seq.items.length === 0) seq.flow = false;
  if (isSeq(seq)) seq.add(node);
  else doc.setIn(path, doc.createNode([node]));
}

/** The yaml library writes `#` and the text as given; a space after `#` is how people write comments. */
export function commentText(comment: string): string {
  return comment
    .split('\n')
    .map((line) => ` ${line}`)
    .join('\n');
}

function isBlockScalar(node: Scalar): boolean {
  return node.type === Scalar.BLOCK_FOLDED || node.type === Scalar.BLOCK_LITERAL;
}

/** A scalar as YAML text, in the quoting style the old value used where that style can hold it. */
function scalarText(value: unknown, type: Scalar['type']): string {
  if (typeof value === 'string' && type === Scalar.QUOTE_DOUBLE) return JSON.stringify(value);
  if (typeof value === 'string' && type === Scalar.QUOTE_SINGLE) return `'${value.replace(/'/g, "''")}'`;
  return stringify(value, { lineWidth: 0 }).trimEnd();
}
