/**
 * Runs one engine call and answers it: the value with 200, a BridgeError with its own status and message,
 * anything else as a generic 500 (the details go to the log, never to the client).
 */
import type { ServerResponse } from 'node:http';
import { BridgeError, HTTP_STATUS_FOR } from '../../../shared/bridge.js';
import { describeError } from './describe-error.js';
import { sendError, sendJson } from './http-reply.js';

/** Calls `run`, then sends `shape(value)` (default: the bridge's `{ ok: true, value }`). */
export async function callEngine<T>(
  res: ServerResponse,
  log: (message: string) => void,
  label: string,
  run: () => Promise<T>,
  shape: (value: T) => unknown = (value) => ({ ok: true, value }),
): Promise<void> {
  let value: T;
  try {
    value = await run();
  } catch (error) {
    if (error instanceof BridgeError) {
      return sendJson(res, HTTP_STATUS_FOR[error.code], error.toFailure());
    }
    log(`headroom serve: ${label} failed: ${describeError(error)}`);
    return sendError(res, 500, 'internal', 'Headroom hit an unexpected error; the details are in its log.');
  }
  sendJson(res, 200, shape(value));
}
