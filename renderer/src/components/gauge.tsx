import { formatPercent } from '../../../shared/format.js';
import type { LimitGauge } from '../view/limit-gauges.js';

const KIND_LABEL = { size: 'Size', files: 'Files', age: 'Age' } as const;

/** One limit's usage as a `role="meter"` bar named "<folder> <kind>", with absolute numbers beside it. */
export function Gauge({ gauge }: { gauge: LimitGauge }) {
  // ARIA wants aria-valuenow inside min..max; the true figure (even over 100%) is in aria-valuetext.
  const valueNow = Math.round(Math.min(100, Math.max(0, gauge.percent)) * 10) / 10;
  const percent = formatPercent(gauge.percent);
  return (
    <div className="gauge">
      <div className="gauge-head">
        <span className="gauge-kind">{KIND_LABEL[gauge.kind]}</span>
        <span className="gauge-numbers">{gauge.text}</span>
        <span className="gauge-percent">{percent}</span>
      </div>
      <div
        role="meter"
        aria-label={gauge.label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={valueNow}
        aria-valuetext={`${gauge.text} (${percent})`}
        className={`meter level-${gauge.level}`}
        data-level={gauge.level}
      >
        <div className="meter-fill" style={{ width: `${valueNow}%` }} />
      </div>
    </div>
  );
}
