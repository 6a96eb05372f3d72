import { useEffect, useRef } from 'react';
import { displayName } from '../../../shared/byte-names.js';
import { formatBytes, formatCount } from '../../../shared/format.js';
import { planChange } from '../../../shared/preview-figures.js';
import type { FolderPlanView } from '../../../shared/types.js';
import { useDashboard } from '../store/dashboard-store.js';
import { PreviewList } from './preview-list.js';

/** Units listed per folder; a model cache with thousands of revisions must not freeze the page. */
export const PREVIEW_MAX_UNITS = 500;

/** Where a preview shows: a one-folder preview in that folder's card, any other in the Cleanup section. */
export function previewPlace(scope: string[] | null): string | null {
  return scope !== null && scope.length === 1 ? scope[0]! : null;
}

/**
 * What a cleanup would remove now: per folder its figures before → after, then the files grouped by
 * subfolder, oldest first, with their age and date. `place` is the card's folder name, or null for the
 * Cleanup section; the preview shows in one place only, and takes focus when it opens so a keyboard user
 * (and the eye) lands on it rather than 1,650 px away.
 */
export function PreviewPanel({ place }: { place: string | null }) {
  const preview = useDashboard((s) => s.preview);
  const status = useDashboard((s) => s.previewStatus);
  const error = useDashboard((s) => s.previewError);
  const scope = useDashboard((s) => s.previewScope);
  const close = useDashboard((s) => s.closePreview);
  const heading = useRef<HTMLHeadingElement>(null);
  const here = status !== 'idle' && previewPlace(scope) === place;
  useEffect(() => {
    if (here && status === 'ready') heading.current?.focus();
  }, [here, status]);
  if (!here) return null;
  if (status === 'loading') return <p role="status">Planning the cleanup…</p>;
  if (status === 'error' || !preview) {
    return (
      <p role="alert" className="form-error">
        Preview failed: {error}
      </p>
    );
  }
  const files = preview.folders.reduce((n, f) => n + f.files, 0);
  const bytes = preview.folders.reduce((n, f) => n + f.bytesToFree, 0);
  const title = `Preview of ${scope === null ? 'all folders' : scope.join(', ')}`;
  const Heading = place === null ? 'h3' : 'h4';
  return (
    <div className="preview" data-testid="preview">
      <Heading ref={heading} tabIndex={-1}>
        {title}
      </Heading>
      <p data-testid="preview-total">
        Would remove {formatCount(files)} {files === 1 ? 'file' : 'files'} and free {formatBytes(bytes)}.
      </p>
      {preview.folders.map((folder) => (
        <FolderPreview key={folder.name} folder={folder} nowMs={preview.createdAtMs} />
      ))}
      <button type="button" onClick={close}>
        Close preview
      </button>
    </div>
  );
}

function FolderPreview({ folder, nowMs }: { folder: FolderPlanView; nowMs: number }) {
  return (
    <div className="folder-preview">
      <p className="preview-change" data-testid={`preview-change-${folder.name}`}>
        {folder.totals
          ? planChange(folder.name, folder.totals)
          : `${folder.name}: ${formatCount(folder.files)} files, ${formatBytes(folder.bytesToFree)}`}
      </p>
      {folder.error && <p className="form-error">{folder.error}</p>}
      {folder.units && folder.units.length > 0 && (
        // Whole units (a recovery token, a revision) go or stay together; the files below are theirs.
        <ul className="units" aria-label={`Units of ${folder.name}`}>
          {folder.units.slice(0, PREVIEW_MAX_UNITS).map((unit) => (
            <li key={unit.id}>
              <code>
                {unit.reason}: {displayName(unit.label)}
              </code>
            </li>
          ))}
        </ul>
      )}
      {folder.remove.length > 0 && <PreviewList folder={folder} nowMs={nowMs} />}
      {folder.filesOmitted > 0 && (
        <p data-testid={`preview-omitted-${folder.name}`}>
          The list shows the {formatCount(folder.remove.length)} files the cleanup takes first, of{' '}
          {formatCount(folder.files)}; the figures count all of them.
        </p>
      )}
      {!folder.error && folder.files === 0 && <p>Nothing to remove.</p>}
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
