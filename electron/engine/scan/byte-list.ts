/** A list of byte strings (relative paths, possibly not UTF-8) packed into two transferable arrays. */

export interface PackedByteList {
  bytes: Uint8Array;
  /** `length + 1` offsets into `bytes`. */
  offsets: Uint32Array;
}

/** Packs `items` into one buffer. */
export function packByteList(items: readonly Uint8Array[]): PackedByteList {
  let total = 0;
  for (const item of items) total += item.length;
  const bytes = new Uint8Array(total);
  const offsets = new Uint32Array(items.length + 1);
  let at = 0;
  items.forEach((item, i) => {
    bytes.set(item, at);
    at += item.length;
    offsets[i + 1] = at;
  });
  return { bytes, offsets };
}

/** Views (not copies) of each packed item. */
export function unpackByteList(list: PackedByteList): Uint8Array[] {
  const items: Uint8Array[] = [];
  for (let i = 0; i + 1 < list.offsets.length; i++) {
    items.push(list.bytes.subarray(list.offsets[i] ?? 0, list.offsets[i + 1] ?? 0));
  }
  return items;
}

/** The ArrayBuffers to transfer with `list`. */
export function byteListTransfer(list: PackedByteList): ArrayBuffer[] {
  return [list.bytes.buffer as ArrayBuffer, list.offsets.buffer as ArrayBuffer];
}
