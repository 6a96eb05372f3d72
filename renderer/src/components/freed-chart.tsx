/** "Space freed per day" over the last 30 days, as bars in plain SVG, with the total and a table. */
import { formatBytes } from '../../../shared/format.js';
import type { UsageHistory } from '../../../shared/usage-history.js';
import { freedPerDay } from '../view/freed-per-day.js';
import { ChartTable } from './chart-table.js';

const W = 600;
const H = 120;
const LEFT = 64;
const BOTTOM = 20;
const TOP = 8;

const dayText = (dayMs: number) =>
  new Date(dayMs).toLocaleDateString(undefined, { day: 'numeric', month: 'short' });

export function FreedChart({ history, nowMs }: { history: UsageHistory | null; nowMs: number }) {
  const days = freedPerDay(history, nowMs, 30);
  const total = days.reduce((sum, d) => sum + d.bytes, 0);
  const most = days.reduce((a, b) => (b.bytes > a.bytes ? b : a), days[0]!);
  const max = Math.max(most.bytes, 1);
  const slot = (W - LEFT) / days.length;
  const label =
    `Space freed per day: ${formatBytes(total)} in the last 30 days` +
    (total > 0 ? `, most on ${dayText(most.dayMs)} (${formatBytes(most.bytes)})` : '');
  const freedDays = days.filter((d) => d.bytes > 0);
  return (
    <figure className="freed-chart">
      <figcaption>
        <h3>Space freed per day</h3>
      </figcaption>
      <p className="freed-total" data-testid="freed-total">
        Freed in the last 30 days: {formatBytes(total)}
      </p>
      <svg className="chart" role="img" aria-label={label} viewBox={`0 0 ${W} ${H}`}>
        <line className="chart-axis" x1={LEFT} x2={W} y1={H - BOTTOM} y2={H - BOTTOM} />
        <text className="chart-tick" x={LEFT - 6} y={TOP + 4} textAnchor="end">
          {formatBytes(most.bytes)}
        </text>
        {days.map((d, i) =>
          d.bytes > 0 ? (
            <rect
              key={d.dayMs}
              className="chart-bar"
              x={LEFT + i * slot + 1}
              width={Math.max(slot - 2, 1)}
              y={TOP + (1 - d.bytes / max) * (H - TOP - BOTTOM)}
              height={(d.bytes / max) * (H - TOP - BOTTOM)}
            >
              <title>{`${dayText(d.dayMs)}: ${formatBytes(d.bytes)} freed`}</title>
            </rect>
          ) : null,
        )}
        <text className="chart-tick" x={LEFT} y={H - 5}>
          {dayText(days[0]!.dayMs)}
        </text>
        <text className="chart-tick" x={W} y={H - 5} textAnchor="end">
          today
        </text>
      </svg>
      <ChartTable
        title="Space freed per day"
        columns={['Day', 'Freed']}
        rows={freedDays.map((d) => ({ key: d.dayMs, cells: [dayText(d.dayMs), formatBytes(d.bytes)] }))}
        empty="No cleanup freed space in the last 30 days."
      />
    </figure>
  );
}
