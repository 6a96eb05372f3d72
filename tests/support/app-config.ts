/** Normalised app settings with the config defaults (warn at 80%, 5-hourly, 5% floor, 60 s polls), no folders. */
import type { AppConfig } from '../../shared/types.js';

export function appConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    warningThresholdPercent: 80,
    cleanupOnStartup: false,
    cleanupIntervalHours: 5,
    freeSpaceFloorPercent: 5,
    pollIntervalSeconds: 60,
    notifications: true,
    startAtLogin: false,
    folders: [],
    ...overrides,
  };
}
