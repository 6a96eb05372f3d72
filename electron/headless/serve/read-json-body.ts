/**
 * Reads a request's JSON body with a hard size cap. A declared Content-Length over the cap is refused before
 * a byte is read; a body that grows past it is refused as soon as it does, so the server never holds more
 * than the cap in memory.
 */
import type { IncomingMessage } from 'node:http';

export type BodyResult =
  { ok: true; value: unknown } | { ok: false; status: 400 | 413 | 415; message: string };

/** True when the Content-Type is JSON (`application/json`, any parameters). */
export function isJsonContentType(req: IncomingMessage): boolean {
  const type = req.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  return type === 'application/json';
}

/** True when the request has a body at all (a length above 0 or a chunked transfer). */
export function hasBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  if (length !== undefined) return Number(length) > 0;
  return req.headers['transfer-encoding'] !== undefined;
}

/**
 * Reads and parses the body; an empty body reads as `undefined` (the bridge treats that as `{}`). On 413 the
 * request is left paused: the caller answers and closes the connection instead of draining the rest.
 */
export async function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<BodyResult> {
  if (Number(req.headers['content-length'] ?? 0) > maxBytes) return tooLarge(maxBytes);
  const read = await collect(req, maxBytes);
  if (read === 'too-large') return tooLarge(maxBytes);
  if (read === 'error') return { ok: false, status: 400, message: 'The request body could not be read.' };
  const text = read.toString('utf8');
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return {
      ok: false,
      status: 400,
      message: `The request body is not valid JSON: ${(error as Error).message}`,
    };
  }
}

function tooLarge(maxBytes: number): BodyResult {
  return { ok: false, status: 413, message: `The request body is over ${maxBytes} bytes.` };
}

function collect(req: IncomingMessage, maxBytes: number): Promise<Buffer | 'too-large' | 'error'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let sizeBytes = 0;
    const finish = (result: Buffer | 'too-large' | 'error') => {
      req.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      sizeBytes += chunk.length;
      if (sizeBytes <= maxBytes) return void chunks.push(chunk);
      req.pause();
      finish('too-large');
    };
    const onEnd = () => finish(Buffer.concat(chunks));
    const onError = () => finish('error');
    const onClose = () => finish('error');
    req.on('data', onData).on('end', onEnd).on('error', onError).on('close', onClose);
  });
}
