/** Error codes and messages of thrown values, and which codes are worth one more try. */

/** The errno code of a thrown value (`'ENOENT'`, `'EACCES'` …), or `'UNKNOWN'`. */
export function errorCode(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const { code } = error as { code: unknown };
    if (typeof code === 'string' && code.length > 0) return code;
  }
  return 'UNKNOWN';
}

/** A one-line message of a thrown value. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Errors that usually clear up by themselves: a file held open (EBUSY; Windows sharing violations map to
 * it), a busy executable, or too many open files. These are retried once, then left for the next run.
 */
const TRANSIENT_CODES = new Set(['EBUSY', 'EAGAIN', 'EWOULDBLOCK', 'EMFILE', 'ENFILE', 'ETXTBSY']);

export function isTransientCode(code: string): boolean {
  return TRANSIENT_CODES.has(code);
}
