/**
 * `POST httpRoute(name)`: the JSON body goes to the engine request of that name, which validates it against
 * the shared schema; the answer is a BridgeResult. Valid cleanup runs are rate-limited before they reach the engine.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BridgeError, HTTP_STATUS_FOR, parseRequest } from '../../../shared/bridge.js';
import type { RequestName } from '../../../shared/bridge.js';
import type { Engine } from '../../engine/runtime/engine-types.js';
import { callEngine } from './call-engine.js';
import { sendError } from './http-reply.js';
import { readRequestInput } from './read-request-input.js';

export interface BridgeRouteContext {
  engine: Engine;
  log: (message: string) => void;
  name: RequestName;
  /** Bodies over this many bytes are refused (413). */
  maxBodyBytes: number;
  /** Takes one cleanup from the rate limit; false (already answered with 429) when over it. */
  takeCleanup: (res: ServerResponse) => boolean;
}

/** Answers one bridge request. */
export async function routeBridge(
  req: IncomingMessage,
  res: ServerResponse,
  { engine, log, name, maxBodyBytes, takeCleanup }: BridgeRouteContext,
): Promise<void> {
  const read = await readRequestInput(req, res, { maxBodyBytes });
  if (!read) return;
  if (name === 'runCleanup') {
    // Validate before charging the rate limit: a malformed request gets its 400 and costs no cleanup.
    const invalid = inputError(name, read.input);
    if (invalid) return sendError(res, HTTP_STATUS_FOR[invalid.code], invalid.code, invalid.message);
    if (!takeCleanup(res)) return;
  }
  // The engine parses `input` against requestSchema(name) itself (parseRequest), whatever its shape here.
  const call = engine[name] as (input: unknown) => Promise<unknown>;
  await callEngine(res, log, name, () => call.call(engine, read.input));
}

function inputError(name: RequestName, input: unknown): BridgeError | null {
  try {
    parseRequest(name, input);
    return null;
  } catch (error) {
    if (error instanceof BridgeError) return error;
    throw error;
  }
}
