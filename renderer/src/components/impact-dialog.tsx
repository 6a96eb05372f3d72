/**
 * Before a save that would remove files (DESIGN.md invariant 7): what it removes, the files one click
 * away, and a confirmation. Cancel keeps the form as it is, unsaved.
 */
import { useState } from 'react';
import { displayName } from '../../../shared/byte-names.js';
import { formatBytes, formatCount } from '../../../shared/format.js';
import { savingWillRemove } from '../../../shared/impact-text.js';
import type { ConfigImpact } from '../../../shared/types.js';
import { useActions } from '../api/actions-context.js';
import { useDashboard } from '../store/dashboard-store.js';
import { useReturnFocus } from '../view/use-return-focus.js';

export function ImpactDialog() {
  const open = useDashboard((s) => s.impactQuestion !== null);
  // Its own component, mounted while open: focus goes back to "Save settings" when it closes.
  return open ? <ImpactQuestion /> : null;
}

function ImpactQuestion() {
  const question = useDashboard((s) => s.impactQuestion);
  const dismiss = useDashboard((s) => s.dismissImpact);
  const saving = useDashboard((s) => s.save.status === 'saving');
  const actions = useActions();
  const [showFiles, setShowFiles] = useState(false);
  useReturnFocus('settings-heading');
  if (question === null) return null;
  const { impact } = question;
  return (
    <div
      role="alertdialog"
      aria-labelledby="impact-title"
      aria-describedby="impact-text"
      className="confirm"
      data-testid="impact-dialog"
      onKeyDown={(e) => {
        if (e.key === 'Escape') dismiss();
      }}
    >
      <p id="impact-title">
        <strong>{savingWillRemove(impact)}.</strong>
      </p>
      <p id="impact-text">
        {question.changed ? 'What the change removes has changed since you were asked. ' : ''}
        These files are not removed under the rules in force now. Files set to be deleted cannot be brought
        back.
      </p>
      {showFiles && <ImpactFiles impact={impact} />}
      <div className="button-row">
        <button type="button" onClick={() => setShowFiles((v) => !v)} aria-expanded={showFiles}>
          {showFiles ? 'Hide files' : 'Preview files'}
        </button>
        <button type="button" className="danger" disabled={saving} onClick={() => void actions.confirmSave()}>
          Save and remove
        </button>
        <button type="button" autoFocus onClick={dismiss}>
          Cancel
        </button>
      </div>
    </div>
  );
}

function ImpactFiles({ impact }: { impact: ConfigImpact }) {
  return (
    <div data-testid="impact-files">
      {impact.folders.map((folder) => (
        <section key={folder.name}>
          <h3>
            {folder.name}: {formatCount(folder.files)} files, {formatBytes(folder.bytes)}
            {folder.files > folder.remove.length ? ` (first ${folder.remove.length} shown)` : ''}
          </h3>
          <ul className="impact-files">
            {folder.remove.map((file) => (
              <li key={file.path}>
                {displayName(file.path)} — {formatBytes(file.sizeBytes)}, {file.reason}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
