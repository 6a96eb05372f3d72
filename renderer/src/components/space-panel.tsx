/**
 * "What takes space" in one folder (issue 15 item 3): its largest subfolders, file types by size, and the
 * biggest and oldest files, as bars against the folder's total, from the engine's live index. In the
 * desktop app each file has "Show in folder"; the browser dashboard has no such button.
 */
import { useEffect, useState } from 'react';
import { formatBytes, formatCount, formatDuration } from '../../../shared/format.js';
import type { SpaceEntry } from '../../../shared/usage-history.js';
import { useActions } from '../api/actions-context.js';
import { useDashboard } from '../store/dashboard-store.js';
import './charts.css';

export function SpacePanel({ nowMs }: { nowMs: number }) {
  const actions = useActions();
  const folders = useDashboard((s) => s.snapshot?.folders);
  const [chosen, setChosen] = useState<string | null>(null);
  const names = folders?.map((f) => f.name) ?? [];
  const name = chosen !== null && names.includes(chosen) ? chosen : names[0];
  const breakdown = useDashboard((s) => (name === undefined ? undefined : s.space[name]));
  const error = useDashboard((s) => s.spaceError);
  const revealError = useDashboard((s) => s.revealError);
  useEffect(() => {
    if (name !== undefined) void actions.loadSpace(name);
  }, [name, actions]);
  if (name === undefined) return null;
  const title = `What takes space — ${name}`;
  const total = breakdown?.sizeBytes ?? 0;
  const show = actions.canShowInFolder ? (path: string) => void actions.showInFolder(name, path) : undefined;
  return (
    <section aria-labelledby="space-heading" className="space-panel" data-testid="space-panel">
      <h2 id="space-heading">What takes space</h2>
      <div className="button-row">
        <label>
          Folder{' '}
          <select value={name} onChange={(e) => setChosen(e.target.value)}>
            {names.map((n) => (
              <option key={n}>{n}</option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => void actions.loadSpace(name)}>
          Refresh
        </button>
      </div>
      {error && <p className="error">{error}</p>}
      {revealError && <p className="error">{revealError}</p>}
      <div role="region" aria-label={title} className="space-lists">
        {breakdown && breakdown.folder === name ? (
          <>
            <p className="space-total">
              {formatBytes(breakdown.sizeBytes)} in {filesText(breakdown.fileCount)}
            </p>
            <SpaceList
              title="Largest subfolders"
              total={total}
              entries={breakdown.subfolders.map((e) => ({
                ...e,
                label: e.label === '' ? `(files directly in ${name})` : e.label,
              }))}
            />
            <SpaceList title="File types by size" total={total} entries={breakdown.types} />
            <SpaceList title="Biggest files" total={total} entries={breakdown.biggest} show={show} />
            <SpaceList
              title="Oldest files"
              total={total}
              entries={breakdown.oldest}
              show={show}
              nowMs={nowMs}
            />
          </>
        ) : (
          <p>Measuring {name}…</p>
        )}
      </div>
    </section>
  );
}

interface SpaceListProps {
  title: string;
  entries: SpaceEntry[];
  /** The folder's size: each bar is an entry's share of it. */
  total: number;
  /** Files only, in the desktop app. */
  show?: (path: string) => void;
  /** Given for the oldest files: their age is the point. */
  nowMs?: number;
}

function SpaceList({ title, entries, total, show, nowMs }: SpaceListProps) {
  return (
    <div className="space-list">
      <h3>{title}</h3>
      {entries.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ol>
          {entries.map((e) => (
            <li key={e.label}>
              <span className="space-label">{e.label}</span>
              <span className="space-figures">
                {formatBytes(e.sizeBytes)}
                {e.mtimeMs === undefined ? `, ${filesText(e.fileCount)}` : ''}
                {nowMs !== undefined && e.mtimeMs !== undefined
                  ? `, ${formatDuration(nowMs - e.mtimeMs)} old`
                  : ''}
              </span>
              <span className="space-bar" aria-hidden="true">
                <span style={{ width: `${total > 0 ? Math.max((e.sizeBytes / total) * 100, 0.5) : 0}%` }} />
              </span>
              {show && (
                <button
                  type="button"
                  className="space-show"
                  aria-label={`Show ${e.label} in folder`}
                  onClick={() => show(e.label)}
                >
                  Show in folder
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

const filesText = (n: number) => `${formatCount(n)} ${n === 1 ? 'file' : 'files'}`;
