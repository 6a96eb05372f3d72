/**
 * The folders of a PathTable: each folder's relative path once, with how many files name it, so a file
 * keeps only its folder's number and its own name. Keys are the folder's bytes read as latin1 (one char
 * per byte, so any bytes round-trip exactly, UTF-8 or not); a folder no file names any more is forgotten.
 */
export class FolderNames {
  private readonly idOf = new Map<string, number>();
  private keys: string[] = [];
  private files: number[] = [];
  private readonly freeIds: number[] = [];
  private keyChars = 0;

  /** The folder's number, or -1 when no file names it. */
  lookup(key: string): number {
    return this.idOf.get(key) ?? -1;
  }

  /** The folder's number, adding it when new; counts one more file in it. */
  acquire(key: string): number {
    let id = this.idOf.get(key);
    if (id === undefined) {
      id = this.freeIds.pop() ?? this.keys.length;
      this.idOf.set(key, id);
      this.keys[id] = key;
      this.files[id] = 0;
      this.keyChars += key.length;
    }
    this.files[id] = (this.files[id] as number) + 1;
    return id;
  }

  /** One file fewer in folder `id`; the folder is forgotten with its last file. */
  release(id: number): void {
    const left = (this.files[id] as number) - 1;
    this.files[id] = left;
    if (left > 0) return;
    const key = this.keys[id]!;
    this.idOf.delete(key);
    this.keyChars -= key.length;
    this.keys[id] = '';
    this.freeIds.push(id);
  }

  /** The latin1 key of folder `id` (its path's bytes, one char each). */
  key(id: number): string {
    return this.keys[id]!;
  }

  get size(): number {
    return this.idOf.size;
  }

  /** One past the highest folder number in use: arrays keyed by folder number need this length. */
  get idCapacity(): number {
    return this.keys.length;
  }

  /** Calls `fn` with every folder's key and number. */
  forEach(fn: (key: string, id: number) => void): void {
    for (const [key, id] of this.idOf) fn(key, id);
  }

  /** About what the folders hold: their names' bytes and a few numbers each (for the memory benchmark). */
  byteLength(): number {
    return this.keyChars + this.keys.length * 16;
  }
}

/** The latin1 key of `bytes[start, end)`: one char per byte, exact for any bytes. */
export function latin1Key(bytes: Uint8Array, start: number, end: number): string {
  if (end <= start) return '';
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('latin1');
}
