/**
 * The home folders of the machine's accounts, which Headroom never manages as a whole (DESIGN.md invariant
 * 3). Read from the account database and from the folders homes usually live in, since macOS keeps its
 * people out of /etc/passwd and a directory service may keep them out on Linux.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';

/** One account's home folder. */
export interface AccountHome {
  user: string;
  home: string;
}

/** Where account homes come from: a port, so tests can name accounts without creating them. */
export type AccountSource = () => Promise<AccountHome[]>;

/** The name and home folder of every entry of an /etc/passwd text (`name:x:uid:gid:gecos:home:shell`). */
export function parsePasswd(text: string): AccountHome[] {
  const homes: AccountHome[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const fields = line.split(':');
    const [user, home] = [fields[0], fields[5]];
    if (fields.length >= 7 && user && home && path.posix.isAbsolute(home)) homes.push({ user, home });
  }
  return homes;
}

/** Folders whose entries are homes of the same names; `Shared` on macOS is everyone's, not a home. */
const HOME_PARENTS = ['/home', '/Users'];
const NOT_HOMES = new Set(['Shared', 'lost+found']);

/** The accounts of this machine: /etc/passwd, then each entry of /home and /Users. */
export const systemAccountHomes: AccountSource = async () => {
  if (process.platform === 'win32') return [];
  const passwd = await fs.readFile('/etc/passwd', 'utf8').then(parsePasswd, () => []);
  const listed = await Promise.all(
    HOME_PARENTS.map(async (parent) => {
      const names = await fs.readdir(parent).catch(() => [] as string[]);
      return names
        .filter((name) => !name.startsWith('.') && !NOT_HOMES.has(name))
        .map((name) => ({ user: name, home: path.join(parent, name) }));
    }),
  );
  return [...passwd, ...listed.flat()];
};
