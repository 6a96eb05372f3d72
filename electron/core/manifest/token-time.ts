/**
 * The times a token file holds: ISO 8601 text or epoch seconds (the seed writes both, depending on the
 * version that wrote the entry).
 */

/** Epoch seconds past this are no date a token file means (year 5138); most likely milliseconds. */
const MAX_EPOCH_SECONDS = 1e11;

/** ISO 8601 date and time, `T` or a space between them (Python's `str(datetime)`), optional offset. */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

export type TokenTime = { ok: true; ms: number } | { ok: false; why: string };

/**
 * Epoch ms of `value`, or why it is no time. Numbers (and numeric text) are epoch seconds. ISO text
 * without an offset is read in local time, as `Date.parse` does and as Python's
 * `datetime.now().isoformat()` writes it.
 */
export function readTokenTime(key: string, value: unknown): TokenTime {
  const seconds = typeof value === 'number' ? value : numericText(value);
  if (seconds !== null) {
    if (!Number.isFinite(seconds) || seconds < 0) {
      return { ok: false, why: `${key} ${String(value)} is not a time` };
    }
    if (seconds > MAX_EPOCH_SECONDS) {
      return { ok: false, why: `${key} ${String(value)} is too large for epoch seconds (milliseconds?)` };
    }
    return { ok: true, ms: seconds * 1000 };
  }
  if (typeof value === 'string' && ISO_DATE_TIME.test(value.trim())) {
    // `+0200` as `+02:00`: Date.parse reads only the latter.
    const text = value
      .trim()
      .replace(' ', 'T')
      .replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
    const ms = Date.parse(text);
    if (Number.isFinite(ms)) return { ok: true, ms };
  }
  return { ok: false, why: `${key} ${JSON.stringify(value)} is neither an ISO 8601 time nor epoch seconds` };
}

function numericText(value: unknown): number | null {
  if (typeof value !== 'string' || !/^\s*\d+(\.\d+)?\s*$/.test(value)) return null;
  return Number(value);
}
