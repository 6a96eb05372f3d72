import { displayName } from '../../../shared/byte-names.js';
import { formatBytes, formatCount } from '../../../shared/format.js';
import type { FolderPlanView } from '../../../shared/types.js';
import { useDashboard } from '../store/dashboard-store.js';

/** Rows shown per folder; a preview of a folder with a million files must not freeze the page. */
export const PREVIEW_MAX_ROWS = 500;

/** What a cleanup would remove now: per folder the files, sizes and reasons, totals and the plan's notes. */
export function PreviewPanel() {
  const preview = useDashboard((s) => s.preview);
  const status = useDashboard((s) => s.previewStatus);
  const error = useDashboard((s) => s.previewError);
  const close = useDashboard((s) => s.closePreview);
  if (status === 'idle') return null;
  if (status === 'loading') return <p role="status">Planning the cleanup…</p>;
  if (status === 'error' || !preview) {
    return (
      <p role="alert" className="form-error">
        Preview failed: {error}
      </p>
    );
  }
  const files = preview.folders.reduce((n, f) => n + f.remove.length, 0);
  const bytes = preview.folders.reduce((n, f) => n + f.bytesToFree, 0);
  return (
    <div className="preview" data-testid="preview">
      <h3>Preview</h3>
      <p data-testid="preview-total">
        Would remove {formatCount(files)} files and free {formatBytes(bytes)}.
      </p>
      {preview.folders.map((folder) => (
        <FolderPreview key={folder.name} folder={folder} />
      ))}
      <button type="button" onClick={close}>
        Close preview
      </button>
    </div>
  );
}

function FolderPreview({ folder }: { folder: FolderPlanView }) {
  const shown = folder.remove.slice(0, PREVIEW_MAX_ROWS);
  return (
    <div className="folder-preview">
      <h4>
        {folder.name}: {formatCount(folder.remove.length)} files, {formatBytes(folder.bytesToFree)}
      </h4>
      {folder.error && <p className="form-error">{folder.error}</p>}
      {folder.units && folder.units.length > 0 && (
        // Whole units (a recovery token, a revision) go or stay together; the files below are theirs.
        <ul className="units" aria-label={`Units of ${folder.name}`}>
          {folder.units.slice(0, PREVIEW_MAX_ROWS).map((unit) => (
            <li key={unit.id}>
              <code>
                {unit.reason}: {displayName(unit.label)}
              </code>
            </li>
          ))}
        </ul>
      )}
      {shown.length > 0 && (
        <table>
          <caption className="visually-hidden">Files a cleanup of {folder.name} would remove</caption>
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Size</th>
              <th scope="col">Reason</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((file) => (
              <tr key={file.path}>
                <td>
                  <code>{displayName(file.path)}</code>
                </td>
                <td>{formatBytes(file.sizeBytes)}</td>
                <td>{file.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {folder.remove.length > shown.length && (
        <p>…and {formatCount(folder.remove.length - shown.length)} more.</p>
      )}
      {!folder.error && folder.remove.length === 0 && <p>Nothing to remove.</p>}
      {folder.notes.length > 0 && (
        <ul className="notes">
          {folder.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
