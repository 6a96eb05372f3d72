/**
 * "Usage over time": each folder's kept usage (issue 15 item 2) and the space freed per day. The engine
 * keeps a point every 5 minutes, so the charts ask again at that pace and after each cleanup.
 */
import { useEffect } from 'react';
import { useActions } from '../api/actions-context.js';
import { useDashboard } from '../store/dashboard-store.js';
import { FreedChart } from './freed-chart.js';
import { UsageChart } from './usage-chart.js';
import './charts.css';

const RELOAD_MS = 5 * 60_000;

export function UsageCharts({ nowMs }: { nowMs: number }) {
  const actions = useActions();
  const folders = useDashboard((s) => s.snapshot?.folders);
  const history = useDashboard((s) => s.usageHistory);
  const error = useDashboard((s) => s.usageError);
  useEffect(() => {
    void actions.loadUsage();
    const timer = setInterval(() => void actions.loadUsage(), RELOAD_MS);
    return () => clearInterval(timer);
  }, [actions]);
  if (!folders) return null;
  return (
    <section aria-labelledby="usage-heading" className="usage-charts" data-testid="usage-charts">
      <h2 id="usage-heading">Usage over time</h2>
      {error && <p className="error">Usage over time could not be loaded: {error}</p>}
      <div className="chart-grid">
        {folders.map((folder) => (
          <UsageChart
            key={folder.name}
            folder={folder}
            points={history?.folders.find((h) => h.name === folder.name)?.points ?? []}
            nowMs={nowMs}
          />
        ))}
      </div>
      <FreedChart history={history} nowMs={nowMs} />
    </section>
  );
}
