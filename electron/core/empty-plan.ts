/** The plan that removes nothing: what a disabled folder, or one that cannot be planned yet, gets. */
import type { FolderPlan } from '../../shared/types.js';

export function emptyPlan(name: string): FolderPlan {
  return {
    name,
    remove: [],
    bytesToFree: 0,
    overLimitAfter: false,
    notes: [],
    kept: { protected: 0, young: 0 },
  };
}
