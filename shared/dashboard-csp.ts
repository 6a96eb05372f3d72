/**
 * The dashboard's Content-Security-Policy, one policy for both hosts (the Electron window's response header
 * and `serve`'s): only its own scripts, styles (React sets inline `style` attributes), images and
 * connections; no plugins, framing, form posts or base-URL changes.
 */
export const DASHBOARD_CSP = [
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
