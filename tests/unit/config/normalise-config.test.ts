import { describe, expect, it } from 'vitest';
import path from 'node:path';
import {
  defaultCaseSensitiveGlobs,
  expandPath,
  normaliseConfig,
} from '../../../electron/engine/config/normalise-config.js';
import { CONFIG_DEFAULTS, configFileSchema } from '../../../shared/config-schema.js';

const ctx = { configDir: path.resolve('/cfg/dir'), home: path.resolve('/users/ana') };

describe('expandPath', () => {
  it.each([
    ['~', '/users/ana'],
    ['~/tts/out', '/users/ana/tts/out'],
    ['out', '/cfg/dir/out'],
    ['./a/../b', '/cfg/dir/b'],
    ['../shared', '/cfg/shared'],
    ['~bob/x', '/cfg/dir/~bob/x'],
    ['x/~/y', '/cfg/dir/x/~/y'],
    ['/abs//path/', '/abs/path'],
  ])('%s → %s', (raw, expected) => {
    expect(expandPath(raw, ctx)).toBe(path.resolve(expected));
  });
});

describe('normaliseConfig', () => {
  it('reads emergency_threshold_percent globally and per folder (issue 16)', () => {
    const config = normaliseConfig(
      {
        emergency_threshold_percent: 90,
        folders: [
          { name: 'a', path: 'a', max_files: 5 },
          { name: 'b', path: 'b', max_files: 5, emergency_threshold_percent: 120 },
        ],
      },
      ctx,
    );
    expect(config.emergencyThresholdPercent).toBe(90);
    expect(config.folders.map((f) => f.emergencyThresholdPercent)).toEqual([undefined, 120]);
  });

  it('reads the low-disk keys: free_space_floor_gb in bytes, on_low_disk (issue 16 item 2)', () => {
    const folders = [{ name: 'a', path: 'a', max_files: 5 }];
    const config = normaliseConfig(
      configFileSchema.parse({ free_space_floor_gb: 2.5, on_low_disk: 'warn', folders }),
      ctx,
    );
    expect(config.freeSpaceFloorBytes).toBe(2.5 * 1024 ** 3);
    expect(config.onLowDisk).toBe('warn');
    expect(normaliseConfig(configFileSchema.parse({ folders }), ctx).onLowDisk).toBe('clean');
    const bad = configFileSchema.safeParse({ on_low_disk: 'delete', folders });
    expect(bad.error?.issues[0]?.message).toBe('on_low_disk must be "clean" or "warn"');
  });

  it('converts GB with 1 GB = 1024³ bytes (fractions allowed) and fills every default', () => {
    const config = normaliseConfig({ folders: [{ name: 'a', path: 'a', max_size_gb: 1.5 }] }, ctx);
    expect(config).toEqual({
      warningThresholdPercent: CONFIG_DEFAULTS.warning_threshold_percent,
      emergencyThresholdPercent: 100,
      cleanupOnStartup: CONFIG_DEFAULTS.cleanup_on_startup,
      cleanupIntervalHours: CONFIG_DEFAULTS.cleanup_interval_hours,
      scheduleAt: null,
      freeSpaceFloorBytes: null,
      onLowDisk: 'clean',
      freeSpaceFloorPercent: CONFIG_DEFAULTS.free_space_floor_percent,
      pollIntervalSeconds: CONFIG_DEFAULTS.poll_interval_seconds,
      notifications: CONFIG_DEFAULTS.notifications,
      startAtLogin: CONFIG_DEFAULTS.start_at_login,
      folders: [
        {
          name: 'a',
          path: path.resolve('/cfg/dir/a'),
          maxSizeBytes: 1610612736,
          maxFiles: null,
          maxAgeDays: null,
          minAgeMinutes: 10,
          sizeTargetPercent: 80,
          exclude: [],
          protect: [],
          action: 'delete',
          enabled: true,
          caseSensitiveGlobs: defaultCaseSensitiveGlobs(process.platform),
          kind: 'files',
          manifestFile: null,
          retentionHours: null,
        },
      ],
    });
  });

  it("matches globs by the platform's filesystem convention unless the folder says otherwise", () => {
    expect(defaultCaseSensitiveGlobs('linux')).toBe(true);
    expect(defaultCaseSensitiveGlobs('darwin')).toBe(false);
    expect(defaultCaseSensitiveGlobs('win32')).toBe(false);
    const native = process.platform !== 'darwin' && process.platform !== 'win32';
    const folder = { name: 'a', path: 'a', max_files: 1 };
    const defaulted = normaliseConfig({ folders: [folder] }, ctx).folders[0];
    expect(defaulted?.caseSensitiveGlobs).toBe(native);
    const overridden = normaliseConfig({ folders: [{ ...folder, case_sensitive_globs: !native }] }, ctx);
    expect(overridden.folders[0]?.caseSensitiveGlobs).toBe(!native);
  });

  it('keeps every value the file sets', () => {
    const config = normaliseConfig(
      {
        warning_threshold_percent: 60,
        cleanup_on_startup: false,
        cleanup_interval_hours: 0.5,
        free_space_floor_percent: 0,
        poll_interval_seconds: 30,
        notifications: false,
        start_at_login: true,
        folders: [
          {
            name: 'b',
            path: '~/b',
            max_files: 3,
            max_age_days: 0.5,
            min_age_minutes: 0,
            size_target_percent: 100,
            exclude: ['*.tmp'],
            protect: ['keep/**'],
            action: 'trash',
            enabled: false,
            case_sensitive_globs: false,
          },
        ],
      },
      ctx,
    );
    expect(config).toMatchObject({
      warningThresholdPercent: 60,
      cleanupOnStartup: false,
      cleanupIntervalHours: 0.5,
    });
    expect(config).toMatchObject({
      freeSpaceFloorPercent: 0,
      pollIntervalSeconds: 30,
      notifications: false,
      startAtLogin: true,
    });
    expect(config.folders[0]).toEqual({
      name: 'b',
      path: path.resolve('/users/ana/b'),
      maxSizeBytes: null,
      maxFiles: 3,
      maxAgeDays: 0.5,
      minAgeMinutes: 0,
      sizeTargetPercent: 100,
      exclude: ['*.tmp'],
      protect: ['keep/**'],
      action: 'trash',
      enabled: false,
      caseSensitiveGlobs: false,
      kind: 'files',
      manifestFile: null,
      retentionHours: null,
    });
  });
});
