/**
 * Finds where a comment states a key's value ("keep at most 5 GB", "none older than a week", "warn at 80%")
 * and says the new value there instead, so config.yaml never describes a value it no longer holds
 * (issue 15). A number counts as the value only in the key's own unit ("5 GB" for `max_size_gb`, never
 * "5 files"), or bare where the comment belongs to that key alone; a number after "default" is the
 * default's, not the value's, and is left alone.
 */

interface UnitKind {
  /** Unit words (lower case) and what one of each is worth in the key's unit. */
  words: Record<string, number>;
  /** The new value in words, with its unit. */
  say(value: number): string;
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** Unit kinds by the key's suffix, as config.yaml names them (`max_size_gb`, `max_age_days`, …). */
const KINDS: Record<string, UnitKind> = {
  gb: {
    words: { gb: 1, gib: 1, g: 1, mb: 1 / 1024, mib: 1 / 1024, tb: 1024, tib: 1024 },
    say: (n) => `${n} GB`,
  },
  files: { words: { file: 1, files: 1 }, say: (n) => plural(n, 'file', 'files') },
  days: { words: { day: 1, days: 1, week: 7, weeks: 7 }, say: (n) => plural(n, 'day', 'days') },
  hours: { words: { hour: 1, hours: 1, h: 1, day: 24, days: 24 }, say: (n) => plural(n, 'hour', 'hours') },
  minutes: {
    words: { minute: 1, minutes: 1, min: 1, mins: 1, hour: 60, hours: 60 },
    say: (n) => plural(n, 'minute', 'minutes'),
  },
  seconds: {
    words: { second: 1, seconds: 1, s: 1, sec: 1, secs: 1, minute: 60, minutes: 60 },
    say: (n) => plural(n, 'second', 'seconds'),
  },
  percent: { words: { '%': 1, percent: 1 }, say: (n) => `${n}%` },
};

/** Every unit word of every kind: a number followed by one of these measures something. */
const ANY_UNIT = new Set(Object.values(KINDS).flatMap((k) => Object.keys(k.words)));

function kindOf(key: string): UnitKind | null {
  const suffix = /_([a-z]+)$/.exec(key)?.[1];
  return suffix !== undefined ? (KINDS[suffix] ?? null) : null;
}

/** A number (or "a"/"an"/"one" before a unit) with what follows it. */
const MENTION = /(?<![\w.])(\d+(?:\.\d+)?|an?\b|one\b)(\s*)(%|[a-z]+)?/gi;
const AFTER_DEFAULT = /default(?:s|\s+is|\s*[:=])?\s*$/i;

/**
 * The comment with `before` restated as `after`: a string when it changed, `null` when it mentions a value
 * that is gone (`after` undefined or not of the same type) and should be dropped, undefined when it does
 * not mention `before` at all. `bare`: the comment belongs to this key alone, so a number without a unit
 * counts too.
 */
export function reviseComment(
  comment: string,
  key: string,
  before: unknown,
  after: unknown,
  bare: boolean,
): string | null | undefined {
  if (typeof before === 'string') return reviseText(comment, before, after);
  if (typeof before !== 'number') return undefined;
  const kind = kindOf(key);
  let mentioned = false;
  const revised = comment.replace(
    MENTION,
    (whole, num: string, gap: string, unit: string | undefined, at: number) => {
      const worth = mentionWorth(num, unit, kind, bare);
      if (worth === null || Math.abs(worth - before) > 1e-9) return whole;
      if (AFTER_DEFAULT.test(comment.slice(0, at))) return whole;
      mentioned = true;
      if (typeof after !== 'number') return whole;
      const unitCounted = unit !== undefined && kind !== null && unit.toLowerCase() in kind.words;
      return unitCounted ? kind.say(after) : `${after}${gap}${unit ?? ''}`;
    },
  );
  if (!mentioned) return undefined;
  return typeof after === 'number' ? revised : null;
}

/** What the mention is worth in the key's unit, or null when it is not a mention of this key's value. */
function mentionWorth(
  num: string,
  unit: string | undefined,
  kind: UnitKind | null,
  bare: boolean,
): number | null {
  const word = unit?.toLowerCase();
  const factor = word !== undefined && kind !== null ? kind.words[word] : undefined;
  const article = !/^\d/.test(num);
  if (factor !== undefined) return (article ? 1 : Number(num)) * factor;
  // "a"/"an"/"one" only count before one of this key's units; another kind's unit measures another key.
  if (article || (word !== undefined && ANY_UNIT.has(word))) return null;
  return bare ? Number(num) : null;
}

function reviseText(comment: string, before: string, after: unknown): string | null | undefined {
  if (before.length < 3 || !comment.includes(before)) return undefined;
  return typeof after === 'string' ? comment.split(before).join(after) : null;
}
