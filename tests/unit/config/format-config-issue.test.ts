import { describe, expect, it } from 'vitest';
import { formatConfigError, formatConfigIssue } from '../../../shared/config-issue.js';

describe('formatConfigIssue', () => {
  it('reads FILE:LINE:COL: message when the issue has a place', () => {
    expect(
      formatConfigIssue({
        file: 'c.yaml',
        line: 4,
        col: 5,
        key: 'folders.0.max_file',
        message: 'unknown key max_file',
      }),
    ).toBe('c.yaml:4:5: unknown key max_file');
  });

  it('reads FILE: message without a line, and FILE:LINE: message without a column', () => {
    expect(formatConfigIssue({ file: 'c.yaml', line: null, col: null, key: null, message: 'gone' })).toBe(
      'c.yaml: gone',
    );
    expect(formatConfigIssue({ file: 'c.yaml', line: 2, col: null, key: null, message: 'odd' })).toBe(
      'c.yaml:2: odd',
    );
  });

  it('formats a whole error one issue per line', () => {
    const issue = (line: number) => ({ file: 'f', line, col: 1, key: null, message: `m${line}` });
    expect(formatConfigError({ file: 'f', issues: [issue(1), issue(3)], usingLastGood: true })).toBe(
      'f:1:1: m1\nf:3:1: m3',
    );
  });
});
