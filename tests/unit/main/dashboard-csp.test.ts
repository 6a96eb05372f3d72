import { describe, expect, it } from 'vitest';
import { dashboardCsp } from '../../../electron/main/dashboard-csp.js';

const directives = (csp: string) =>
  new Map(csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));

describe('dashboardCsp', () => {
  it('allows only the app itself in the packaged app: no inline or eval script, no framing, no plugins', () => {
    const csp = directives(dashboardCsp(false));
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(dashboardCsp(false)).not.toMatch(/unsafe-eval/);
  });

  it('loosens only what the dev server needs, and only in development', () => {
    const csp = directives(dashboardCsp(true));
    expect(csp.get('script-src')).toContain("'unsafe-inline'");
    expect(csp.get('connect-src')).toContain('ws://localhost:*');
    expect(dashboardCsp(true)).not.toMatch(/unsafe-eval/);
  });
});
