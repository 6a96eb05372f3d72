/** Builds `ConfigIssue`s pinned to the YAML text, from key paths, parser errors and zod issues. */
import type { Document, LineCounter, YAMLError } from 'yaml';
import type { z } from 'zod';
import type { ConfigIssue } from '../../../shared/types.js';
import { closestKey } from './did-you-mean.js';
import { hasPath, positionAt, positionOfKey, positionOfPath, type YamlPath } from './yaml-positions.js';

/** The parsed text an issue points into. */
export interface IssueSite {
  file: string;
  doc: Document;
  lineCounter: LineCounter;
}

const dotted = (path: YamlPath): string | null => (path.length === 0 ? null : path.join('.'));

/** A problem with no place in the file (a missing file, an unreadable one). */
export function fileIssue(file: string, message: string): ConfigIssue {
  return { file, line: null, col: null, key: null, message };
}

/** A problem with the value at `path`, or with its nearest existing parent. */
export function issueAtPath(site: IssueSite, path: YamlPath, message: string): ConfigIssue {
  const { line, col } = positionOfPath(site.doc, site.lineCounter, path);
  return { file: site.file, line, col, key: dotted(path), message };
}

/** A problem with the key `key` itself of the mapping at `mapPath` (a typo, a duplicate). */
export function issueAtKey(site: IssueSite, mapPath: YamlPath, key: string, message: string): ConfigIssue {
  const { line, col } = positionOfKey(site.doc, site.lineCounter, mapPath, key);
  return { file: site.file, line, col, key: dotted([...mapPath, key]), message };
}

/** The YAML parser's own errors and warnings, at the parser's own positions. */
export function yamlIssue(site: IssueSite, error: YAMLError): ConfigIssue {
  const { line, col } = positionAt(site.lineCounter, error.pos[0]);
  const message = YAML_ERROR_MESSAGES[error.code] ?? error.message;
  return { file: site.file, line, col, key: null, message };
}

/**
 * The parser's own wording where it talks about its API or its stack rather than about the file: a
 * person reading a config error needs to know what to change in the file.
 */
const YAML_ERROR_MESSAGES: Partial<Record<YAMLError['code'], string>> = {
  DUPLICATE_KEY: 'duplicate key: each key may appear only once in a mapping',
  MULTIPLE_DOCS: 'the file holds more than one YAML document (a second ---); a config file holds one',
  RESOURCE_EXHAUSTION:
    'lists or mappings are nested too deeply (hundreds of levels) to be a config; the file was refused',
};

export interface SchemaIssueOptions {
  /** The keys a mapping at `path` may hold, for "did you mean …?". */
  knownKeysAt: (path: YamlPath) => readonly string[];
  /** A prefix naming where a path lives, e.g. `folder temp`; null for none. */
  labelAt?: (path: YamlPath) => string | null;
}

/** One `ConfigIssue` per zod issue (one per key for unknown keys), pinned to the offending node. */
export function schemaIssues(
  site: IssueSite,
  issues: readonly z.core.$ZodIssue[],
  options: SchemaIssueOptions,
): ConfigIssue[] {
  const out: ConfigIssue[] = [];
  for (const issue of issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const label = options.labelAt?.(path) ?? null;
    const say = (message: string): string => (label ? `${label}: ${message}` : message);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        out.push(issueAtKey(site, path, key, say(unknownKeyMessage(key, options.knownKeysAt(path)))));
      }
    } else if (issue.code === 'invalid_type' && path.length > 0 && !hasPath(site.doc, path)) {
      out.push(issueAtPath(site, path, say(`missing key ${String(path.at(-1))}: ${issue.message}`)));
    } else {
      out.push(issueAtPath(site, path, say(issue.message)));
    }
  }
  return out;
}

/** "unknown key max_file; did you mean max_files?" */
export function unknownKeyMessage(key: string, known: readonly string[]): string {
  const guess = closestKey(key, known);
  return guess ? `unknown key ${key}; did you mean ${guess}?` : `unknown key ${key}`;
}

/** Issues in the order a person reads the file; issues without a place first. */
export function sortIssues(issues: ConfigIssue[]): ConfigIssue[] {
  return [...issues].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0));
}
