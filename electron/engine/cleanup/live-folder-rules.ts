/**
 * A folder's rules as the configuration has them now, for a running cleanup (DESIGN.md invariant 4): a
 * change to that folder's rules (a new protect or exclude pattern, a shorter grace period, the folder
 * disabled, moved or removed) stops its removals before the next file, and the files left are checked
 * against the new rules. Changes to other folders or settings do not interrupt it.
 */
import type { AppConfig, FolderRules } from '../../../shared/types.js';
import type { LiveRules } from '../executor/execute-plan.js';
import type { Disposer } from '../ports.js';

/** The part of the config store a run needs. */
export interface LiveConfig {
  current(): { config: AppConfig } | null;
  onChange(listener: () => void): Disposer;
}

export function liveFolderRules(config: LiveConfig, atStart: FolderRules): LiveRules {
  const now = (): FolderRules | null => {
    const rules = config.current()?.config.folders.find((f) => f.name === atStart.name) ?? null;
    // A folder that moved is another folder: its files are not the ones planned.
    if (rules === null || !rules.enabled || rules.path !== atStart.path) return null;
    return rules;
  };
  return {
    current: now,
    onChange(listener) {
      let last = JSON.stringify(atStart);
      return config.onChange(() => {
        const next = JSON.stringify(now());
        if (next === last) return;
        last = next;
        listener();
      });
    },
  };
}
