import { Fragment, useState } from 'react';
import { formatBytes, formatCount } from '../../../shared/format.js';
import type { RunRecord } from '../../../shared/types.js';
import { useDashboard } from '../store/dashboard-store.js';
import { localTime } from '../view/relative-time.js';
import { RunDetails } from './run-details.js';

const COLUMNS = 7;

/** Past cleanups, newest first; each row expands to the files removed, skipped (and why) and failed. */
export function HistoryTable() {
  const history = useDashboard((s) => s.history);
  const status = useDashboard((s) => s.historyStatus);
  const error = useDashboard((s) => s.historyError);
  const [expanded, setExpanded] = useState<string | null>(null);
  return (
    <section aria-labelledby="history-heading" className="history">
      <h2 id="history-heading">History</h2>
      {status === 'error' && (
        <p role="alert" className="form-error">
          Could not read the history: {error}
        </p>
      )}
      {!history && status !== 'error' && <p role="status">Loading history…</p>}
      {history && history.damagedLines > 0 && (
        <p className="folder-note">{history.damagedLines} damaged history lines were skipped.</p>
      )}
      {history && history.runs.length === 0 && <p className="empty">No cleanups yet.</p>}
      {history && history.runs.length > 0 && (
        // A wide table scrolls inside its own box (reachable by keyboard), never the page.
        <div className="table-scroll" role="region" aria-label="Cleanup history, scrollable" tabIndex={0}>
          <table data-testid="history-table">
            <caption>Cleanup history</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Trigger</th>
                <th scope="col">Status</th>
                <th scope="col">Freed</th>
                <th scope="col">Files</th>
                <th scope="col">Errors</th>
                <th scope="col">
                  <span className="visually-hidden">Details</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {history.runs.map((run) => (
                <HistoryRow
                  key={run.id}
                  run={run}
                  open={expanded === run.id}
                  onToggle={() => setExpanded(expanded === run.id ? null : run.id)}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function HistoryRow({ run, open, onToggle }: { run: RunRecord; open: boolean; onToggle: () => void }) {
  const errors = run.folders.reduce((n, f) => n + f.errors.length + (f.omitted?.errors ?? 0), 0);
  const detailsId = `run-${run.id.replace(/\W/g, '_')}`;
  const when = localTime(run.startedAt);
  return (
    <Fragment>
      <tr className={`run status-${run.status}`} data-testid="history-row">
        <td>
          <time dateTime={run.startedAt}>{when}</time>
        </td>
        <td>
          {run.trigger}
          {run.dryRun && <span className="dry-run-mark"> (dry run)</span>}
        </td>
        <td>{run.status.replace(/_/g, ' ')}</td>
        <td>{formatBytes(run.bytesFreed)}</td>
        <td>{formatCount(run.filesRemoved)}</td>
        <td>{formatCount(errors)}</td>
        <td>
          <button
            type="button"
            aria-expanded={open}
            aria-controls={open ? detailsId : undefined}
            // The name holds the visible word (WCAG 2.5.3): "Details of …", then "Hide details of …".
            aria-label={`${open ? 'Hide details' : 'Details'} of the ${run.trigger}${run.dryRun ? ' dry' : ''} run at ${when}`}
            onClick={onToggle}
          >
            {open ? 'Hide' : 'Details'}
          </button>
        </td>
      </tr>
      {open && (
        <tr className="run-details-row">
          <td colSpan={COLUMNS} id={detailsId}>
            <RunDetails run={run} />
          </td>
        </tr>
      )}
    </Fragment>
  );
}
