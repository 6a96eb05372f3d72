/**
 * Maps places in the parsed YAML (a key path like `folders.1.max_files`, a parser error's offset) to the
 * 1-based line and column a person looks for in their editor.
 */
import { isMap, isPair, isScalar, type Document, type LineCounter, type Node } from 'yaml';

export type YamlPath = readonly (string | number)[];

export interface Position {
  line: number;
  col: number;
}

/** Line and column of a character offset into the text. */
export function positionAt(lineCounter: LineCounter, offset: number): Position {
  const { line, col } = lineCounter.linePos(offset);
  return { line, col };
}

/**
 * The node at `path`, or the nearest existing parent when the path runs past what the file holds (a missing
 * key is reported where its mapping starts). Null only for an empty document.
 */
export function nearestNode(doc: Document, path: YamlPath): { node: Node; exact: boolean } | null {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
    if (node && typeof node === 'object' && 'range' in node && node.range) {
      return { node: node as Node, exact: depth === path.length };
    }
  }
  return null;
}

/** Where the value at `path` starts (or its nearest existing parent); line 1, col 1 for an empty file. */
export function positionOfPath(doc: Document, lineCounter: LineCounter, path: YamlPath): Position {
  const found = nearestNode(doc, path);
  const offset = found?.node.range?.[0] ?? 0;
  return positionAt(lineCounter, offset);
}

/**
 * Where the *key* `key` of the mapping at `mapPath` is written, so "unknown key max_file" points at the
 * typo itself rather than at its value.
 */
export function positionOfKey(
  doc: Document,
  lineCounter: LineCounter,
  mapPath: YamlPath,
  key: string,
): Position {
  const map = mapPath.length === 0 ? doc.contents : doc.getIn(mapPath, true);
  if (isMap(map)) {
    for (const pair of map.items) {
      if (!isPair(pair)) continue;
      const keyNode = pair.key;
      const name = isScalar(keyNode) ? String(keyNode.value) : null;
      if (name === key && isScalar(keyNode) && keyNode.range)
        return positionAt(lineCounter, keyNode.range[0]);
    }
  }
  return positionOfPath(doc, lineCounter, mapPath);
}

/** True when `path` names something the file actually holds. */
export function hasPath(doc: Document, path: YamlPath): boolean {
  return nearestNode(doc, path)?.exact === true;
}
