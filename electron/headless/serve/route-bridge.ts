/**
 * `POST httpRoute(name)`: the JSON body goes to the engine request of that name, which validates it against
 * the shared schema; the answer is a BridgeResult. Cleanup runs are rate-limited before they reach the engine.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestName } from '../../../shared/bridge.js';
import type { Engine } from '../../engine/engine-types.js';
import { callEngine } from './call-engine.js';
import { readRequestInput } from './read-request-input.js';

export interface BridgeRouteContext {
  engine: Engine;
  log: (message: string) => void;
  name: RequestName;
  /** Takes one cleanup from the rate limit; false (already answered with 429) when over it. */
  takeCleanup: (res: ServerResponse) => boolean;
}

/** Answers one bridge request. */
export async function routeBridge(
  req: IncomingMessage,
  res: ServerResponse,
  { engine, log, name, takeCleanup }: BridgeRouteContext,
): Promise<void> {
  const read = await readRequestInput(req, res);
  if (!read) return;
  if (name === 'runCleanup' && !takeCleanup(res)) return;
  // The engine parses `input` against requestSchemas[name] itself (parseRequest), whatever its shape here.
  const call = engine[name] as (input: unknown) => Promise<unknown>;
  await callEngine(res, log, name, () => call.call(engine, read.input));
}
