/**
 * The scanning state of a folder (`FolderStatus.scanning`), checked at runtime where a snapshot arrives
 * from another process. A folder that says it is scanning is shown as scanning even when its progress is
 * malformed (as 0 files so far): its zero totals must never read as a measured level.
 */
import { z } from 'zod';
import { formatCount } from './format.js';
import type { FolderScanning, FolderStatus } from './types.js';

export const folderScanningSchema = z.object({
  filesSoFar: z.number().int().nonnegative(),
  bytesSoFar: z.number().finite().nonnegative(),
}) satisfies z.ZodType<FolderScanning>;

/** The folder's first-scan progress while it is still scanning; null once its totals are known. */
export function scanningOf(folder: Pick<FolderStatus, 'scanning'>): FolderScanning | null {
  if (folder.scanning === undefined || folder.scanning === null) return null;
  const parsed = folderScanningSchema.safeParse(folder.scanning);
  return parsed.success ? parsed.data : { filesSoFar: 0, bytesSoFar: 0 };
}

/** "Scanning… 12,340 files so far": one wording for the dashboard, the tray and the CLI. */
export function scanningText(scanning: FolderScanning): string {
  const unit = scanning.filesSoFar === 1 ? 'file' : 'files';
  return `Scanning… ${formatCount(scanning.filesSoFar)} ${unit} so far`;
}
