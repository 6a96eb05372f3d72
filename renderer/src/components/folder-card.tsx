import { useShallow } from 'zustand/react/shallow';
import { CONFIG_DEFAULTS } from '../../../shared/config-schema.js';
import { folderProblem } from '../../../shared/folder-problem.js';
import { scanningOf } from '../../../shared/folder-scanning.js';
import { formatBytes, formatDuration, formatPercent } from '../../../shared/format.js';
import type { FolderStatus } from '../../../shared/types.js';
import { useDashboard } from '../store/dashboard-store.js';
import { emergencyText } from '../view/emergency-text.js';
import { agePolicyText, limitGauges } from '../view/limit-gauges.js';
import { Gauge } from './gauge.js';
import { PreviewPanel } from './preview-panel.js';
import { ScanningCard } from './scanning-card.js';
import { Sparkline } from './sparkline.js';
import { useActions } from '../api/actions-context.js';

const EMPTY: never[] = [];

/**
 * One folder: a gauge per limit, usage over time, watch mode, free disk, forecast and its own actions; while
 * its first scan runs, what that scan has counted instead (ScanningCard).
 */
export function FolderCard({ folder, nowMs }: { folder: FolderStatus; nowMs: number }) {
  const scanning = scanningOf(folder);
  if (scanning !== null) return <ScanningCard folder={folder} scanning={scanning} />;
  return <MeasuredCard folder={folder} nowMs={nowMs} />;
}

function MeasuredCard({ folder, nowMs }: { folder: FolderStatus; nowMs: number }) {
  const threshold = useDashboard(
    (s) => s.config?.settings.warning_threshold_percent ?? CONFIG_DEFAULTS.warning_threshold_percent,
  );
  const points = useDashboard(useShallow((s) => s.series[folder.name] ?? EMPTY));
  const busy = useDashboard((s) => s.cleanup.status === 'running' || (s.snapshot?.cleaning ?? false));
  const actions = useActions();
  // A folder Headroom made in its own data folder says it is a sample, also once folders of yours are added.
  const sample = useDashboard((s) => s.found?.samples.includes(folder.path) === true);
  const gauges = limitGauges(folder, threshold);
  const agePolicy = agePolicyText(folder, nowMs);
  // Nothing to clean in a folder that is not there or cannot be read; the warning says what to do.
  const unreadable = !folder.exists || folder.error !== null;
  const headingId = `folder-${folder.name.replace(/\W/g, '_')}`;
  return (
    <article
      className={`folder level-${folder.level}`}
      aria-labelledby={headingId}
      data-testid={`folder-${folder.name}`}
    >
      <header className="folder-head">
        <h3 id={headingId}>{folder.name}</h3>
        {sample && (
          <span className="sample-tag" data-testid="sample-tag">
            sample
          </span>
        )}
        <span className={`badge level-${folder.level}`}>{formatPercent(folder.usagePercent)}</span>
        <code className="folder-path">{folder.path}</code>
      </header>
      <FolderState folder={folder} nowMs={nowMs} />
      {gauges.map((g) => (
        <Gauge key={g.kind} gauge={g} />
      ))}
      {agePolicy !== null && (
        <p className="folder-note" data-testid="age-policy">
          {agePolicy}
        </p>
      )}
      {gauges.length === 0 && agePolicy === null && <p>No limits set.</p>}
      <Sparkline name={folder.name} points={points} />
      <FolderFacts folder={folder} />
      <div className="folder-actions">
        <button
          type="button"
          aria-label={`Preview ${folder.name}`}
          onClick={() => void actions.preview([folder.name])}
        >
          Preview
        </button>
        <button
          type="button"
          aria-label={`Clean ${folder.name}`}
          disabled={busy || unreadable}
          title={unreadable ? (folderProblem(folder) ?? undefined) : undefined}
          onClick={() => void actions.askClean([folder.name])}
        >
          Clean
        </button>
      </div>
      <PreviewPanel place={folder.name} />
    </article>
  );
}

function FolderState({ folder, nowMs }: { folder: FolderStatus; nowMs: number }) {
  const emergency = emergencyText(folder, nowMs);
  return (
    <>
      {emergency !== null && (
        <p className="folder-error" data-testid="folder-emergency">
          {emergency}
        </p>
      )}
      {!folder.enabled && <p className="folder-note">Disabled: measured but never cleaned.</p>}
      {!folder.exists && (
        <p className="folder-missing" data-testid="folder-missing">
          Folder not found. Create it from Settings or correct its path; it is measured again once it exists.
        </p>
      )}
      {folder.error && (
        <p className="folder-error" role="alert">
          {folder.error}
        </p>
      )}
    </>
  );
}

function FolderFacts({ folder }: { folder: FolderStatus }) {
  const pollSeconds = useDashboard(
    (s) => s.config?.settings.poll_interval_seconds ?? CONFIG_DEFAULTS.poll_interval_seconds,
  );
  return (
    <dl className="folder-facts">
      <dt>Changes</dt>
      <dd data-testid="watch-mode">{watchText(folder, pollSeconds)}</dd>
      <dt>Disk</dt>
      <dd>
        {folder.volume
          ? `${formatBytes(folder.volume.freeBytes)} free of ${formatBytes(folder.volume.totalBytes)}${folder.volume.low ? ' (low)' : ''}`
          : 'free space unknown'}
      </dd>
      <dt>Forecast</dt>
      <dd data-testid="forecast">{forecastText(folder)}</dd>
    </dl>
  );
}

function watchText(folder: FolderStatus, pollSeconds: number): string {
  const { mode, reason } = folder.watch;
  const why = reason ? `: ${reason}` : '';
  if (mode === 'watching') return 'watched live';
  if (mode === 'polling') return `rescanned every ${pollSeconds} s (polling${why})`;
  return `not watched${why}`;
}

function forecastText(folder: FolderStatus): string {
  if (folder.usage.size !== null && folder.usage.size >= 100) return 'over its size limit';
  // Null: no steady growth since the last cleanup, or nothing written for a while; no guess is shown.
  if (folder.fullInMs === null) return 'no steady growth';
  return `full in about ${formatDuration(folder.fullInMs)}`;
}
