/**
 * Server-sent events for the dashboard: each client gets a `snapshot` first, then every engine event as
 * `event: <name>` / `data: <json>`, and a comment line as heartbeat so proxies and browsers keep the stream
 * open. The number of clients is bounded; when a new one would exceed it the oldest is closed.
 */
import { describeError } from './describe-error.js';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { EVENT_NAMES } from '../../../shared/bridge.js';
import type { EventName } from '../../../shared/bridge.js';
import type { Engine } from '../../engine/runtime/engine-types.js';
import { COMMON_HEADERS } from './http-reply.js';

export interface EventStreamOptions {
  maxClients: number;
  heartbeatMs: number;
  log: (message: string) => void;
}

interface Client {
  res: ServerResponse;
  /** Events that arrived before the first snapshot was written; null once it was. */
  pending: string[] | null;
}

/** Owns the SSE clients: one engine subscription per event name, shared by all clients. */
export class EventStream {
  private readonly clients = new Set<Client>();
  private readonly unsubscribe: (() => void)[];
  private readonly heartbeat: NodeJS.Timeout;

  constructor(
    private readonly engine: Engine,
    private readonly options: EventStreamOptions,
  ) {
    this.unsubscribe = EVENT_NAMES.map((name) =>
      engine.on(name, (payload: unknown) => this.broadcast(formatEvent(name, payload))),
    );
    this.heartbeat = setInterval(() => this.broadcast(': heartbeat\n\n'), options.heartbeatMs);
    this.heartbeat.unref();
  }

  get size(): number {
    return this.clients.size;
  }

  /** Starts a stream on `res`; the snapshot goes first, events that race it are queued behind it. */
  async add(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.writeHead(200, {
      ...COMMON_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.write('retry: 2000\n\n');
    const client: Client = { res, pending: [] };
    this.clients.add(client);
    req.on('close', () => this.clients.delete(client));
    this.dropOldest();
    try {
      const first = formatEvent('snapshot', await this.engine.getSnapshot());
      if (!res.writableEnded) res.write(first + (client.pending ?? []).join(''));
    } catch (error) {
      this.options.log(`headroom serve: first snapshot failed: ${describeError(error)}`);
    }
    client.pending = null;
  }

  /** Ends every stream and drops the engine subscriptions. */
  close(): void {
    clearInterval(this.heartbeat);
    for (const off of this.unsubscribe) off();
    for (const client of this.clients) client.res.end();
    this.clients.clear();
  }

  private broadcast(text: string): void {
    for (const client of this.clients) {
      if (client.pending) client.pending.push(text);
      else if (!client.res.writableEnded) client.res.write(text);
    }
  }

  private dropOldest(): void {
    for (const client of this.clients) {
      if (this.clients.size <= this.options.maxClients) return;
      this.clients.delete(client);
      client.res.end();
    }
  }
}

/** One SSE message. JSON never holds a raw newline, so `data` stays one line. */
export function formatEvent(name: EventName, payload: unknown): string {
  return `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`;
}
