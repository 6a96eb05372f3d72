/**
 * The types of a `kind: manifest` folder (issue 11): a token file lists, per recovery token, the files that
 * belong to it; cleanup removes whole tokens, never part of one.
 */

/** One token as read from the token file, its paths checked and normalised. */
export interface ManifestToken {
  /** The token id: the object key, or the entry's `token` field in the array form. */
  id: string;
  /** Epoch ms of `expires_at`; null when the entry has none. */
  expiresAtMs: number | null;
  /** Epoch ms of `created_at`; null when the entry has none. */
  createdAtMs: number | null;
  /** The files it lists: relative to the folder, `/`-separated, normalised, without duplicates. */
  files: string[];
  /** Listed paths that leave the folder (absolute, `..`, the token file itself): the token is kept whole. */
  refused: RefusedPath[];
}

export interface RefusedPath {
  /** The path as the token file wrote it. */
  path: string;
  /** Why, in a phrase: "is absolute", "climbs out of the folder with ..". */
  why: string;
}

/** An entry of the token file that could not be read as a token: skipped, reported, the rest go on. */
export interface TokenEntryProblem {
  /** Where it is, for people: `token "abc"` or `entry 3`. */
  at: string;
  message: string;
  /**
   * The paths the entry lists, where its `files` could still be read: they stay referenced, so they are
   * never taken for orphans. Null when its files cannot be read at all: then no file can be called an
   * orphan, because any might be this entry's.
   */
  files: string[] | null;
}

export type TokenFileShape = 'object' | 'array';

/** A token file that parsed: its tokens, and the entries that were skipped. */
export interface TokenFileContents {
  shape: TokenFileShape;
  tokens: ManifestToken[];
  problems: TokenEntryProblem[];
}

/** The token file, read: either its contents or, when it cannot be parsed at all, why. */
export type TokenFileParse = ({ ok: true } & TokenFileContents) | { ok: false; message: string };

/**
 * Why a unit goes: `expired` (past `expires_at`, or `created_at` + `retention_hours`), `orphan` (a file no
 * token lists, past the grace period), or the folder's limits as for `kind: files`.
 */
export type ManifestReason = 'expired' | 'orphan' | 'age' | 'count' | 'size';

/** A file a unit removes, with what the executor checks again before removing it. */
export interface UnitFile {
  path: string;
  sizeBytes: number;
  mtimeMs: number;
  dev: number;
  ino: number;
}

/** One unit of cleanup: a whole token, or one orphan file. */
export interface ManifestUnit {
  kind: 'token' | 'orphan';
  /** The token id, or the orphan's path. */
  id: string;
  reason: ManifestReason;
  /** The files that go with it: those it lists that no remaining token lists too. */
  files: UnitFile[];
  /** Listed files it leaves because a token that stays lists them too. */
  shared: string[];
  /** Listed paths already gone before the run. */
  missing: string[];
  sizeBytes: number;
  /** For people: "token abc123 · 3 files · 12 MB · expired 5 h ago". */
  label: string;
}

/** A token a rule wanted gone but that is kept whole, and why. */
export interface HeldToken {
  id: string;
  reason: ManifestReason;
  why: string;
}

/** The plan of one `kind: manifest` folder. */
export interface ManifestPlan {
  /** In the order they go: expired tokens, orphans, then tokens by age, count and size. */
  units: ManifestUnit[];
  bytesToFree: number;
  /** Tokens that stay over a limit (or expired) only because they are held; `notes` says which. */
  overLimitAfter: boolean;
  notes: string[];
  held: HeldToken[];
}
