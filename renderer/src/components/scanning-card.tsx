import { formatBytes } from '../../../shared/format.js';
import { scanningText } from '../../../shared/folder-scanning.js';
import type { FolderScanning, FolderStatus } from '../../../shared/types.js';

/**
 * A folder whose first scan is still running (the engine answers before its scans end): what has been
 * counted so far, and no gauge, since a 0% would pretend to be a level. Preview and Clean wait for the
 * totals: the engine would only hold either request until the scan ends.
 */
export function ScanningCard({ folder, scanning }: { folder: FolderStatus; scanning: FolderScanning }) {
  const headingId = `folder-${folder.name.replace(/\W/g, '_')}`;
  const why = 'Available once this folder has been scanned';
  return (
    <article className="folder scanning" aria-labelledby={headingId} data-testid={`folder-${folder.name}`}>
      <header className="folder-head">
        <h3 id={headingId}>{folder.name}</h3>
        <span className="badge scanning">Scanning</span>
        <code className="folder-path">{folder.path}</code>
      </header>
      <p className="folder-note" role="status" data-testid="folder-scanning">
        {scanningText(scanning)} ({formatBytes(scanning.bytesSoFar)})
      </p>
      <div className="folder-actions">
        <button type="button" aria-label={`Preview ${folder.name}`} disabled title={why}>
          Preview
        </button>
        <button type="button" aria-label={`Clean ${folder.name}`} disabled title={why}>
          Clean
        </button>
      </div>
    </article>
  );
}
