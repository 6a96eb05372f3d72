/**
 * The dashboard's Content-Security-Policy, sent as a response header as well as the page's meta tag: only the
 * app's own scripts, no plugins, no framing, no form posts, no connections but its own.
 */

const PACKAGED_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** The dev server needs its inline React-refresh preamble and a websocket for hot reload. */
const DEV_CSP = PACKAGED_CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace(
  "connect-src 'self'",
  "connect-src 'self' ws://localhost:* ws://127.0.0.1:*",
);

export function dashboardCsp(devServer: boolean): string {
  return devServer ? DEV_CSP : PACKAGED_CSP;
}
