import { formatDuration, formatPercent } from '../../../shared/format.js';
import type { UsagePoint } from '../store/snapshot-slice.js';

const WIDTH = 100;
const HEIGHT = 24;

/** Usage over time as an inline SVG line; the dashed line is the limit (100%). */
export function Sparkline({ name, points }: { name: string; points: UsagePoint[] }) {
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last || points.length < 2) {
    return <p className="sparkline-empty">Usage over time appears after a few updates.</p>;
  }
  const maxPercent = Math.max(100, ...points.map((p) => p.usagePercent));
  const spanMs = last.atMs - first.atMs || 1;
  const y = (percent: number) => (HEIGHT - (percent / maxPercent) * HEIGHT).toFixed(2);
  const coords = points
    .map((p) => `${(((p.atMs - first.atMs) / spanMs) * WIDTH).toFixed(2)},${y(p.usagePercent)}`)
    .join(' ');
  const label =
    `${name} usage over the last ${formatDuration(spanMs)}: ` +
    `${formatPercent(first.usagePercent)} to ${formatPercent(last.usagePercent)}`;
  return (
    <svg
      className="sparkline"
      role="img"
      aria-label={label}
      data-testid={`sparkline-${name}`}
      data-points={points.length}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      preserveAspectRatio="none"
    >
      <line className="sparkline-limit" x1={0} x2={WIDTH} y1={y(100)} y2={y(100)} />
      <polyline className="sparkline-line" points={coords} />
    </svg>
  );
}
