/**
 * A model cache (Hugging Face hub, Ollama) as its reader found it: the units people think in (a revision,
 * a model tag), the blobs they share, and the files that belong to a whole repo. Plain data; the engine
 * reads it from disk (electron/engine/units/), `planUnits` decides on it.
 */

/** One entry on disk, as `lstat` saw it (never followed). Paths are relative to the folder root. */
export interface StoreEntry {
  path: string;
  sizeBytes: number;
  mtimeMs: number;
  atimeMs: number;
  dev: number;
  ino: number;
  /** `link`: the entry is a symbolic link (a snapshot's file), removed as the link itself. */
  entry?: 'link';
}

/** A revision of a Hugging Face repo, or an Ollama model tag: removed whole or not at all. */
export interface StoreUnit {
  /** Unique in the tree, e.g. `models--org--name@3f2a…` or `registry.ollama.ai/library/llama3:latest`. */
  id: string;
  /** For people: "org/name revision 3f2a1b2c", "library/llama3:latest". */
  name: string;
  /** No ref names it (Hugging Face): an older revision, the first to go. */
  detached: boolean;
  /** Its own entries: snapshot links, refs that name it, its manifest. */
  files: StoreEntry[];
  /** Paths of the blobs it uses, each present in `StoreTree.blobs`. */
  blobs: string[];
  /** The repo it belongs to; the group's files go when its last unit goes. Null where there is none. */
  group: string | null;
}

/** A repo's own files (refs no unit owns, `.no_exist`, `.locks`): they go only with its last unit. */
export interface StoreGroup {
  id: string;
  files: StoreEntry[];
  /** Folders the store's reader needs while the group keeps a unit, even if emptied (`refs/`). */
  keepDirs: string[];
}

export interface StoreTree {
  units: StoreUnit[];
  /** Every complete blob; one no unit uses is an orphan. */
  blobs: StoreEntry[];
  /** Partial downloads (`*.incomplete`, `*-partial*`). */
  partials: StoreEntry[];
  groups: StoreGroup[];
  /** Bytes of files that count towards the size but are never removed (a cache's own bookkeeping). */
  otherBytes: number;
  /** True when last use is read from access times; false where the mount records none (noatime). */
  useAtime: boolean;
  /** Folders never removed even when emptied (Ollama's `manifests/` and `blobs/`). */
  keepDirs: string[];
  /** What a unit is called in notes: "revision" or "model". */
  unitNoun: string;
}
