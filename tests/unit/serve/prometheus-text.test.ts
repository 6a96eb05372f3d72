import { describe, expect, it } from 'vitest';
import { escapeLabelValue, formatExposition } from '../../../electron/headless/serve/prometheus-text.js';

describe('Prometheus text exposition', () => {
  it('escapes backslash, double quote and newline in label values, so a name cannot forge a sample', () => {
    const hostile = 'a\\b"c\nheadroom_folder_bytes{folder="x"} 1';
    expect(escapeLabelValue(hostile)).toBe('a\\\\b\\"c\\nheadroom_folder_bytes{folder=\\"x\\"} 1');
    const text = formatExposition([
      {
        name: 'headroom_folder_bytes',
        help: 'Bytes.',
        type: 'gauge',
        samples: [{ labels: { folder: hostile }, value: 7 }],
      },
    ]);
    const lines = text.trimEnd().split('\n');
    expect(lines).toEqual([
      '# HELP headroom_folder_bytes Bytes.',
      '# TYPE headroom_folder_bytes gauge',
      'headroom_folder_bytes{folder="a\\\\b\\"c\\nheadroom_folder_bytes{folder=\\"x\\"} 1"} 7',
    ]);
  });

  it('writes families with HELP and TYPE, labels in order, and special values by name', () => {
    const text = formatExposition([
      {
        name: 'headroom_cleanup_runs_total',
        help: 'Runs.\nBy trigger.',
        type: 'counter',
        samples: [{ labels: { trigger: 'manual', status: 'completed' }, value: 3 }],
      },
      {
        name: 'headroom_next_cleanup_timestamp_seconds',
        help: 'Next.',
        type: 'gauge',
        samples: [{ value: NaN }],
      },
    ]);
    expect(text).toBe(
      [
        '# HELP headroom_cleanup_runs_total Runs.\\nBy trigger.',
        '# TYPE headroom_cleanup_runs_total counter',
        'headroom_cleanup_runs_total{trigger="manual",status="completed"} 3',
        '# HELP headroom_next_cleanup_timestamp_seconds Next.',
        '# TYPE headroom_next_cleanup_timestamp_seconds gauge',
        'headroom_next_cleanup_timestamp_seconds NaN',
        '',
      ].join('\n'),
    );
  });
});
