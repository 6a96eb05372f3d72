/** Opens a URL in the default browser with the platform's opener; a failure is only ever a warning. */
import { spawn } from 'node:child_process';

/** Resolves once the opener started; rejects with a sentence when it could not. */
export function openBrowser(url: string, platform: NodeJS.Platform = process.platform): Promise<void> {
  const [command, args] =
    platform === 'darwin'
      ? ['open', [url]]
      : platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url.replace(/&/g, '^&')]]
        : ['xdg-open', [url]];
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'ignore', detached: true, windowsHide: true });
    child.once('error', (error) =>
      reject(new Error(`could not open a browser (${command}: ${error.message}); open the link yourself`)),
    );
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
}
