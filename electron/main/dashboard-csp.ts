/** The Electron window's Content-Security-Policy: the shared dashboard policy, relaxed for the dev server only. */
import { DASHBOARD_CSP } from '../../shared/dashboard-csp.js';

const PACKAGED_CSP = DASHBOARD_CSP;

/** The dev server needs its inline React-refresh preamble and a websocket for hot reload. */
const DEV_CSP = PACKAGED_CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace(
  "connect-src 'self'",
  "connect-src 'self' ws://localhost:* ws://127.0.0.1:*",
);

export function dashboardCsp(devServer: boolean): string {
  return devServer ? DEV_CSP : PACKAGED_CSP;
}
