/**
 * The tray opens the dashboard on a view by setting the page's hash (`#/tray`, `#/preview`, `#/overview`):
 * a hash change is not a navigation, so it passes the window's navigation block. `#/tray` shows the popup
 * view; `#/overview` the full dashboard; `#/preview` the full dashboard, planning a cleanup of every folder
 * and bringing the cleanup panel into view.
 */
import { useEffect } from 'react';
import { useActions } from '../api/actions-context.js';
import { useDashboard } from '../store/dashboard-store.js';

export function useHashRoute(ready: boolean): void {
  const actions = useActions();
  const setView = useDashboard((s) => s.setView);
  useEffect(() => {
    if (!ready) return;
    const route = () => {
      const view = location.hash;
      if (view !== '#/preview' && view !== '#/overview' && view !== '#/tray') return;
      // Clear the hash (without an event) so the tray's next request for the same view is a change again.
      history.replaceState(null, '', location.pathname + location.search);
      setView(view === '#/tray' ? 'tray' : 'full');
      if (view === '#/preview') {
        void actions.preview();
        document.getElementById('cleanup-heading')?.scrollIntoView({ block: 'start' });
      } else {
        window.scrollTo({ top: 0 });
      }
    };
    route();
    window.addEventListener('hashchange', route);
    return () => window.removeEventListener('hashchange', route);
  }, [actions, ready, setView]);
}
