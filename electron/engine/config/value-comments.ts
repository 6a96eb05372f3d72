/**
 * Before the dashboard's edits are applied, restates the old values in the comments that describe them
 * (value-mentions.ts), or drops those comment lines when the value goes: a comment on a changed key must
 * not keep describing the old value (issue 15). Works on the text, so aligned comments keep their place.
 * The comments that belong to a key are the one after its value, the block right above it, and, for a
 * folder's key, the block above the folder's `- name:` line (which must name the unit: it speaks of
 * several keys).
 */
import { isMap, isPair, isScalar, type Document } from 'yaml';
import type { DocEdit } from './edit-document.js';
import { reviseComment } from './value-mentions.js';

/** A comment's text (after `#`, to the end of its line) and how to remove it. */
interface CommentSite {
  start: number;
  end: number;
  /** What to cut when the comment goes: the whole line, or the `  # …` after a value. */
  cut: [number, number];
  /** The comment belongs to one key alone, so a bare number in it is that key's value. */
  bare: boolean;
}

interface Revision {
  key: string;
  before: unknown;
  after: unknown;
  bare: boolean;
}

/** The text with every comment that states a value `edits` change restated or dropped. */
export function reviseValueComments(text: string, doc: Document, edits: readonly DocEdit[]): string {
  const bySite = new Map<number, { site: CommentSite; revisions: Revision[] }>();
  for (const edit of edits) {
    if (edit.op === 'append') continue;
    const key = edit.path[edit.path.length - 1];
    const node = doc.getIn(edit.path, true);
    if (typeof key !== 'string' || !isScalar(node) || !node.range) continue;
    const after = edit.op === 'set' ? edit.value : undefined;
    // A deleted key takes its own comments with it; only the folder's comment above stays to be fixed.
    const sites = commentSites(text, doc, edit.path, node.range).filter((s) => edit.op === 'set' || !s.bare);
    for (const site of sites) {
      const entry = bySite.get(site.start) ?? { site, revisions: [] };
      entry.revisions.push({ key, before: node.value, after, bare: site.bare });
      bySite.set(site.start, entry);
    }
  }
  const splices = [...bySite.values()].flatMap(({ site, revisions }) => {
    let comment: string | null = text.slice(site.start, site.end);
    for (const r of revisions) {
      if (comment === null) break;
      const revised = reviseComment(comment, r.key, r.before, r.after, r.bare);
      if (revised !== undefined) comment = revised;
    }
    if (comment === null) return [{ start: site.cut[0], end: site.cut[1], text: '' }];
    return comment === text.slice(site.start, site.end)
      ? []
      : [{ start: site.start, end: site.end, text: comment }];
  });
  let out = text;
  for (const s of splices.sort((a, b) => b.start - a.start))
    out = out.slice(0, s.start) + s.text + out.slice(s.end);
  return out;
}

function commentSites(
  text: string,
  doc: Document,
  path: readonly (string | number)[],
  valueRange: readonly number[],
): CommentSite[] {
  const sites: CommentSite[] = [];
  const trailing = trailingComment(text, valueRange[1]!);
  if (trailing) sites.push(trailing);
  const keyStart = keyOffset(doc, path);
  if (keyStart !== null) sites.push(...commentLinesAbove(text, keyStart, true));
  if (path.length === 3 && path[0] === 'folders') {
    const item = doc.getIn(path.slice(0, 2), true);
    const itemStart = isMap(item) && item.range ? item.range[0] : null;
    if (itemStart !== null) sites.push(...commentLinesAbove(text, itemStart, false));
  }
  return sites;
}

/** The `# …` after a value on its line. */
function trailingComment(text: string, valueEnd: number): CommentSite | null {
  const eol = lineEnd(text, valueEnd);
  const hash = /^[ \t]+#/.exec(text.slice(valueEnd, eol));
  if (!hash) return null;
  return { start: valueEnd + hash[0].length, end: eol, cut: [valueEnd, eol], bare: true };
}

/** The comment-only lines right above the line holding `offset` (up to a blank or any other line). */
function commentLinesAbove(text: string, offset: number, bare: boolean): CommentSite[] {
  const sites: CommentSite[] = [];
  let lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  while (lineStart > 0) {
    const prevStart = text.lastIndexOf('\n', lineStart - 2) + 1;
    const line = text.slice(prevStart, lineStart - 1);
    const hash = /^[ \t]*#/.exec(line);
    if (!hash) break;
    sites.push({ start: prevStart + hash[0].length, end: lineStart - 1, cut: [prevStart, lineStart], bare });
    lineStart = prevStart;
  }
  return sites;
}

function keyOffset(doc: Document, path: readonly (string | number)[]): number | null {
  const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
  if (!isMap(parent)) return null;
  const pair = parent.items.find(
    (p) => isPair(p) && isScalar(p.key) && p.key.value === path[path.length - 1],
  );
  return pair && isScalar(pair.key) && pair.key.range ? pair.key.range[0] : null;
}

function lineEnd(text: string, from: number): number {
  const eol = text.indexOf('\n', from);
  return eol < 0 ? text.length : eol;
}
