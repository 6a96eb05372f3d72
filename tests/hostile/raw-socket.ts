/** Raw TCP clients for attacks `http.request` will not make: no Host header, trickled headers, cut bodies. */
import { connect, type Socket } from 'node:net';

export interface RawExchange {
  /** Everything the server sent before it closed the connection. */
  reply: string;
  /** Milliseconds from connecting until the server closed the connection. */
  closedAfterMs: number;
}

/**
 * Connects, writes `first`, then writes `trickle` every `everyMs` (never finishing the request) until the
 * server closes the connection or `giveUpMs` passes (then the client closes and `closedAfterMs` is Infinity).
 */
export function slowClient(
  port: number,
  first: string,
  options: { trickle?: string; everyMs?: number; giveUpMs: number },
): Promise<RawExchange> {
  return new Promise((resolve) => {
    const startedMs = performance.now();
    let reply = '';
    let timer: NodeJS.Timeout | undefined;
    const socket: Socket = connect(port, '127.0.0.1', () => {
      socket.write(first);
      if (options.trickle !== undefined) {
        timer = setInterval(
          () => socket.writable && socket.write(options.trickle ?? ''),
          options.everyMs ?? 1000,
        );
      }
    });
    const giveUp = setTimeout(() => {
      socket.destroy();
      finish(Infinity);
    }, options.giveUpMs);
    const finish = (closedAfterMs: number) => {
      clearInterval(timer);
      clearTimeout(giveUp);
      resolve({ reply, closedAfterMs });
    };
    socket.setEncoding('utf8');
    socket.on('data', (text: string) => (reply += text));
    socket.on('error', () => undefined);
    socket.on('close', () => finish(performance.now() - startedMs));
  });
}

/** Sends `request` whole and reads the reply until the server closes the connection. */
export function rawExchange(port: number, request: string | Buffer, giveUpMs = 5_000): Promise<RawExchange> {
  return slowClient(port, request as string, { giveUpMs });
}

/** Declares a body of `declaredBytes`, sends `sentBytes` of it, then drops the connection. */
export function truncatedBody(
  port: number,
  head: string,
  declaredBytes: number,
  sentBytes: number,
): Promise<void> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(`${head}Content-Length: ${declaredBytes}\r\n\r\n`);
      socket.write(Buffer.alloc(sentBytes, 0x7b), () => socket.destroy());
    });
    socket.on('error', () => undefined);
    socket.on('close', () => resolve());
  });
}
