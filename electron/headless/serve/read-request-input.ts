/**
 * The checks every JSON POST shares: the method, the Content-Type, the size and syntax of the body.
 * Answers the refusal itself and returns null, or returns the parsed input.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendError } from './http-reply.js';
import { hasBody, isJsonContentType, readJsonBody } from './read-json-body.js';
import { sendTooLarge } from './too-large.js';

export type RequestInputResult = { input: unknown } | null;

export interface InputRules {
  /** Bodies over this many bytes are refused with 413. */
  maxBodyBytes: number;
  /** A POST without any body needs no Content-Type (the v1 and seed cleanup endpoints). */
  bodyOptional?: boolean;
}

export async function readRequestInput(
  req: IncomingMessage,
  res: ServerResponse,
  { maxBodyBytes, bodyOptional = false }: InputRules,
): Promise<RequestInputResult> {
  if (req.method !== 'POST') {
    sendError(res, 405, 'invalid-request', 'Use POST with a JSON body.', { Allow: 'POST' });
    return null;
  }
  if (!(bodyOptional && !hasBody(req)) && !isJsonContentType(req)) {
    sendError(res, 415, 'invalid-request', 'The body must be JSON (Content-Type: application/json).');
    return null;
  }
  const body = await readJsonBody(req, maxBodyBytes);
  if (!body.ok) {
    if (body.status === 413) sendTooLarge(res, maxBodyBytes);
    else sendError(res, body.status, 'invalid-request', body.message);
    return null;
  }
  return { input: body.value };
}
