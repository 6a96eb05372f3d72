import type { ConfigIssue } from '../../../shared/types.js';

/** `FILE:LINE:COL: message`, as compilers print it, so editors and people find the place. */
export function formatConfigIssue(issue: ConfigIssue): string {
  const place = [issue.file, issue.line, issue.line === null ? null : issue.col]
    .filter((part) => part !== null)
    .join(':');
  const key = issue.key ? ` (${issue.key})` : '';
  return `${place}: ${issue.message}${key}`;
}
