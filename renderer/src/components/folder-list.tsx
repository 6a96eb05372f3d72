import { useDashboard } from '../store/dashboard-store.js';
import { FolderCard } from './folder-card.js';

/** Every folder's card, or the empty state when the config lists none. */
export function FolderList() {
  const folders = useDashboard((s) => s.snapshot?.folders);
  const takenAtMs = useDashboard((s) => s.snapshot?.takenAtMs ?? 0);
  if (!folders) return null;
  return (
    <section aria-labelledby="folders-heading" className="folders">
      <h2 id="folders-heading">Folders</h2>
      {folders.length === 0 ? (
        <p className="empty" data-testid="no-folders">
          No folders yet. Add one under Settings to keep it inside its limits.
        </p>
      ) : (
        <div className="folder-grid">
          {folders.map((folder) => (
            <FolderCard key={folder.name} folder={folder} nowMs={takenAtMs} />
          ))}
        </div>
      )}
    </section>
  );
}
