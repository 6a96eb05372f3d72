/**
 * Whether this launch is the user's (open the dashboard) or the login item's (tray only). The login item
 * passes `--hidden` on Windows and Linux; macOS 13+ login items take no arguments, where Electron reports
 * `wasOpenedAtLogin` instead.
 */

export const HIDDEN_FLAG = '--hidden';

export interface LaunchFacts {
  argv: readonly string[];
  platform: NodeJS.Platform;
  /** `app.getLoginItemSettings().wasOpenedAtLogin` (macOS only; false elsewhere). */
  wasOpenedAtLogin: boolean;
}

export function launchedAtLogin(facts: LaunchFacts): boolean {
  if (facts.argv.includes(HIDDEN_FLAG)) return true;
  return facts.platform === 'darwin' && facts.wasOpenedAtLogin;
}
