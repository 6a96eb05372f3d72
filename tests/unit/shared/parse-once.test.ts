/**
 * Config files and state files are parsed without zod's eval-compiled fast path (PARSED_ONCE, #17): it must
 * give exactly what the fast path gives, on every case of the hostile config corpus and on the accepted ones.
 */
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { configFileSchema } from '../../../shared/config-schema.js';
import { PARSED_ONCE } from '../../../shared/parse-once.js';
import { ACCEPTED_CASES, ALL_REFUSED } from '../../hostile/config-cases.js';

/** The data a case's YAML holds, or undefined where YAML itself refuses it (aliases bombs, bad syntax). */
function dataOf(yaml: string | undefined): unknown {
  if (yaml === undefined) return undefined;
  try {
    return parse(yaml, { logLevel: 'error' }); // the corpus's unknown tags would each print a warning
  } catch {
    return undefined;
  }
}

describe('PARSED_ONCE parses as zod does by default', () => {
  const cases = [...ALL_REFUSED, ...ACCEPTED_CASES]
    .map((c) => ({ name: c.name, data: dataOf(c.yaml) }))
    .filter((c) => c.data !== undefined);

  it('has cases to compare, refused and accepted', () => {
    expect(cases.length).toBeGreaterThan(40);
    expect(cases.some((c) => configFileSchema.safeParse(c.data).success)).toBe(true);
    expect(cases.some((c) => !configFileSchema.safeParse(c.data).success)).toBe(true);
  });

  it('the same success, value and issues for every case', () => {
    for (const { name, data } of cases) {
      const fast = configFileSchema.safeParse(data);
      const once = configFileSchema.safeParse(data, PARSED_ONCE);
      expect({ name, success: once.success, data: once.data, issues: once.error?.issues }).toEqual({
        name,
        success: fast.success,
        data: fast.data,
        issues: fast.error?.issues,
      });
    }
  });
});
