/**
 * How `serve` logs an unexpected error: one line, its class and message, never a stack trace. A request
 * is the client's doing; a trace in the log for each odd request would bury the lines that matter and
 * hand whoever sends them a way to fill the log.
 */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error).replace(/\s+/g, ' ');
  const code = (error as NodeJS.ErrnoException).code;
  const text = `${error.name}: ${error.message}${code ? ` (${code})` : ''}`;
  return text.replace(/\s+/g, ' ');
}
