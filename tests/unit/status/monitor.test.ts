import { manualClock } from '../../support/manual-clock.js';
import { describe, expect, it } from 'vitest';
import type { FolderRules, FolderStatus, WarningEvent } from '../../../shared/types.js';
import { BYTES_PER_GB, MS_PER_DAY } from '../../../shared/units.js';
import { Monitor } from '../../../electron/engine/status/monitor.js';
import { buildFolderStatus } from '../../../electron/engine/status/build-folder-status.js';
import { folderRules } from '../../support/folder-rules.js';

const settings = { warningThresholdPercent: 80, freeSpaceFloor: { percent: 5, bytes: null } };

function rules(overrides: Partial<FolderRules> = {}): FolderRules {
  return folderRules({ maxSizeBytes: 5 * BYTES_PER_GB, ...overrides });
}

function status(
  r: FolderRules,
  sizeBytes: number,
  extra: Partial<FolderStatus> = {},
  fileCount = 1,
): FolderStatus {
  const stats = { exists: true, error: null, sizeBytes, fileCount, oldestMtimeMs: 0 };
  return { ...buildFolderStatus(r, stats, settings.warningThresholdPercent, 0), ...extra };
}

function run(percents: number[]) {
  const clock = manualClock();
  const seen: WarningEvent[] = [];
  const monitor = new Monitor({ clock, onWarning: (e) => seen.push(e) });
  const r = rules({ maxSizeBytes: 1000 });
  const raised = percents.map((p) => {
    clock.advance(1000);
    return monitor.observe(status(r, p * 10), settings).map((e) => e.kind);
  });
  const over = seen.filter((e) => e.kind === 'over').map((e) => e.folder);
  return { raised, over, seen };
}

describe('Monitor hysteresis (fake clock)', () => {
  it('raises once per rise and re-arms only 5 points below the threshold', () => {
    const table: [number, string[]][] = [
      [50, []],
      [79, []],
      [81, ['threshold']],
      [79, []],
      [82, []],
      [75, []],
      [81, ['threshold']],
      [99, []],
      [101, ['over']],
      [99, []],
      [102, []],
      [70, []],
      [105, ['over']],
    ];
    const { raised, over } = run(table.map(([p]) => p));
    expect(raised).toEqual(table.map(([, kinds]) => kinds));
    expect(over).toEqual(['outputs', 'outputs']);
  });

  it('a folder already full at start-up raises over once', () => {
    const { raised, over, seen } = run([120, 130, 101]);
    expect(raised).toEqual([['over'], [], []]);
    expect(over).toEqual(['outputs']);
    expect(seen[0]).toMatchObject({ kind: 'over', level: 'over', folder: 'outputs', usagePercent: 120 });
  });

  it('stamps events with the injected clock', () => {
    const clock = manualClock(5_000);
    const monitor = new Monitor({ clock });
    const [event] = monitor.observe(status(rules({ maxSizeBytes: 100 }), 90), settings);
    expect(event?.atMs).toBe(5_000);
  });

  it('says how full a folder is in absolute units', () => {
    const monitor = new Monitor({ clock: manualClock() });
    const size = monitor.observe(status(rules(), 4.1 * BYTES_PER_GB), settings);
    expect(size.map((e) => e.message)).toEqual(['outputs holds 4.1 GB of 5 GB (82%)']);
    const temp = rules({ name: 'temp', maxSizeBytes: null, maxFiles: 200 });
    const count = monitor.observe(status(temp, 0, {}, 190), settings);
    expect(count.map((e) => e.message)).toEqual(['temp holds 190 of 200 files (95%)']);
    const full = monitor.observe(status(rules({ name: 'full' }), 6 * BYTES_PER_GB), settings);
    expect(full.map((e) => e.message)).toEqual(['full holds 6 GB of 5 GB (120%): over its limit']);
  });

  it('stays quiet about an age-only folder, near or past its age limit: age is a policy, not capacity', () => {
    const clock = manualClock(10 * MS_PER_DAY);
    const monitor = new Monitor({ clock });
    const r = rules({ name: 'temp', maxSizeBytes: null, maxAgeDays: 7 });
    for (const oldestMtimeMs of [4 * MS_PER_DAY, 1 * MS_PER_DAY]) {
      const stats = { exists: true, error: null, sizeBytes: 1, fileCount: 1, oldestMtimeMs };
      const status = buildFolderStatus(r, stats, 80, clock.now(), { filesPastMaxAge: 1 });
      expect(status).toMatchObject({ usagePercent: 0, level: 'ok' });
      expect(monitor.observe(status, settings)).toEqual([]);
    }
  });

  it('warns about a low volume once, re-arming 2 points above the floor', () => {
    const monitor = new Monitor({ clock: manualClock() });
    const totalBytes = 80 * BYTES_PER_GB;
    const atFree = (percent: number) => {
      const freeBytes = (percent / 100) * totalBytes;
      const volume = { freeBytes, totalBytes, low: percent < 5 };
      return monitor.observe(status(rules(), 0, { volume }), settings).filter((e) => e.kind === 'low-disk');
    };
    const messages = [10, 4, 4.5, 6, 7, 3].map((p) => atFree(p).map((e) => e.message));
    expect(messages).toEqual([
      [],
      ['the volume of outputs has 3.2 GB free (4%)'],
      [],
      [],
      [],
      ['the volume of outputs has 2.4 GB free (3%)'],
    ]);
  });

  it('announces a folder error and a fallback to polling once each, until they clear', () => {
    const monitor = new Monitor({ clock: manualClock() });
    const r = rules();
    const kinds = (extra: Partial<FolderStatus>) =>
      monitor.observe(status(r, 0, extra), settings).map((e) => e.kind);
    const polling = { watch: { mode: 'polling' as const, reason: 'inotify watch limit reached (ENOSPC)' } };
    expect(kinds(polling)).toEqual(['polling']);
    expect(kinds(polling)).toEqual([]);
    expect(kinds({ error: 'Headroom cannot read /data/outputs (EACCES).' })).toEqual(['folder-error']);
    expect(kinds({ error: 'Headroom cannot read /data/outputs (EACCES).' })).toEqual([]);
    expect(kinds({})).toEqual([]);
    expect(kinds(polling)).toEqual(['polling']);
  });

  it('forgets a folder that left the configuration: added back still over, it raises over again', () => {
    const monitor = new Monitor({ clock: manualClock() });
    const outputs = status(rules({ maxSizeBytes: 1000 }), 1010);
    expect(monitor.observe(outputs, settings).map((e) => e.kind)).toEqual(['over']);
    monitor.keepOnly(['outputs']);
    expect(monitor.observe(outputs, settings)).toEqual([]);
    monitor.keepOnly(['other']);
    expect(monitor.observe(outputs, settings).map((e) => e.kind)).toEqual(['over']);
  });

  it('stays quiet about a disabled folder', () => {
    const monitor = new Monitor({
      clock: manualClock(),
      onWarning: () => expect.fail('no warning for a disabled folder'),
    });
    expect(monitor.observe(status(rules({ enabled: false }), 6 * BYTES_PER_GB), settings)).toEqual([]);
  });
});
