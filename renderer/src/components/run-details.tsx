import { displayName } from '../../../shared/byte-names.js';
import { formatBytes, formatCount, spaceSummary } from '../../../shared/format.js';
import type { FolderRunResult, RunRecord } from '../../../shared/types.js';

/** Items listed per kind; a run that removed 100 000 files lists the first ones and says how many more. */
export const DETAILS_MAX_ITEMS = 200;

/** What one run did in each folder: files removed (with size and reason), skipped (with why), errors. */
export function RunDetails({ run }: { run: RunRecord }) {
  if (run.folders.length === 0) return <p>No folders were cleaned.</p>;
  return (
    <div className="run-details" data-testid="run-details">
      {run.folders.map((folder) => (
        <FolderDetails key={folder.name} folder={folder} />
      ))}
    </div>
  );
}

function FolderDetails({ folder }: { folder: FolderRunResult }) {
  return (
    <div className="run-folder">
      <h4>
        {folder.name}: {formatCount(folder.filesRemoved)} removed, {spaceSummary([folder])}
      </h4>
      <ItemList
        title="Units"
        items={(folder.units ?? []).map(
          (u) => `${u.outcome}: ${displayName(u.label)}${u.detail ? ` (${displayName(u.detail)})` : ''}`,
        )}
      />
      {/* Names through displayName: a byte that is not UTF-8 shows as \xNN, never as U+FFFD. */}
      <ItemList
        title="Removed"
        items={folder.removed.map((f) => `${displayName(f.path)} (${formatBytes(f.sizeBytes)}, ${f.reason})`)}
      />
      <ItemList
        title="Skipped"
        items={folder.skipped.map(
          (f) => `${displayName(f.path)}: ${f.why}${f.detail ? ` (${displayName(f.detail)})` : ''}`,
        )}
      />
      <ItemList
        title="Errors"
        items={folder.errors.map((e) => `${displayName(e.path)}: ${e.code}: ${displayName(e.message)}`)}
      />
      <ItemList title="Emptied folders removed" items={folder.removedDirs.map(displayName)} />
      {folder.notes.length > 0 && <ItemList title="Notes" items={folder.notes} />}
    </div>
  );
}

function ItemList({ title, items }: { title: string; items: string[] }) {
  if (items.length === 0) return null;
  const shown = items.slice(0, DETAILS_MAX_ITEMS);
  return (
    <>
      <h5>
        {title} ({formatCount(items.length)})
      </h5>
      <ul aria-label={title}>
        {shown.map((item, i) => (
          <li key={i}>
            <code>{item}</code>
          </li>
        ))}
      </ul>
      {items.length > shown.length && <p>…and {formatCount(items.length - shown.length)} more.</p>}
    </>
  );
}
