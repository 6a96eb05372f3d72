/**
 * An .ico file holding PNG images (Windows Vista and later read PNG entries). Electron's Windows tray turns a
 * nativeImage built from bitmaps into an icon from its 1x bitmap only (electron/electron#33044), blurry at
 * 125–200 %; from an .ico file it loads the entry matching the taskbar's icon size.
 */

export interface IcoEntry {
  widthPx: number;
  heightPx: number;
  png: Buffer;
}

const HEADER_BYTES = 6;
const ENTRY_BYTES = 16;
const MAX_SIDE_PX = 256;

export function encodeIco(entries: IcoEntry[]): Buffer {
  if (entries.length === 0) throw new Error('An icon file needs at least one image.');
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(entries.length, 4);
  const directory = Buffer.alloc(ENTRY_BYTES * entries.length);
  let offset = HEADER_BYTES + directory.length;
  entries.forEach((entry, i) => {
    if (
      entry.widthPx > MAX_SIDE_PX ||
      entry.heightPx > MAX_SIDE_PX ||
      entry.widthPx < 1 ||
      entry.heightPx < 1
    )
      throw new Error(
        `An icon image must be 1 to 256 pixels a side, not ${entry.widthPx}×${entry.heightPx}.`,
      );
    const at = i * ENTRY_BYTES;
    directory.writeUInt8(entry.widthPx % MAX_SIDE_PX, at); // 0 means 256
    directory.writeUInt8(entry.heightPx % MAX_SIDE_PX, at + 1);
    directory.writeUInt8(0, at + 2); // no palette
    directory.writeUInt8(0, at + 3); // reserved
    directory.writeUInt16LE(1, at + 4); // colour planes
    directory.writeUInt16LE(32, at + 6); // bits per pixel
    directory.writeUInt32LE(entry.png.length, at + 8);
    directory.writeUInt32LE(offset, at + 12);
    offset += entry.png.length;
  });
  return Buffer.concat([header, directory, ...entries.map((entry) => entry.png)]);
}
