import { useShallow } from 'zustand/react/shallow';
import { formatBytes, formatCount } from '../../../shared/format.js';
import type { RunRecord } from '../../../shared/types.js';
import { useActions } from '../api/actions-context.js';
import { useDashboard } from '../store/dashboard-store.js';
import { ConfirmCleanup } from './confirm-cleanup.js';
import { PreviewPanel } from './preview-panel.js';

/** "Preview cleanup" and "Clean now" for all folders, the confirmation, live progress and the result. */
export function CleanupPanel() {
  const actions = useActions();
  const status = useDashboard((s) => s.cleanup.status);
  const cleaning = useDashboard((s) => s.snapshot?.cleaning ?? false);
  const busy = status === 'running' || cleaning;
  return (
    <section aria-labelledby="cleanup-heading" className="cleanup" data-testid="cleanup">
      <h2 id="cleanup-heading" tabIndex={-1}>
        Cleanup
      </h2>
      <div className="button-row">
        <button type="button" onClick={() => void actions.preview()}>
          Preview cleanup
        </button>
        <button type="button" className="primary" disabled={busy} onClick={() => void actions.askClean(null)}>
          Clean now
        </button>
      </div>
      <ConfirmCleanup />
      <CleanupProgressView />
      <CleanupOutcome />
      <PreviewPanel place={null} />
    </section>
  );
}

/** Live progress of the running cleanup with "Stop cleanup" (also in the tray popup). */
export function CleanupProgressView() {
  const actions = useActions();
  const running = useDashboard((s) => s.cleanup.status === 'running');
  const progress = useDashboard(useShallow((s) => Object.values(s.cleanup.progress)));
  if (!running) return null;
  return (
    <div className="cleanup-progress" data-testid="cleanup-progress">
      <p role="status">Cleaning…</p>
      {progress.map((p) => (
        <div key={p.folder} className="progress-row">
          <span>{p.folder}</span>{' '}
          <progress
            max={Math.max(1, p.filesTotal)}
            value={p.filesDone}
            aria-label={`${p.folder} cleanup progress`}
          />{' '}
          {formatCount(p.filesDone)} of {formatCount(p.filesTotal)} files, {formatBytes(p.bytesFreed)} freed
        </div>
      ))}
      <button type="button" onClick={() => void actions.cancelCleanup()}>
        Stop cleanup
      </button>
    </div>
  );
}

/** The last cleanup's result or why it did not run (also in the tray popup). */
export function CleanupOutcome() {
  const status = useDashboard((s) => s.cleanup.status);
  const result = useDashboard((s) => s.cleanup.result);
  const error = useDashboard((s) => s.cleanup.error);
  if (status === 'failed') {
    return (
      <p role="alert" className="form-error" data-testid="cleanup-error">
        Cleanup did not run: {error}
      </p>
    );
  }
  if (status !== 'finished' || !result) return null;
  return <RunSummary run={result} />;
}

/** Freed, files, skipped, errors of one run, and the notes of folders still over a limit. */
export function RunSummary({ run }: { run: RunRecord }) {
  const skipped = run.folders.reduce((n, f) => n + f.skipped.length, 0);
  const errors = run.folders.reduce((n, f) => n + f.errors.length, 0);
  const notes = run.folders.flatMap((f) => f.notes.map((note) => `${f.name}: ${note}`));
  return (
    <div role="status" className="run-summary" data-testid="cleanup-result">
      <p>
        Cleanup {run.status.replace(/_/g, ' ')}: freed <strong>{formatBytes(run.bytesFreed)}</strong>, removed{' '}
        {formatCount(run.filesRemoved)} files, skipped {formatCount(skipped)}, {formatCount(errors)} errors.
      </p>
      {notes.length > 0 && (
        <ul>
          {notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
