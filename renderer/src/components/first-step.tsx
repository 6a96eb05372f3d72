/**
 * First start: while config.yaml manages only the sample folders Headroom made for itself, say so and give
 * one first step, "Point Headroom at your folders", using what was found on this computer when anything was.
 */
import { useDashboard } from '../store/dashboard-store.js';

/** Moves focus to a section's heading (and it into view), as a keyboard user would expect from a link. */
function focusHeading(id: string): void {
  const heading = document.getElementById(id);
  if (!heading) return;
  if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
  heading.scrollIntoView?.({ block: 'start' });
  heading.focus();
}

export function FirstStep() {
  const found = useDashboard((s) => s.found);
  const folders = useDashboard((s) => s.snapshot?.folders);
  if (found?.firstRun !== true) return null;
  const samples = (folders ?? []).map((f) => f.name);
  const n = found.proposals.length;
  return (
    <section aria-labelledby="first-step-heading" className="first-step" data-testid="first-step">
      <h2 id="first-step-heading">Point Headroom at your folders</h2>
      <p>
        {samples.length > 0
          ? `${samples.join(', ')} ${samples.length === 1 ? 'is a sample' : 'are samples'}`
          : 'The folders below are samples'}{' '}
        Headroom made in its own data folder to show how it works: nothing of yours is managed yet.
      </p>
      {n > 0 ? (
        <>
          <p data-testid="first-step-found">
            Headroom found {n} {n === 1 ? 'folder' : 'folders'} that AI tools on this computer fill. Tick the
            ones to keep in check; each shows what its first cleanup would remove before anything is added.
          </p>
          <button type="button" className="primary" onClick={() => focusHeading('found-heading')}>
            Choose from what was found
          </button>
        </>
      ) : (
        <>
          <p data-testid="first-step-none">
            No AI tool&apos;s folders were found here. Add the folders your tools write to in Settings, with a
            limit for each.
          </p>
          <button type="button" className="primary" onClick={() => focusHeading('settings-heading')}>
            Add your folders in Settings
          </button>
        </>
      )}
    </section>
  );
}
