/**
 * The dashboard. Names and test ids the end-to-end tests drive (keep them stable):
 * - banner: `data-testid="connection-banner"` (role alert when disconnected or unauthorized)
 * - folders: `data-testid="folder-<name>"` article; gauges `role="meter"` named "<name> size", "<name> files",
 *   "<name> age" (aria-valuetext holds the absolute numbers); `data-testid="sparkline-<name>"`;
 *   `data-testid="watch-mode"`, `"forecast"`, `"folder-missing"`; buttons "Preview <name>", "Clean <name>";
 *   `data-testid="no-folders"` when the config lists none
 * - warnings: `data-testid="warnings"`, `data-testid="config-error"` (FILE:LINE:COL: message lines)
 * - schedule: `data-testid="schedule"`, `"next-run"`, `"last-run"`, `"paused-until"`; buttons "Pause 1 hour",
 *   "Pause until tomorrow", "Resume"
 * - cleanup: buttons "Preview cleanup", "Clean now", then role alertdialog with "Confirm cleanup" / "Cancel";
 *   `data-testid="cleanup-progress"` with "Stop cleanup", `data-testid="cleanup-result"`, `"cleanup-error"`;
 *   preview `data-testid="preview"`, `"preview-total"`, button "Close preview"
 * - history: table named "Cleanup history" (`data-testid="history-table"`), rows `data-testid="history-row"`,
 *   a "Details of the <trigger> run at <time>" button per row, expanded `data-testid="run-details"`
 * - settings: form named "Settings", fieldsets "General" and one per folder (legend = folder name),
 *   buttons "Add folder", "Remove folder <name>", "Save settings"; `data-testid="save-error"`; a save that
 *   would remove files opens `data-testid="impact-dialog"` ("Preview files", "Save and remove", "Cancel")
 * - pending disk edit: `data-testid="pending-rules"` with "Run now" and "Hold" / "Release hold"
 * - theme: select labelled "Theme" (system | light | dark)
 * - tray popup (`#/tray`): `data-testid="tray-view"` with "Clean now", "Open dashboard", `data-testid="next-run"`,
 *   `data-testid="warnings"` (when any) and the fullest folders' `data-testid="folder-<name>"` with their meters
 * - first start (sample config): `data-testid="first-step"` headed "Point Headroom at your folders"; sample
 *   folder cards carry `data-testid="sample-tag"`
 * - header: `data-testid="header-usage"` ("Fullest folder" and its percent); a "Skip to content" link
 * - found folders: `data-testid="found-folders"` (first run, or Settings' "Find folders on this computer"),
 *   items `data-testid="found-<name>"` with checkbox "Add <name>" and `data-testid="found-preview"`, button
 *   "Add selected folders", then role alertdialog with "Confirm adding" / "Cancel"; `data-testid="found-added"`
 * - kept data: `data-testid="usage-charts"` with images named "Usage over time — <name>: …" and "Space freed
 *   per day: …", `data-testid="freed-total"`, tables behind "<title>, as a table"; `data-testid="space-panel"`
 *   with select "Folder", region "What takes space — <name>", buttons "Show <path> in folder" (desktop only)
 * - a section that failed to draw: `data-testid="section-failed"` (role alert) with "Try again"
 */
import { useDashboard } from './store/dashboard-store.js';
import { CleanupPanel } from './components/cleanup-panel.js';
import { ConnectionBanner } from './components/connection-banner.js';
import { FolderList } from './components/folder-list.js';
import { HistoryTable } from './components/history-table.js';
import { PendingRulesCard } from './components/pending-rules.js';
import { ScheduleStatus } from './components/schedule-status.js';
import { SettingsEditor } from './components/settings-editor.js';
import { ThemeToggle } from './components/theme-toggle.js';
import { WarningsPanel } from './components/warnings-panel.js';
import { FoundFolders } from './components/found-folders.js';
import { SpacePanel } from './components/space-panel.js';
import { UsageCharts } from './components/usage-charts.js';
import { TrayView } from './components/tray-view.js';
import { FirstStep } from './components/first-step.js';
import { SectionBoundary } from './components/section-boundary.js';
import { formatPercent } from '../../shared/format.js';
import { useHashRoute } from './view/use-hash-route.js';

export function App() {
  const snapshot = useDashboard((s) => s.snapshot);
  const connection = useDashboard((s) => s.connection);
  const view = useDashboard((s) => s.view);
  useHashRoute(snapshot !== null);
  return (
    <>
      <SkipLink />
      <header className="app-header">
        <h1>Headroom</h1>
        {snapshot && <UsageBadge level={snapshot.level} percent={snapshot.maxUsagePercent} />}
        <ThemeToggle />
      </header>
      <ConnectionBanner />
      <main id="main" tabIndex={-1} className={`view-${view}`}>
        {snapshot && view === 'tray' ? (
          <SectionBoundary name="The tray view">
            <TrayView nowMs={Date.now()} />
          </SectionBoundary>
        ) : snapshot ? (
          <>
            <SectionBoundary name="The first step">
              <FirstStep />
            </SectionBoundary>
            <SectionBoundary name="The warnings">
              <WarningsPanel />
            </SectionBoundary>
            <SectionBoundary name="The pending rules">
              <PendingRulesCard />
            </SectionBoundary>
            <SectionBoundary name="The folders found on this computer">
              <FoundFolders />
            </SectionBoundary>
            <SectionBoundary name="The folders">
              <FolderList />
            </SectionBoundary>
            <SectionBoundary name="The cleanup panel">
              <CleanupPanel />
            </SectionBoundary>
            <SectionBoundary name="The schedule">
              <ScheduleStatus nowMs={Date.now()} />
            </SectionBoundary>
            <SectionBoundary name="The usage charts">
              <UsageCharts nowMs={Date.now()} />
            </SectionBoundary>
            <SectionBoundary name="What takes space">
              <SpacePanel nowMs={Date.now()} />
            </SectionBoundary>
            <SectionBoundary name="The cleanup history">
              <HistoryTable />
            </SectionBoundary>
            <SectionBoundary name="The settings">
              <SettingsEditor />
            </SectionBoundary>
          </>
        ) : (
          <p role="status" className="loading" data-testid="loading">
            {connection === 'unauthorized'
              ? 'No data: the link needs a valid token.'
              : connection === 'failed'
                ? 'No data: Headroom could not start.'
                : 'Loading the folders…'}
          </p>
        )}
      </main>
    </>
  );
}

/** The header's measure, labelled: the fullest folder's share of its tightest limit, as the tray shows it. */
function UsageBadge({ level, percent }: { level: string; percent: number }) {
  return (
    <span className="header-usage" data-testid="header-usage">
      <span className="header-usage-label">Fullest folder</span>{' '}
      <span className={`badge level-${level}`}>{formatPercent(percent)}</span>
    </span>
  );
}

/**
 * The first stop of the Tab key: past the header to the content. It moves focus itself instead of following
 * `#main`, because the page's hash carries the serve token and the tray's views.
 */
function SkipLink() {
  return (
    <a
      className="skip-link"
      href="#main"
      onClick={(event) => {
        event.preventDefault();
        document.getElementById('main')?.focus();
      }}
    >
      Skip to content
    </a>
  );
}
