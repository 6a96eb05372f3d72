/**
 * A chart's numbers as a table the keyboard can reach: behind a "<title>, as a table" disclosure, in its
 * own scroll box, so a screen-reader user and anyone who wants exact figures get what the picture shows.
 */
import type { ReactNode } from 'react';

interface Props {
  title: string;
  columns: readonly string[];
  /** One row per point: a stable key and its cells, in `columns`' order. */
  rows: readonly { key: string | number; cells: readonly ReactNode[] }[];
  /** Said instead of an empty table. */
  empty?: string;
}

export function ChartTable({ title, columns, rows, empty }: Props) {
  return (
    <details className="chart-table">
      <summary>{title}, as a table</summary>
      {rows.length === 0 && empty ? (
        <p>{empty}</p>
      ) : (
        <div className="table-scroll chart-table-box">
          <table aria-label={title}>
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key}>
                  {row.cells.map((cell, i) => (
                    <td key={columns[i]}>{cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
}
