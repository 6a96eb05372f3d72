/** The errno code and the message of a thrown value: the engine's one reading of what a Node call threw. */

/**
 * The errno code of a thrown value (`'ENOENT'`, `'EACCES'` …), or `fallback` when it carries none: callers
 * record the code, so a value that is not a Node error still gets a code that says where it came from.
 */
export function errorCode(error: unknown, fallback = 'UNKNOWN'): string {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const { code } = error as { code: unknown };
    if (typeof code === 'string' && code.length > 0) return code;
  }
  return fallback;
}

/** A one-line message of a thrown value, for a sentence shown to people. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
