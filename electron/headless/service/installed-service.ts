/**
 * Reads back the service `headroom install-service` wrote, to tell when it can no longer start: the unit
 * (or agent) names Node by the absolute path it had at install time, and nvm or an upgrade can move that
 * binary away, after which systemd or launchd fails the service at every login where nobody looks.
 * `headroom status` and `check-config` print the problem; the fix is to run install-service again.
 */
import { access, readFile } from 'node:fs/promises';
import { LAUNCHD_LABEL, SYSTEMD_UNIT } from './service-files.js';
import { join } from 'node:path';

/** Where install-service writes its file on `platform`; null where it writes none. */
export function serviceFilePath(home: string, platform: NodeJS.Platform): string | null {
  if (platform === 'linux') return join(home, '.config', 'systemd', 'user', SYSTEMD_UNIT);
  if (platform === 'darwin') return join(home, 'Library', 'LaunchAgents', `${LAUNCHD_LABEL}.plist`);
  return null;
}

/** The argv of an ExecStart line as systemdQuote wrote it (every word in double quotes). */
export function systemdArgv(unit: string): string[] {
  const line = /^ExecStart=(.*)$/m.exec(unit)?.[1] ?? '';
  return [...line.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) =>
    m[1]!.replace(/\\(.)/g, '$1').replace(/%%/g, '%').replace(/\$\$/g, '$'),
  );
}

/** The ProgramArguments of a launchd agent as launchdAgent wrote it. */
export function launchdArgv(plist: string): string[] {
  const array = /<key>ProgramArguments<\/key>\s*<array>([\s\S]*?)<\/array>/.exec(plist)?.[1] ?? '';
  return [...array.matchAll(/<string>([\s\S]*?)<\/string>/g)].map((m) =>
    m[1]!
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&'),
  );
}

/**
 * A sentence saying why the installed service cannot start (its Node or its headroom script is gone),
 * or null when there is no service file or both are still there.
 */
export async function installedServiceProblem(
  home: string,
  platform: NodeJS.Platform,
): Promise<string | null> {
  const file = serviceFilePath(home, platform);
  if (file === null) return null;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return null;
  }
  const [node, script] = platform === 'linux' ? systemdArgv(text) : launchdArgv(text);
  const fix = 'run headroom install-service again with the Node you use now';
  if (node !== undefined && !(await exists(node))) {
    return `the installed service (${file}) runs Node at ${node}, which no longer exists (Node was upgraded or moved, e.g. by nvm), so it cannot start; ${fix}.`;
  }
  if (script !== undefined && !(await exists(script))) {
    return `the installed service (${file}) runs ${script}, which no longer exists (Headroom was moved), so it cannot start; ${fix}.`;
  }
  return null;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
