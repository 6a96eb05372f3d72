/** How a configuration problem reads for people: the CLI, the dashboard and the bridge errors share it. */
import type { ConfigErrorInfo, ConfigIssue } from './types.js';

/**
 * `FILE:LINE:COL: message` (the form editors and terminals turn into a link), or `FILE: message` when the
 * problem has no place in the file.
 */
export function formatConfigIssue(issue: ConfigIssue): string {
  if (issue.line === null) return `${issue.file}: ${issue.message}`;
  if (issue.col === null) return `${issue.file}:${issue.line}: ${issue.message}`;
  return `${issue.file}:${issue.line}:${issue.col}: ${issue.message}`;
}

/** Every issue of a config error, one per line. */
export function formatConfigError(error: ConfigErrorInfo): string {
  return error.issues.map(formatConfigIssue).join('\n');
}
