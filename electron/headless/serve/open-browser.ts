/**
 * Opens a URL in the default browser with the platform's opener; a failure is only ever a warning. The URL
 * ends up on the opener's command line (and often the browser's), readable by every local user: pass a
 * one-time link (ServeHandle.oneTimeLink), never one with the token.
 */
import { spawn } from 'node:child_process';

/** Starts `command` with `args` detached; resolves once it started. The port a test replaces. */
export type LaunchDetached = (command: string, args: readonly string[]) => Promise<void>;

/** The opener's command and arguments on `platform`. */
export function openerCommand(url: string, platform: NodeJS.Platform): [string, string[]] {
  if (platform === 'darwin') return ['open', [url]];
  if (platform === 'win32') return ['cmd', ['/c', 'start', '""', url.replace(/&/g, '^&')]];
  return ['xdg-open', [url]];
}

/** Resolves once the opener started; rejects with a sentence when it could not. */
export function openBrowser(
  url: string,
  launch: LaunchDetached = launchDetached,
  platform: NodeJS.Platform = process.platform,
): Promise<void> {
  const [command, args] = openerCommand(url, platform);
  return launch(command, args).catch((error: Error) => {
    throw new Error(`could not open a browser (${command}: ${error.message}); open the link yourself`);
  });
}

export const launchDetached: LaunchDetached = (command, args) =>
  new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'ignore', detached: true, windowsHide: true });
    child.once('error', reject);
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
