/** What the emergency watch reads from a snapshot, and what it adds back to one. */
import { emergencyRules, emergencyThresholdOf } from '../../core/emergency.js';
import type { AppConfig, FolderStatus } from '../../../shared/types.js';
import type { EmergencyReadingInput, EmergencyWatch } from '../schedule/emergency-watch.js';

/**
 * The watch's reading of one folder; null for a folder it must not act on (disabled, missing, unreadable,
 * or still in its first scan, whose totals are not known).
 */
export function emergencyReading(config: AppConfig, status: FolderStatus): EmergencyReadingInput | null {
  const rules = config.folders.find((f) => f.name === status.name);
  if (!rules || !status.enabled || !status.exists || status.error !== null || status.scanning) return null;
  return {
    name: status.name,
    usagePercent: status.usagePercent,
    thresholdPercent: emergencyThresholdOf(config, rules),
    minAgeMinutes: rules.minAgeMinutes,
  };
}

/** The statuses with the watch's word on each folder still over its emergency threshold. */
export function withEmergencies(folders: FolderStatus[], watch: EmergencyWatch): FolderStatus[] {
  return folders.map((f) => ({ ...f, emergency: watch.status(f.name, f.usagePercent) }));
}

/** The configuration an emergency cleanup plans with: each folder's limits at its emergency threshold. */
export function emergencyConfig(config: AppConfig): AppConfig {
  const folders = config.folders.map((rules) => emergencyRules(rules, emergencyThresholdOf(config, rules)));
  return { ...config, folders };
}
