/**
 * The system folders a root is compared with (DESIGN.md invariant 3). `tree`: the folder and everything in
 * it belong to the system. `self`: the folder itself is refused (it holds other programs' or other disks'
 * folders), a folder below it may be a user's: `/tmp/tts`, `/var/tmp/outputs`, `/mnt/data/outputs`.
 */

export interface SystemFolder {
  path: string;
  scope: 'self' | 'tree';
}

const tree = (...paths: string[]): SystemFolder[] => paths.map((p) => ({ path: p, scope: 'tree' }));
const self = (...paths: string[]): SystemFolder[] => paths.map((p) => ({ path: p, scope: 'self' }));

/** Linux, the BSDs and macOS; a folder missing on one system is simply never matched there. */
export const POSIX_SYSTEM_FOLDERS: readonly SystemFolder[] = [
  // Programs, their libraries and settings, and the kernel's views.
  ...tree('/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32', '/usr', '/etc', '/boot'),
  ...tree('/proc', '/sys', '/dev'),
  // Package and service state, logs, mail and crontabs, backups of system files.
  ...tree('/var/lib', '/var/log', '/var/spool', '/var/mail', '/var/backups', '/var/db'),
  // Each user's running session (sockets, keyrings), snaps and the Nix store: read-only or live state.
  ...tree('/run/user', '/snap', '/nix/store'),
  ...self('/home', '/root', '/opt', '/srv', '/var', '/var/cache', '/run', '/run/media', '/tmp', '/var/tmp'),
  ...self('/mnt', '/media'),
  // macOS.
  ...tree('/System', '/Library'),
  ...self('/Users', '/Applications', '/Volumes', '/private'),
];

/** `C:\Windows`, `C:\Program Files` and `C:\Program Files (x86)` on any drive, with what they hold. */
export const WINDOWS_SYSTEM_TREES = /^[a-z]:\\(windows|program files|program files \(x86\))(\\|$)/i;
