import { displayName } from '../../../shared/byte-names.js';
import { formatBytes, formatCount, spaceSummary } from '../../../shared/format.js';
import type { FolderRunResult, RunRecord } from '../../../shared/types.js';

/** Items listed per kind; a run that removed 100 000 files lists the first ones and says how many more. */
export const DETAILS_MAX_ITEMS = 200;

/** What one run did in each folder (headings h3/h4: it sits under History's h2): files removed (with size and reason), skipped (with why), errors. */
export function RunDetails({ run }: { run: RunRecord }) {
  if (run.folders.length === 0) return <p>No folders were cleaned.</p>;
  return (
    <div className="run-details" data-testid="run-details">
      {run.dryRun && (
        <p className="folder-note">
          Dry run: nothing was removed; the lists show what a cleanup would have removed.
        </p>
      )}
      {run.folders.map((folder) => (
        <FolderDetails key={folder.name} folder={folder} />
      ))}
    </div>
  );
}

function FolderDetails({ folder }: { folder: FolderRunResult }) {
  // History keeps a bounded list of each kind; the record's `omitted` says how many it left out.
  const omitted = folder.omitted ?? { removed: 0, skipped: 0, errors: 0 };
  return (
    <div className="run-folder">
      <h3 className="run-folder-title">
        {folder.name}: {formatCount(folder.filesRemoved)} removed, {spaceSummary([folder])}
      </h3>
      <ItemList
        title="Units"
        items={(folder.units ?? []).map(
          (u) => `${u.outcome}: ${displayName(u.label)}${u.detail ? ` (${displayName(u.detail)})` : ''}`,
        )}
      />
      {/* Names through displayName: a byte that is not UTF-8 shows as \xNN, never as U+FFFD. */}
      <ItemList
        title="Removed"
        total={folder.removed.length + omitted.removed}
        items={folder.removed.map((f) => `${displayName(f.path)} (${formatBytes(f.sizeBytes)}, ${f.reason})`)}
      />
      <ItemList
        title="Skipped"
        total={folder.skipped.length + omitted.skipped}
        items={folder.skipped.map(
          (f) => `${displayName(f.path)}: ${f.why}${f.detail ? ` (${displayName(f.detail)})` : ''}`,
        )}
      />
      <ItemList
        title="Errors"
        total={folder.errors.length + omitted.errors}
        items={folder.errors.map((e) => `${displayName(e.path)}: ${e.code}: ${displayName(e.message)}`)}
      />
      <ItemList title="Emptied folders removed" items={folder.removedDirs.map(displayName)} />
      {folder.notes.length > 0 && <ItemList title="Notes" items={folder.notes} />}
    </div>
  );
}

/** A titled list with its true total: "Removed (9,357)", then "first 50 of 9,357 shown" when cut short. */
function ItemList({
  title,
  items,
  total = items.length,
}: {
  title: string;
  items: string[];
  total?: number;
}) {
  if (total === 0) return null;
  const shown = items.slice(0, DETAILS_MAX_ITEMS);
  return (
    <>
      <h4>
        {title} ({formatCount(total)})
      </h4>
      <ul aria-label={title}>
        {shown.map((item, i) => (
          <li key={i}>
            <code>{item}</code>
          </li>
        ))}
      </ul>
      {total > shown.length && (
        <p className="list-cut">
          {shown.length === 0
            ? `${formatCount(total)} not listed in the record.`
            : `First ${formatCount(shown.length)} of ${formatCount(total)} shown.`}
        </p>
      )}
    </>
  );
}
