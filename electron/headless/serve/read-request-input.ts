/**
 * The checks every JSON POST shares: the method, the Content-Type, the size and syntax of the body.
 * Answers the refusal itself and returns null, or returns the parsed input.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HTTP_MAX_BODY_BYTES } from '../../../shared/bridge.js';
import { sendError } from './http-reply.js';
import { hasBody, isJsonContentType, readJsonBody } from './read-json-body.js';

export type RequestInputResult = { input: unknown } | null;

/** `bodyOptional`: a POST without any body needs no Content-Type (the v1 cleanup endpoint). */
export async function readRequestInput(
  req: IncomingMessage,
  res: ServerResponse,
  bodyOptional = false,
): Promise<RequestInputResult> {
  if (req.method !== 'POST') {
    sendError(res, 405, 'invalid-request', 'Use POST with a JSON body.', { Allow: 'POST' });
    return null;
  }
  if (!(bodyOptional && !hasBody(req)) && !isJsonContentType(req)) {
    sendError(res, 415, 'invalid-request', 'The body must be JSON (Content-Type: application/json).');
    return null;
  }
  const body = await readJsonBody(req, HTTP_MAX_BODY_BYTES);
  if (!body.ok) {
    // After a 413 the rest of the body is not read: the connection closes instead.
    const close: Record<string, string> = body.status === 413 ? { Connection: 'close' } : {};
    sendError(res, body.status, 'invalid-request', body.message, close);
    return null;
  }
  return { input: body.value };
}
