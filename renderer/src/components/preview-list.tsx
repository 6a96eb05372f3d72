/**
 * One folder's planned files as a table that scrolls in its own box and keeps only the rows in view (plus
 * a margin) in the page: 50,000 rows would otherwise make the page 19,000 px long and slow to lay out.
 * The table stays a table for assistive technology: `aria-rowcount` gives every row, `aria-rowindex` each
 * one's place, and the rows out of view are two spacer rows hidden from it.
 */
import { useVirtualizer, type VirtualItem } from '@tanstack/react-virtual';
import { useMemo, useRef } from 'react';
import { displayName } from '../../../shared/byte-names.js';
import { formatBytes, formatCount, formatDuration } from '../../../shared/format.js';
import type { FolderPlanView } from '../../../shared/types.js';
import { localDateTime, previewRows, type PreviewRow } from '../view/preview-rows.js';
import './preview.css';

/** Every row is one line of this height (px); styles.css keeps `.preview-list tr` to it. */
export const PREVIEW_ROW_PX = 30;
/** Rows drawn before the box has been measured (and where there is no layout): about one screenful. */
const UNMEASURED_ROWS = 30;

export function PreviewList({ folder, nowMs }: { folder: FolderPlanView; nowMs: number }) {
  const rows = useMemo(() => previewRows(folder.remove), [folder.remove]);
  const box = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({
    count: rows.length,
    getScrollElement: () => box.current,
    estimateSize: () => PREVIEW_ROW_PX,
    overscan: 15,
  });
  const measured = virtual.getVirtualItems();
  const items = measured.length > 0 ? measured : firstRows(rows.length);
  const total = virtual.getTotalSize();
  const top = items[0]?.start ?? 0;
  const bottom = total - (items[items.length - 1]?.end ?? 0);
  const groups = rows.length - folder.remove.length;
  return (
    <div
      className="preview-scroll"
      ref={box}
      tabIndex={0}
      role="region"
      aria-label={`Files of ${folder.name}, ${formatCount(folder.remove.length)} in ${formatCount(groups)} ${groups === 1 ? 'folder' : 'folders'}`}
      data-testid={`preview-scroll-${folder.name}`}
    >
      <table className="preview-list" aria-rowcount={rows.length + 1}>
        <caption className="visually-hidden">Files a cleanup of {folder.name} would remove</caption>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col">File</th>
            <th scope="col" className="col-size">
              Size
            </th>
            <th scope="col" className="col-age">
              Age
            </th>
            <th scope="col" className="col-date">
              Modified
            </th>
            <th scope="col" className="col-reason">
              Reason
            </th>
          </tr>
        </thead>
        <tbody>
          {top > 0 && <Spacer px={top} />}
          {items.map((item) => (
            <Row key={item.index} row={rows[item.index]!} index={item.index} nowMs={nowMs} />
          ))}
          {bottom > 0 && <Spacer px={bottom} />}
        </tbody>
      </table>
    </div>
  );
}

function Row({ row, index, nowMs }: { row: PreviewRow; index: number; nowMs: number }) {
  // Row 1 is the header.
  const rowIndex = index + 2;
  if (row.kind === 'group') {
    return (
      <tr data-kind="group" className="preview-group" aria-rowindex={rowIndex}>
        <th scope="rowgroup" colSpan={5}>
          {row.dir === '' ? '(top level)' : `${displayName(row.dir)}/`} — {formatCount(row.files)}{' '}
          {row.files === 1 ? 'file' : 'files'}, {formatBytes(row.bytes)}
        </th>
      </tr>
    );
  }
  const { file } = row;
  return (
    <tr data-kind="file" aria-rowindex={rowIndex}>
      <td title={displayName(file.path)}>
        <code>{displayName(row.name)}</code>
      </td>
      <td className="col-size">{formatBytes(file.sizeBytes)}</td>
      <td className="col-age">{formatDuration(Math.max(0, nowMs - file.mtimeMs))} old</td>
      <td className="col-date">{localDateTime(file.mtimeMs)}</td>
      <td className="col-reason">{file.reason}</td>
    </tr>
  );
}

/** Stands for the rows out of view, so the scroll bar is as long as the whole list. */
function Spacer({ px }: { px: number }) {
  return (
    <tr aria-hidden="true" className="preview-spacer">
      <th colSpan={5} style={{ height: px, padding: 0 }} />
    </tr>
  );
}

function firstRows(count: number): Pick<VirtualItem, 'index' | 'start' | 'end'>[] {
  return Array.from({ length: Math.min(count, UNMEASURED_ROWS) }, (_, index) => ({
    index,
    start: index * PREVIEW_ROW_PX,
    end: (index + 1) * PREVIEW_ROW_PX,
  }));
}
