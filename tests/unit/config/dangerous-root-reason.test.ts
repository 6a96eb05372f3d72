import { describe, expect, it } from 'vitest';
import path from 'node:path';
import {
  dangerousRootReason,
  overlapProblems,
  type PathRules,
  type ProtectedPlaces,
} from '../../../electron/engine/config/safe-roots.js';

const POSIX: PathRules = { api: path.posix, caseInsensitive: false };
const MAC: PathRules = { api: path.posix, caseInsensitive: true };
const WINDOWS: PathRules = { api: path.win32, caseInsensitive: true };

const places: ProtectedPlaces = {
  home: '/home/ana',
  dataDir: '/home/ana/.config/headroom',
  configDir: '/home/ana/chatterbox',
};
const reason = (root: string, rules = POSIX) => dangerousRootReason(root, places, rules);

describe('dangerousRootReason (POSIX)', () => {
  it('refuses the file-system root', () => {
    expect(reason('/')).toBe('it is the root of a file system');
  });

  it.each([
    '/bin',
    '/boot',
    '/dev',
    '/etc',
    '/lib',
    '/lib32',
    '/lib64',
    '/opt',
    '/proc',
    '/root',
    '/run',
    '/sbin',
    '/srv',
    '/sys',
    '/usr',
    '/var',
  ])('refuses the system folder %s', (dir) => {
    expect(reason(dir)).toMatch(/system folder/);
  });

  it.each([
    '/proc/1',
    '/sys/kernel',
    '/dev/shm',
    '/boot/efi',
    '/etc/nginx',
    '/usr/local/share',
    '/bin/x',
    '/sbin/x',
    '/lib/x',
    '/libx32/y',
  ])('refuses %s inside a system tree', (dir) => {
    expect(reason(dir)).toBe('it is inside a system folder');
  });

  it.each(['/tmp', '/var/tmp', '/mnt', '/media', '/run/media', '/var/cache'])(
    "refuses %s itself (it holds other programs' or other disks' folders)",
    (dir) => {
      expect(reason(dir)).toBe('it is a system folder');
    },
  );

  it.each([
    '/var/lib',
    '/var/lib/dpkg',
    '/var/lib/docker/volumes/x/_data',
    '/var/log',
    '/var/log/journal',
    '/var/spool',
    '/var/spool/cron',
    '/var/spool/cron/crontabs',
    '/var/mail',
    '/var/mail/ana',
    '/var/backups',
    '/run/user',
    '/run/user/1000',
    '/run/user/1000/tool',
    '/snap',
    '/snap/core/1234',
    '/nix/store',
    '/nix/store/abc-hello-2.12',
  ])('refuses %s: a system folder whose whole tree belongs to the system (issue 10, finding 4)', (dir) => {
    expect(reason(dir)).toMatch(/^it is (inside )?a system folder$/);
  });

  it('refuses a folder that contains a system folder, naming it', () => {
    expect(reason('/nix')).toBe('it contains the system folder /nix/store');
  });

  it.each([
    '/var/tmp/outputs',
    '/media/ana/disk/outputs',
    '/opt/tool/outputs',
    '/srv/tts/temp',
    '/run/media/ana/disk/out',
    '/mnt/data/outputs',
    '/tmp/x',
  ])('allows %s (a user folder below a system folder that is not a system tree)', (dir) => {
    expect(reason(dir)).toBeNull();
  });

  it('refuses macOS system folders, comparing without case, and sees /etc through /private', () => {
    expect(reason('/System/Library/x', MAC)).toBe('it is inside a system folder');
    expect(reason('/library', MAC)).toMatch(/system folder/);
    expect(reason('/Applications', MAC)).toBe('it is a system folder');
    expect(reason('/private', MAC)).toBe('it is a system folder');
    expect(reason('/private/etc/ssh', MAC)).toBe('it is inside a system folder');
    expect(reason('/private/var/folders/xy/T/outputs', MAC)).toBeNull();
  });

  it('refuses the home folder and anything that contains it, but not a folder inside it', () => {
    expect(reason('/home/ana')).toBe('it is your home folder');
    expect(reason('/home')).toMatch(/system folder|home folder/);
    expect(dangerousRootReason('/data', { ...places, home: '/data/ana' }, POSIX)).toBe(
      'it contains your home folder',
    );
    expect(reason('/home/ana/outputs')).toBeNull();
  });

  it("refuses Headroom's data folder, what contains it, and what is inside it except folders/", () => {
    expect(reason('/home/ana/.config/headroom')).toMatch(/^it is Headroom's data folder/);
    expect(reason('/home/ana/.config')).toMatch(/^it contains Headroom's data folder/);
    expect(reason('/home/ana/.config/headroom/logs')).toMatch(/^it is inside Headroom's data folder/);
    expect(reason('/home/ana/.config/headroom/folders/outputs')).toBeNull();
    expect(reason('/home/ana/.config/headroom/folders')).toBeNull();
  });

  it("refuses another account's home folder and what contains it, but not a folder inside it", () => {
    const otherHomes = [
      { user: 'bob', home: '/home/bob' },
      { user: 'svc', home: '/data/svc' },
    ];
    const withOthers = (root: string) => dangerousRootReason(root, { ...places, otherHomes }, POSIX);
    expect(withOthers('/home/bob')).toBe('it is the home folder of user bob');
    expect(withOthers('/data/svc')).toBe('it is the home folder of user svc');
    expect(withOthers('/data')).toBe('it contains the home folder /data/svc of user svc');
    expect(withOthers('/home/bob/outputs')).toBeNull();
    expect(withOthers('/data/other')).toBeNull();
  });

  it('refuses the folder a linked config file really lives in, and what contains it', () => {
    const linked = { ...places, configRealFile: '/srv/tts/outputs/headroom.yaml' };
    const viaLink = (root: string) => dangerousRootReason(root, linked, POSIX);
    expect(viaLink('/srv/tts/outputs')).toBe(
      'it holds the config file (the config file is a link to /srv/tts/outputs/headroom.yaml)',
    );
    expect(viaLink('/srv/tts')).toBe(
      'it contains the config file (the config file is a link to /srv/tts/outputs/headroom.yaml)',
    );
    expect(viaLink('/srv/tts/outputs/old')).toBeNull();
    expect(viaLink('/home/ana/chatterbox')).toBe('it is the folder of the config file itself');
  });

  it("refuses the config file's folder and what contains it, but not a folder beside the file", () => {
    expect(reason('/home/ana/chatterbox')).toBe('it is the folder of the config file itself');
    expect(dangerousRootReason('/srv/tts', { ...places, configDir: '/srv/tts/conf' }, POSIX)).toBe(
      'it contains the config file',
    );
    expect(reason('/home/ana/chatterbox/outputs')).toBeNull();
  });
});

describe('dangerousRootReason (Windows rules)', () => {
  const winPlaces: ProtectedPlaces = {
    home: 'C:\\Users\\ana',
    dataDir: 'C:\\Users\\ana\\AppData\\Roaming\\Headroom',
    configDir: 'C:\\Users\\ana\\AppData\\Roaming\\Headroom',
  };
  const win = (root: string) => dangerousRootReason(root, winPlaces, WINDOWS);

  it('refuses drive roots, Windows and Program Files (any case), the home folder', () => {
    expect(win('C:\\')).toBe('it is the root of a file system');
    expect(win('D:\\')).toBe('it is the root of a file system');
    expect(win('c:\\windows\\Temp')).toBe('it is a Windows system folder');
    expect(win('C:\\Program Files\\Tool\\out')).toBe('it is a Windows system folder');
    expect(win('C:\\Program Files (x86)')).toBe('it is a Windows system folder');
    expect(win('c:\\users\\ANA')).toBe('it is your home folder');
  });

  it('allows an ordinary folder on another drive', () => {
    expect(win('D:\\tts\\outputs')).toBeNull();
  });
});

describe('overlapProblems', () => {
  const root = (name: string, realPath: string, enabled = true) => ({ name, realPath, enabled });

  it('reports a root inside another, and two names for one folder, on the later folder', () => {
    expect(
      overlapProblems(
        [root('outputs', '/t/out'), root('temp', '/t/out/temp'), root('again', '/t/out')],
        POSIX,
      ),
    ).toEqual([
      { index: 1, message: 'outputs contains temp: a file would be managed twice' },
      { index: 2, message: 'outputs and again are the same folder: a file would be managed twice' },
      { index: 2, message: 'again contains temp: a file would be managed twice' },
    ]);
  });

  it('ignores siblings with a common prefix and disabled folders', () => {
    expect(overlapProblems([root('a', '/t/out'), root('b', '/t/outputs')], POSIX)).toEqual([]);
    expect(overlapProblems([root('a', '/t/out'), root('b', '/t/out/x', false)], POSIX)).toEqual([]);
  });
});
