import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { prometheusFamilies } from '../../../electron/headless/serve/prometheus-metrics.js';
import { emptyTotals } from '../../../electron/engine/history/cleanup-totals.js';
import type { Snapshot } from '../../../shared/types.js';

const DASHBOARD = new URL('../../../docs/grafana-dashboard.json', import.meta.url);

describe('docs/grafana-dashboard.json', () => {
  it('queries only metrics that GET /metrics exposes', () => {
    const text = readFileSync(DASHBOARD, 'utf8');
    JSON.parse(text);
    const snapshot = {
      folders: [],
      schedule: { intervalHours: 5, lastRunAt: null, nextRunAt: null, pausedUntil: null, running: false },
    } as unknown as Snapshot;
    const exposed = new Set(prometheusFamilies(snapshot, emptyTotals()).map((f) => f.name));
    const queried = new Set(text.match(/headroom_[a-z_]+/g) ?? []);
    expect(queried.size).toBeGreaterThan(5);
    for (const name of queried) expect(exposed, name).toContain(name);
  });
});
