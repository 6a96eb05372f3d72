import { useDashboard } from '../store/dashboard-store.js';

/** Says when the dashboard cannot reach the engine, why, and that it keeps trying. */
export function ConnectionBanner() {
  const connection = useDashboard((s) => s.connection);
  const hasData = useDashboard((s) => s.snapshot !== null);
  const why = useDashboard((s) => s.connectionMessage);
  if (connection === 'connected') return null;
  if (connection === 'connecting') {
    return (
      <p role="status" className="banner banner-info" data-testid="connection-banner">
        Connecting to Headroom…
      </p>
    );
  }
  if (connection === 'failed') {
    return (
      <div role="alert" className="banner banner-error" data-testid="connection-banner">
        {why ?? 'Headroom could not start.'}
      </div>
    );
  }
  if (connection === 'unauthorized') {
    return (
      <div role="alert" className="banner banner-error" data-testid="connection-banner">
        This link&apos;s token is wrong or missing. Open the dashboard with the link that{' '}
        <code>headroom serve</code> printed (it ends in <code>#token=…</code>).
      </div>
    );
  }
  return (
    <div role="alert" className="banner banner-warning" data-testid="connection-banner">
      Lost the connection to Headroom; retrying.
      {hasData ? ' The figures below may be out of date.' : ''}
    </div>
  );
}
