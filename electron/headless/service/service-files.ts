/**
 * The files `headroom install-service` writes, as pure functions of where things are: a systemd user
 * unit (Linux) and a launchd agent (macOS) that run `headroom run` (or `serve`) at login and restart it
 * when it fails. Every argument is quoted for its format, so a path with spaces, quotes, `%` or `$`
 * stays one argument and means itself.
 */
import { join } from 'node:path';

export interface ServiceSpec {
  /** Absolute path of the Node binary, then the arguments (the CLI script, the command, options). */
  argv: string[];
  home: string;
}

export interface ServiceFile {
  path: string;
  text: string;
  /** Commands that start it now and at each login. */
  start: string[];
  /** Commands that stop and remove it. */
  remove: string[];
}

export const SYSTEMD_UNIT = 'headroom.service';
export const LAUNCHD_LABEL = 'app.headroom.agent';

/** One ExecStart word: systemd expands `%` specifiers and `$` variables, and reads C-style escapes in quotes. */
export function systemdQuote(arg: string): string {
  const escaped = arg.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/%/g, '%%').replace(/\$/g, '$$$$');
  return `"${escaped}"`;
}

export function systemdUnit(spec: ServiceSpec): ServiceFile {
  const path = join(spec.home, '.config', 'systemd', 'user', SYSTEMD_UNIT);
  const text = [
    '# Written by `headroom install-service`.',
    '[Unit]',
    'Description=Headroom: keep AI output folders inside their limits',
    '',
    '[Service]',
    `ExecStart=${spec.argv.map(systemdQuote).join(' ')}`,
    'Restart=on-failure',
    '# SIGTERM lets a cleanup in progress finish its current file and record the run.',
    'KillSignal=SIGTERM',
    'TimeoutStopSec=30',
    '',
    '[Install]',
    'WantedBy=default.target',
    '',
  ].join('\n');
  return {
    path,
    text,
    start: ['systemctl --user daemon-reload', `systemctl --user enable --now ${SYSTEMD_UNIT}`],
    remove: [
      `systemctl --user disable --now ${SYSTEMD_UNIT}`,
      `rm ${shellQuote(path)}`,
      'systemctl --user daemon-reload',
    ],
  };
}

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function launchdAgent(spec: ServiceSpec): ServiceFile {
  const path = join(spec.home, 'Library', 'LaunchAgents', `${LAUNCHD_LABEL}.plist`);
  const logFile = join(spec.home, 'Library', 'Logs', 'Headroom', 'headroom.log');
  const text = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
    '<!-- Written by `headroom install-service`. -->',
    '<plist version="1.0">',
    '<dict>',
    '  <key>Label</key>',
    `  <string>${LAUNCHD_LABEL}</string>`,
    '  <key>ProgramArguments</key>',
    '  <array>',
    ...spec.argv.map((arg) => `    <string>${xml(arg)}</string>`),
    '  </array>',
    '  <key>RunAtLoad</key>',
    '  <true/>',
    '  <key>KeepAlive</key>',
    '  <dict>',
    '    <key>SuccessfulExit</key>',
    '    <false/>',
    '  </dict>',
    '  <key>StandardOutPath</key>',
    `  <string>${xml(logFile)}</string>`,
    '  <key>StandardErrorPath</key>',
    `  <string>${xml(logFile)}</string>`,
    '</dict>',
    '</plist>',
    '',
  ].join('\n');
  const domain = 'gui/$(id -u)';
  return {
    path,
    text,
    start: [
      `mkdir -p ${shellQuote(join(spec.home, 'Library', 'Logs', 'Headroom'))}`,
      `launchctl bootstrap ${domain} ${shellQuote(path)}`,
    ],
    remove: [`launchctl bootout ${domain}/${LAUNCHD_LABEL}`, `rm ${shellQuote(path)}`],
  };
}

/** A word for a POSIX shell, for the commands printed to the user. */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_./:=@-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
