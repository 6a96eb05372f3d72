/** A folder's plan in before → after figures, as the preview and the cleanup confirmation state them. */
import { formatBytes, formatCount, formatPercent } from './format.js';
import type { PlanTotals } from './types.js';

/**
 * "outputs: 143% → 71% of its limit, 10 KB → 5 KB, 10 → 5 files"; without size or count limits the
 * usage is left out.
 */
export function planChange(name: string, totals: { before: PlanTotals; after: PlanTotals }): string {
  const { before, after } = totals;
  const usage =
    before.usagePercent !== null && after.usagePercent !== null
      ? `${formatPercent(before.usagePercent)} → ${formatPercent(after.usagePercent)} of its limit, `
      : '';
  const files = `${formatCount(before.files)} → ${formatCount(after.files)} ${after.files === 1 ? 'file' : 'files'}`;
  return `${name}: ${usage}${formatBytes(before.sizeBytes)} → ${formatBytes(after.sizeBytes)}, ${files}`;
}
