/** Which errno codes are worth one more try (errorCode itself lives in fs/errno.ts). */

/**
 * Errors that usually clear up by themselves: a file held open (EBUSY; Windows sharing violations map to
 * it), a busy executable, or too many open files. These are retried once, then left for the next run.
 */
const TRANSIENT_CODES = new Set(['EBUSY', 'EAGAIN', 'EWOULDBLOCK', 'EMFILE', 'ENFILE', 'ETXTBSY']);

export function isTransientCode(code: string): boolean {
  return TRANSIENT_CODES.has(code);
}
