/**
 * "Found on this computer": the folders the engine found that AI tools fill, each with its kind, limits
 * and what the first cleanup would remove. Shown on the first run (the sample config) and from Settings;
 * a folder is added only when ticked and confirmed, and only by the id the engine issued for it.
 */
import { useEffect, useRef, useState } from 'react';
import { describeFirstCleanup, describeLimits, type FoundFolder } from '../../../shared/found-folders.js';
import { useActions } from '../api/actions-context.js';
import { useDashboard } from '../store/dashboard-store.js';
import { useReturnFocus } from '../view/use-return-focus.js';

export function FoundFolders() {
  const actions = useActions();
  const found = useDashboard((s) => s.found);
  const open = useDashboard((s) => s.foundOpen);
  const error = useDashboard((s) => s.foundError);
  const added = useDashboard((s) => s.foundAdded);
  const close = useDashboard((s) => s.closeFound);
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  // Once at start: the first run shows what was found without being asked.
  useEffect(() => {
    void actions.detectFolders();
  }, [actions]);
  useEffect(() => {
    if (open) heading.current?.scrollIntoView?.({ block: 'start' });
  }, [open]);

  const proposals = found?.proposals ?? [];
  // After adding, the config is no longer the sample one; the list stays to say what was added.
  const firstRun = found?.firstRun === true && proposals.length > 0;
  if (!open && !firstRun && added.length === 0) return null;
  const chosen = proposals.filter((p) => ticked.has(p.id));
  const toggle = (id: string) =>
    setTicked((set) => {
      const next = new Set(set);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const confirm = async () => {
    const ok = await actions.addDetectedFolders(chosen.map((p) => p.id));
    setConfirming(false);
    if (ok) setTicked(new Set());
  };

  return (
    <section aria-labelledby="found-heading" className="found-folders" data-testid="found-folders">
      <h2 id="found-heading" ref={heading} tabIndex={-1}>
        Found on this computer
      </h2>
      <p>
        Folders that AI tools on this computer fill. Nothing is managed until you tick it and confirm; you can
        change the limits in Settings afterwards.
      </p>
      {added.length > 0 && (
        <p role="status" data-testid="found-added">
          Added {added.join(', ')} to the configuration.
        </p>
      )}
      {error && (
        <p role="alert" className="form-error" data-testid="found-error">
          {error}
        </p>
      )}
      {found && !found.canAdd && <p role="note">{found.readOnlyReason}</p>}
      {found && proposals.length === 0 && <p data-testid="found-none">Nothing new was found.</p>}
      <ul className="found-list">
        {proposals.map((p) => (
          <FoundItem key={p.id} proposal={p} ticked={ticked.has(p.id)} onToggle={() => toggle(p.id)} />
        ))}
      </ul>
      {found && found.passedOver.length > 0 && (
        <details>
          <summary>Passed over ({found.passedOver.length})</summary>
          <ul>
            {found.passedOver.map((p) => (
              <li key={p.path}>
                {p.path}: {p.why}
              </li>
            ))}
          </ul>
        </details>
      )}
      <div className="button-row">
        {proposals.length > 0 && (
          <button
            type="button"
            disabled={chosen.length === 0 || found?.canAdd === false}
            onClick={() => setConfirming(true)}
          >
            Add selected folders
          </button>
        )}
        {open && (
          <button type="button" onClick={close}>
            Close found folders
          </button>
        )}
      </div>
      {confirming && (
        <ConfirmAdd chosen={chosen} onConfirm={() => void confirm()} onCancel={() => setConfirming(false)} />
      )}
    </section>
  );
}

function FoundItem(props: { proposal: FoundFolder; ticked: boolean; onToggle: () => void }) {
  const { folder, foundBy, preview } = props.proposal;
  return (
    <li data-testid={`found-${folder.name}`}>
      <label>
        <input
          type="checkbox"
          checked={props.ticked}
          onChange={props.onToggle}
          aria-label={`Add ${folder.name}`}
        />{' '}
        <strong>{folder.name}</strong> <span className="kind">kind: {folder.kind ?? 'files'}</span>
      </label>
      <div className="path">{folder.path}</div>
      <div>{foundBy}</div>
      <div>limits: {describeLimits(folder)}</div>
      <div data-testid="found-preview">{describeFirstCleanup(preview)}</div>
    </li>
  );
}

function ConfirmAdd(props: { chosen: FoundFolder[]; onConfirm: () => void; onCancel: () => void }) {
  const n = props.chosen.length;
  useReturnFocus('found-heading');
  return (
    <div
      role="alertdialog"
      aria-labelledby="found-confirm-title"
      className="confirm"
      onKeyDown={(e) => {
        if (e.key === 'Escape') props.onCancel();
      }}
    >
      <p id="found-confirm-title">
        <strong>
          Add {n} {n === 1 ? 'folder' : 'folders'} to Headroom?
        </strong>
      </p>
      <ul>
        {props.chosen.map((p) => (
          <li key={p.id}>
            {p.folder.name}: {describeFirstCleanup(p.preview)}
          </li>
        ))}
      </ul>
      <p>Those files go at the next cleanup; files set to be deleted cannot be brought back.</p>
      <div className="button-row">
        <button type="button" className="danger" autoFocus onClick={props.onConfirm}>
          Confirm adding
        </button>
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}

/** The Settings entry point: looks again and shows the list. */
export function FindFoldersButton() {
  const actions = useActions();
  return (
    <button type="button" onClick={() => void actions.detectFolders(true)}>
      Find folders on this computer
    </button>
  );
}
