/**
 * The tray opens the dashboard on a view by setting the page's hash (`#/preview`, `#/overview`): a hash
 * change is not a navigation, so it passes the window's navigation block. `#/preview` plans a cleanup of
 * every folder and brings the cleanup panel into view.
 */
import { useEffect } from 'react';
import { useActions } from '../api/actions-context.js';

export function useHashRoute(ready: boolean): void {
  const actions = useActions();
  useEffect(() => {
    if (!ready) return;
    const route = () => {
      const view = location.hash;
      if (view !== '#/preview' && view !== '#/overview') return;
      // Clear the hash (without an event) so the tray's next request for the same view is a change again.
      history.replaceState(null, '', location.pathname + location.search);
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
  }, [actions, ready]);
}
