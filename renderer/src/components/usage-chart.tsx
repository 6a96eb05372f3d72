/**
 * One folder's usage over the kept days, in plain SVG: the line, the limit, each cleanup marked, and the
 * forecast dashed to the limit. Its accessible name begins with its title and says the figures; the points
 * are in a table behind a disclosure the keyboard reaches.
 */
import { formatBytes, formatCount, formatDuration } from '../../../shared/format.js';
import type { FolderStatus } from '../../../shared/types.js';
import type { UsagePoint } from '../../../shared/usage-history.js';
import { localTime } from '../view/relative-time.js';
import { usageChartModel, type UsageChartModel } from '../view/usage-chart-model.js';
import { ChartTable } from './chart-table.js';

const W = 600;
const H = 170;
const LEFT = 64;
const RIGHT = 10;
const TOP = 10;
const BOTTOM = 22;

export function UsageChart({
  folder,
  points,
  nowMs,
}: {
  folder: FolderStatus;
  points: UsagePoint[];
  nowMs: number;
}) {
  const title = `Usage over time — ${folder.name}`;
  if (points.length === 0) {
    return (
      <figure className="usage-chart" data-testid={`usage-chart-${folder.name}`}>
        <figcaption>
          <h3>{folder.name}</h3>
        </figcaption>
        <p className="chart-empty">
          {folder.name}: no usage recorded yet; Headroom keeps a point every 5 minutes while it runs.
        </p>
      </figure>
    );
  }
  const model = usageChartModel(points, folder, nowMs);
  const amount = (value: number) =>
    model.metric === 'size' ? formatBytes(value) : `${formatCount(value)} ${value === 1 ? 'file' : 'files'}`;
  const x = (ms: number) => LEFT + ((ms - model.x0) / Math.max(model.x1 - model.x0, 1)) * (W - LEFT - RIGHT);
  const y = (value: number) => TOP + (1 - value / model.yMax) * (H - TOP - BOTTOM);
  const last = model.line[model.line.length - 1]!;
  return (
    <figure className="usage-chart" data-testid={`usage-chart-${folder.name}`}>
      <figcaption>
        <h3>{folder.name}</h3>
      </figcaption>
      <svg
        className="chart"
        role="img"
        aria-label={`${title}: ${describe(model, amount, nowMs)}`}
        viewBox={`0 0 ${W} ${H}`}
      >
        <line className="chart-axis" x1={LEFT} x2={W - RIGHT} y1={y(0)} y2={y(0)} />
        <text className="chart-tick" x={LEFT - 6} y={y(0)} textAnchor="end" dominantBaseline="middle">
          0
        </text>
        {model.limit !== null && (
          <g data-testid="limit-line">
            <line className="chart-limit" x1={LEFT} x2={W - RIGHT} y1={y(model.limit)} y2={y(model.limit)} />
            <text
              className="chart-tick"
              x={LEFT - 6}
              y={y(model.limit)}
              textAnchor="end"
              dominantBaseline="middle"
            >
              {amount(model.limit)}
            </text>
          </g>
        )}
        <polyline
          className="chart-line"
          points={model.line.map((p) => `${x(p.atMs).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ')}
        />
        {model.cleanups.map((c) => (
          <g key={c.atMs} data-testid="cleanup-mark" className="chart-cleanup">
            <title>{`Cleanup at ${localTime(new Date(c.atMs).toISOString())} freed ${formatBytes(c.freedBytes)}`}</title>
            <line x1={x(c.atMs)} x2={x(c.atMs)} y1={TOP} y2={y(0)} />
            <path d={`M ${x(c.atMs) - 5} ${TOP} h 10 l -5 7 z`} />
          </g>
        ))}
        {model.forecast && (
          <line
            data-testid="forecast-line"
            className="chart-forecast"
            strokeDasharray="6 4"
            x1={x(model.forecast.fromMs)}
            y1={y(model.forecast.from)}
            x2={x(model.forecast.toMs)}
            y2={y(model.forecast.to)}
          />
        )}
        <text className="chart-tick" x={LEFT} y={H - 6}>
          {localTime(new Date(model.x0).toISOString())}
        </text>
        <text
          className="chart-tick"
          x={x(last.atMs)}
          y={H - 6}
          textAnchor={model.forecast ? 'middle' : 'end'}
        >
          now
        </text>
      </svg>
      <ChartTable
        title={title}
        columns={['Time', 'Size', 'Files', 'Cleanups']}
        rows={points.map((p) => ({
          key: p.atMs,
          cells: [
            localTime(new Date(p.atMs).toISOString()),
            formatBytes(p.sizeBytes),
            formatCount(p.fileCount),
            p.freedBytes > 0 ? `${formatBytes(p.freedBytes)} freed` : '',
          ],
        }))}
      />
    </figure>
  );
}

/** The chart in a sentence: where it stands against the limit, what cleanups freed, when it fills. */
function describe(model: UsageChartModel, amount: (value: number) => string, nowMs: number): string {
  const last = model.line[model.line.length - 1]!;
  const parts = [
    model.limit === null
      ? `${amount(last.value)} now`
      : `${model.metric === 'size' ? amount(last.value) : formatCount(last.value)} of ${amount(model.limit)} now`,
    `${amount(model.line[0]!.value)} ${formatDuration(nowMs - model.x0)} ago`,
  ];
  if (model.cleanups.length > 0) {
    const freed = model.cleanups.reduce((sum, c) => sum + c.freedBytes, 0);
    const runs = model.cleanups.length === 1 ? '1 cleanup' : `${model.cleanups.length} cleanups`;
    parts.push(`${runs} freed ${formatBytes(freed)}`);
  }
  if (model.forecast) parts.push(`full in ${formatDuration(model.forecast.fullAtMs - nowMs)} at this rate`);
  return parts.join('; ');
}
