/**
 * The tray popup (`#/tray`, the desktop app's small window beside the tray icon): what a glance needs, all
 * above the fold at 480×680. Clean now with its confirmation and progress, the next run, what needs
 * attention, and the fullest folders with their gauges; "Open dashboard" for everything else.
 */
import { CONFIG_DEFAULTS } from '../../../shared/config-schema.js';
import { formatPercent } from '../../../shared/format.js';
import type { FolderStatus } from '../../../shared/types.js';
import { useActions } from '../api/actions-context.js';
import { useDashboard } from '../store/dashboard-store.js';
import { limitGauges } from '../view/limit-gauges.js';
import { nextRunText } from '../view/next-run-text.js';
import { CleanupOutcome, CleanupProgressView } from './cleanup-panel.js';
import { ConfirmCleanup } from './confirm-cleanup.js';
import { Gauge } from './gauge.js';
import { currentWarnings } from './warnings-panel.js';

/** Folders shown in the popup; the rest are one click away in the full dashboard. */
export const TRAY_FOLDERS = 3;

export function TrayView({ nowMs }: { nowMs: number }) {
  return (
    <div className="tray-view" data-testid="tray-view">
      <TrayActions nowMs={nowMs} />
      <TrayWarnings />
      <FullestFolders />
    </div>
  );
}

function TrayActions({ nowMs }: { nowMs: number }) {
  const actions = useActions();
  const schedule = useDashboard((s) => s.snapshot?.schedule);
  const busy = useDashboard((s) => s.cleanup.status === 'running' || (s.snapshot?.cleaning ?? false));
  return (
    <section aria-labelledby="cleanup-heading" className="tray-actions">
      <h2 id="cleanup-heading" className="visually-hidden">
        Cleanup
      </h2>
      <div className="button-row">
        <button type="button" className="primary" disabled={busy} onClick={() => void actions.askClean(null)}>
          Clean now
        </button>
        <button type="button" onClick={() => void actions.openDashboard()}>
          Open dashboard
        </button>
      </div>
      {schedule && (
        <p className="tray-next-run">
          Next automatic cleanup: <span data-testid="next-run">{nextRunText(schedule, nowMs)}</span>
        </p>
      )}
      <ConfirmCleanup />
      <CleanupProgressView />
      <CleanupOutcome />
    </section>
  );
}

function TrayWarnings() {
  const folders = useDashboard((s) => s.snapshot?.folders);
  const warnings = (folders ?? []).flatMap(currentWarnings);
  const configError = useDashboard((s) => s.configError !== null);
  if (warnings.length === 0 && !configError) return null;
  return (
    <section aria-labelledby="warnings-heading" className="tray-warnings" data-testid="warnings">
      <h2 id="warnings-heading">Warnings</h2>
      <ul className="warning-list">
        {configError && (
          <li className="level-over">config.yaml has a problem: open the dashboard to see it.</li>
        )}
        {warnings.map((w) => (
          <li key={w.key} className={`level-${w.level}`}>
            {w.text}
          </li>
        ))}
      </ul>
    </section>
  );
}

function FullestFolders() {
  const folders = useDashboard((s) => s.snapshot?.folders);
  const threshold = useDashboard(
    (s) => s.config?.settings.warning_threshold_percent ?? CONFIG_DEFAULTS.warning_threshold_percent,
  );
  if (!folders) return null;
  const fullest = [...folders].sort((a, b) => b.usagePercent - a.usagePercent).slice(0, TRAY_FOLDERS);
  const more = folders.length - fullest.length;
  return (
    <section aria-labelledby="fullest-heading" className="tray-folders">
      <h2 id="fullest-heading">{folders.length > TRAY_FOLDERS ? 'Fullest folders' : 'Folders'}</h2>
      {folders.length === 0 && <p className="empty">No folders yet: open the dashboard to add one.</p>}
      {fullest.map((folder) => (
        <TrayFolder key={folder.name} folder={folder} threshold={threshold} />
      ))}
      {more > 0 && (
        <p className="folder-note">
          {more} more {more === 1 ? 'folder' : 'folders'} in the dashboard.
        </p>
      )}
    </section>
  );
}

function TrayFolder({ folder, threshold }: { folder: FolderStatus; threshold: number }) {
  const headingId = `tray-folder-${folder.name.replace(/\W/g, '_')}`;
  return (
    <article
      className={`tray-folder level-${folder.level}`}
      aria-labelledby={headingId}
      data-testid={`folder-${folder.name}`}
    >
      <h3 id={headingId} className="tray-folder-name">
        <span>{folder.name}</span>{' '}
        <span className={`badge level-${folder.level}`}>{formatPercent(folder.usagePercent)}</span>
      </h3>
      {limitGauges(folder, threshold).map((g) => (
        <Gauge key={g.kind} gauge={g} />
      ))}
    </article>
  );
}
