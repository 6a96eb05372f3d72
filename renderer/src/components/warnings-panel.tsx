import { folderProblem } from '../../../shared/folder-problem.js';
import { formatBytes, formatPercent } from '../../../shared/format.js';
import type { ConfigErrorInfo, FolderStatus } from '../../../shared/types.js';
import { useDashboard } from '../store/dashboard-store.js';
import { formatConfigIssue } from '../view/format-config-issue.js';
import { localTime } from '../view/relative-time.js';

/** What needs attention now (from the snapshot), the config's problems, and recent warning events. */
export function WarningsPanel() {
  const folders = useDashboard((s) => s.snapshot?.folders);
  const configError = useDashboard((s) => s.configError);
  const warnings = useDashboard((s) => s.warnings);
  const clearWarnings = useDashboard((s) => s.clearWarnings);
  const current = (folders ?? []).flatMap(currentWarnings);
  const nothing = current.length === 0 && !configError && warnings.length === 0;
  return (
    <section aria-labelledby="warnings-heading" className="warnings" data-testid="warnings">
      <h2 id="warnings-heading">Warnings</h2>
      {configError && <ConfigProblem error={configError} />}
      {current.length > 0 && (
        <ul className="warning-list" aria-label="Current warnings">
          {current.map((w) => (
            <li key={w.key} className={`level-${w.level}`}>
              {w.text}
            </li>
          ))}
        </ul>
      )}
      {warnings.length > 0 && (
        <>
          <h3>Recent</h3>
          <ul className="warning-list" aria-label="Recent warnings">
            {warnings.map((w) => (
              <li key={`${w.atMs}-${w.folder}-${w.kind}`} className={`level-${w.level}`}>
                <time dateTime={new Date(w.atMs).toISOString()}>
                  {localTime(new Date(w.atMs).toISOString())}
                </time>{' '}
                {w.message}
              </li>
            ))}
          </ul>
          <button type="button" onClick={clearWarnings}>
            Clear recent warnings
          </button>
        </>
      )}
      {nothing && <p className="empty">No warnings.</p>}
    </section>
  );
}

function ConfigProblem({ error }: { error: ConfigErrorInfo }) {
  return (
    <div role="alert" className="config-problem" data-testid="config-error">
      <p>
        <strong>config.yaml has a problem.</strong>{' '}
        {error.usingLastGood
          ? 'Headroom keeps running on the last good configuration until it is fixed.'
          : 'Headroom cannot clean until it is fixed.'}
      </p>
      <ul>
        {error.issues.map((issue, i) => (
          <li key={i}>
            <code>{formatConfigIssue(issue)}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}

export interface CurrentWarning {
  key: string;
  level: 'warning' | 'over';
  text: string;
}

/** What needs attention in one folder now: unreadable, near or over a limit, low disk, only polled. */
export function currentWarnings(folder: FolderStatus): CurrentWarning[] {
  const out: CurrentWarning[] = [];
  const problem = folderProblem(folder);
  // A folder that cannot be read is a warning for that reason; its 0% says nothing about its limits.
  if (problem !== null && folder.enabled) {
    out.push({ key: `${folder.name}-problem`, level: 'warning', text: problem });
  } else if (folder.level !== 'ok') {
    const where = folder.level === 'over' ? 'over its limit' : 'near its limit';
    out.push({
      key: `${folder.name}-level`,
      level: folder.level,
      text: `${folder.name} is ${where} (${formatPercent(folder.usagePercent)}).`,
    });
  }
  if (folder.volume?.low) {
    const free = formatBytes(folder.volume.freeBytes);
    out.push({
      key: `${folder.name}-disk`,
      level: 'warning',
      text: `${folder.name}: the disk is nearly full (${free} free).`,
    });
  }
  if (folder.watch.mode === 'polling') {
    const why = folder.watch.reason ? `: ${folder.watch.reason}` : '';
    out.push({
      key: `${folder.name}-poll`,
      level: 'warning',
      text: `${folder.name} is rescanned periodically instead of watched${why}.`,
    });
  }
  return out;
}
