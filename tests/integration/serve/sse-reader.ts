/** Reads a server-sent event stream over raw HTTP and keeps every event and comment it saw, in order. */
import { request } from 'node:http';
import type { ClientRequest, IncomingMessage } from 'node:http';

export interface SseMessage {
  /** Event name, or `:comment` for a comment line (heartbeat). */
  event: string;
  data: string;
}

export interface SseReader {
  status: number;
  messages: SseMessage[];
  /** Resolves with the first message (from the start) that matches, or rejects after `timeoutMs`. */
  waitFor(match: (m: SseMessage) => boolean, timeoutMs?: number): Promise<SseMessage>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

export function openSse(port: number, path: string, headers: Record<string, string>): Promise<SseReader> {
  return new Promise((resolve, reject) => {
    let req: ClientRequest | undefined = undefined;
    req = request({ host: '127.0.0.1', port, path, headers, agent: false }, (res) =>
      resolve(reader(res, () => req?.destroy())),
    );
    req.on('error', reject);
    req.end();
  });
}

function reader(res: IncomingMessage, destroy: () => void): SseReader {
  const messages: SseMessage[] = [];
  const waiters = new Set<() => void>();
  let buffer = '';
  res.setEncoding('utf8');
  res.on('data', (text: string) => {
    buffer += text;
    let end: number;
    while ((end = buffer.indexOf('\n\n')) !== -1) {
      messages.push(...parseBlock(buffer.slice(0, end)));
      buffer = buffer.slice(end + 2);
    }
    for (const wake of waiters) wake();
  });
  const ended = new Promise<void>((resolve) => res.on('close', () => resolve()));
  return {
    status: res.statusCode ?? 0,
    messages,
    ended,
    close: destroy,
    waitFor(match, timeoutMs = 5_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = messages.find(match);
          if (!found) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching event; saw ${messages.map((m) => m.event).join(', ')}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
  };
}

function parseBlock(block: string): SseMessage[] {
  const comments: SseMessage[] = [];
  let event = 'message';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) comments.push({ event: ':comment', data: line.slice(1).trim() });
    else if (line.startsWith('event: ')) event = line.slice('event: '.length);
    else if (line.startsWith('data: ')) data.push(line.slice('data: '.length));
  }
  return data.length > 0 ? [...comments, { event, data: data.join('\n') }] : comments;
}
