import { describe, expect, it } from 'vitest';
import {
  boundSources,
  mountPointsInside,
  parseMountInfo,
} from '../../../electron/engine/config/mount-table.js';

const line = (id: number, device: string, root: string, mountPoint: string, fs = 'ext4') =>
  `${id} 1 ${device} ${root} ${mountPoint} rw,relatime shared:${id} - ${fs} /dev/x rw`;

const TABLE = parseMountInfo(
  [
    line(22, '8:1', '/', '/'),
    line(30, '8:1', '/etc/ssh', '/srv/x'),
    line(31, '0:40', '/@', '/data', 'btrfs'),
    line(32, '0:40', '/@home', '/home', 'btrfs'),
    line(33, '8:2', '/', '/mnt/with\\040space'),
    line(34, '8:3', '/host/data', '/box/data'),
    '',
  ].join('\n'),
);

describe('parseMountInfo', () => {
  it('reads device, root and mount point, unescaping octal escapes', () => {
    expect(TABLE).toContainEqual({ device: '8:2', root: '/', mountPoint: '/mnt/with space' });
    expect(TABLE).toHaveLength(6);
  });
});

describe('boundSources', () => {
  it('finds the folder a bind mount shows, through the mount of its whole file system', () => {
    expect(boundSources('/srv/x', TABLE)).toEqual(['/etc/ssh']);
    expect(boundSources('/srv/x/sub/dir', TABLE)).toEqual(['/etc/ssh/sub/dir']);
  });

  it('gives nothing for a folder on a whole file system, a subvolume or a source mounted nowhere else', () => {
    expect(boundSources('/srv/other', TABLE)).toEqual([]);
    expect(boundSources('/home/ana/outputs', TABLE)).toEqual([]);
    expect(boundSources('/box/data/outputs', TABLE)).toEqual([]);
  });

  it('sees a subvolume through the mount of its whole pool, and a bind through its host file system', () => {
    const pool = [...TABLE, ...parseMountInfo(line(40, '0:40', '/', '/mnt/pool', 'btrfs'))];
    expect(boundSources('/home/ana', pool)).toEqual(['/mnt/pool/@home/ana']);
    const twice = [...TABLE, ...parseMountInfo(line(41, '8:3', '/', '/mnt/host'))];
    expect(boundSources('/box/data/x', twice)).toEqual(['/mnt/host/host/data/x']);
  });

  it('finds the usual path even when another bind mount also shows a folder above the source', () => {
    const binds = [...TABLE, ...parseMountInfo(line(42, '8:1', '/etc', '/srv/e'))];
    expect(boundSources('/srv/x', binds)).toEqual(['/etc/ssh', '/srv/e/ssh']);
  });
});

describe('mountPointsInside', () => {
  it('lists the mount points strictly inside a folder', () => {
    expect(mountPointsInside('/srv', TABLE)).toEqual(['/srv/x']);
    expect(mountPointsInside('/srv/x', TABLE)).toEqual([]);
    expect(mountPointsInside('/', TABLE)).toHaveLength(5);
  });
});
