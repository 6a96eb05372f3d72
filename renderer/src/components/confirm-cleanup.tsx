import { useEffect, type ReactNode } from 'react';
import { useActions } from '../api/actions-context.js';
import { formatBytes, formatCount } from '../../../shared/format.js';
import { impactFigures } from '../../../shared/impact-text.js';
import { planChange } from '../../../shared/preview-figures.js';
import { useDashboard } from '../store/dashboard-store.js';
import { useReturnFocus } from '../view/use-return-focus.js';

/**
 * Asks before removing files, with what would go once the engine's preview says; Escape or "Cancel"
 * closes it, "Confirm cleanup" runs the cleanup. When the preview finds nothing to remove it says so
 * and offers only "Close": there is nothing to confirm.
 */
export function ConfirmCleanup() {
  const scope = useDashboard((s) => s.confirmScope);
  const would = useDashboard((s) => s.confirmWould);
  const dismiss = useDashboard((s) => s.dismissConfirm);
  const pending = useDashboard((s) => s.snapshot?.pendingRules ?? null);
  const actions = useActions();
  if (scope === undefined) return null;
  const what = scope === null ? 'all folders' : scope.join(', ');
  // The same frame in both faces, so React keeps it (and the button it gives focus back to) when the
  // figures arrive and say there is nothing to remove.
  if (would !== null && would.files === 0) {
    return (
      <DialogFrame dismiss={dismiss}>
        <NothingToClean what={what} dismiss={dismiss} />
      </DialogFrame>
    );
  }
  return (
    <DialogFrame dismiss={dismiss}>
      <p id="confirm-title">
        <strong>Clean {what} now?</strong>
      </p>
      <p id="confirm-text">
        {would !== null && (
          <span data-testid="confirm-figures">
            {formatCount(would.files)} {would.files === 1 ? 'file' : 'files'}, {formatBytes(would.bytes)},
            will be removed.{' '}
          </span>
        )}
        {would !== null && would.changes.length > 0 && (
          // The numbers the user agrees to: how full each folder is now, and after.
          <span className="confirm-changes">
            {would.changes.map((c) => (
              <span key={c.name} className="confirm-change" data-testid={`confirm-change-${c.name}`}>
                {planChange(c.name, c.totals)}
              </span>
            ))}{' '}
          </span>
        )}
        Files are removed by each folder&apos;s rules, oldest first; protected and recently written files
        stay. Files set to be deleted cannot be brought back.
      </p>
      {pending && (
        // A clean is the user's say on rules changed on disk: say what it applies before it does.
        <p data-testid="confirm-pending">
          This applies the rules changed in config.yaml, which remove {impactFigures(pending.impact)} that the
          rules before did not.
        </p>
      )}
      <div className="button-row">
        {/* Focus goes to the dialog's action so a keyboard user can confirm or Escape at once. */}
        <button
          type="button"
          className="danger"
          autoFocus
          onClick={() => void actions.clean(scope ?? undefined)}
        >
          Confirm cleanup
        </button>
        <button type="button" onClick={dismiss}>
          Cancel
        </button>
      </div>
    </DialogFrame>
  );
}

function NothingToClean({ what, dismiss }: { what: string; dismiss: () => void }) {
  return (
    <>
      <p id="confirm-title">
        <strong>Nothing to clean in {what}</strong>
      </p>
      <p id="confirm-text">
        Every file is within its folder&apos;s limits, or is protected or too recent to remove.
      </p>
      <div className="button-row">
        <button type="button" autoFocus onClick={dismiss}>
          Close
        </button>
      </div>
    </>
  );
}

/**
 * The confirmation's frame: an alert dialog named by its title and text, closed by Escape; focus goes back
 * to the Clean button that opened it, or to the Cleanup heading (where progress shows) while that is disabled.
 */
function DialogFrame({ dismiss, children }: { dismiss: () => void; children: ReactNode }) {
  useReturnFocus('cleanup-heading');
  // Escape still closes it when focus fell to the page body (its button was swapped while focused).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && (document.activeElement ?? document.body) === document.body) dismiss();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [dismiss]);
  return (
    <div
      role="alertdialog"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-text"
      className="confirm"
      onKeyDown={(e) => {
        if (e.key === 'Escape') dismiss();
      }}
    >
      {children}
    </div>
  );
}
