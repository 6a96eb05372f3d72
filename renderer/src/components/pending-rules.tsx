/**
 * A change made to config.yaml on disk whose new removals wait (DESIGN.md invariant 7): what they are,
 * when they apply, and the user's two answers. Run now opens the cleanup confirmation, which says the same.
 */
import { formatBytes, formatCount } from '../../../shared/format.js';
import { folderNames } from '../../../shared/impact-text.js';
import type { PendingRules } from '../../../shared/types.js';
import { useActions } from '../api/actions-context.js';
import { useDashboard } from '../store/dashboard-store.js';

export function PendingRulesCard() {
  const pending = useDashboard((s) => s.snapshot?.pendingRules ?? null);
  const actions = useActions();
  if (pending === null) return null;
  return (
    <section className="pending-rules" data-testid="pending-rules" aria-label="Pending rules">
      <p>
        <strong>{pendingText(pending)}</strong>
      </p>
      <p>
        config.yaml was changed on disk. Until you decide, cleanups remove only what the rules before the
        change removed too.
      </p>
      <div className="button-row">
        <button type="button" className="danger" onClick={() => void actions.askClean(null)}>
          Run now
        </button>
        {pending.held ? (
          <button type="button" onClick={() => void actions.holdPendingRules(false)}>
            Release hold
          </button>
        ) : (
          <button type="button" onClick={() => void actions.holdPendingRules(true)}>
            Hold
          </button>
        )}
      </div>
    </section>
  );
}

/** "Pending: 50,000 files from cache under the new rules, at 03:00" (or "held until you decide"). */
export function pendingText(pending: PendingRules): string {
  const { impact } = pending;
  const what = `${formatCount(impact.files)} ${impact.files === 1 ? 'file' : 'files'} (${formatBytes(impact.bytes)}) from ${folderNames(impact.folders)} under the new rules`;
  if (pending.held) return `Held: ${what}, until you decide`;
  if (pending.appliesAt === null) return `Pending: ${what}, until you decide`;
  const at = new Date(pending.appliesAt).toLocaleTimeString(undefined, {
    hour: '2-digit',
    minute: '2-digit',
  });
  return `Pending: ${what}, at ${at}`;
}
