/** Plain-text tables for the CLI's human output. Columns align; numbers align right. */

export interface Column<Row> {
  header: string;
  value: (row: Row) => string;
  align?: 'left' | 'right';
  /** Styles a cell's text; its padding is added outside, since colour codes take no room on screen. */
  paint?: (row: Row, text: string) => string;
}

export function renderTable<Row>(rows: readonly Row[], columns: readonly Column<Row>[]): string {
  const cells = rows.map((row) => columns.map((c) => c.value(row)));
  const widths = columns.map((c, i) => Math.max(c.header.length, ...cells.map((r) => (r[i] ?? '').length)));
  const pad = (v: string, i: number, painted = v) => {
    const room = ' '.repeat(Math.max(0, (widths[i] ?? 0) - v.length));
    return columns[i]?.align === 'right' ? room + painted : painted + room;
  };
  const header = columns.map((c, i) => pad(c.header, i));
  const body = rows.map((row, r) =>
    (cells[r] ?? []).map((v, i) => pad(v, i, columns[i]?.paint?.(row, v) ?? v)),
  );
  return [header, ...body].map((line) => line.join('  ').trimEnd()).join('\n') + '\n';
}
