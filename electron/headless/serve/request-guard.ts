/**
 * Who may talk to `serve`: the Host header must name this server (DNS rebinding), a present Origin must be
 * this server's own (cross-site pages), and every API call carries the session token (compared in
 * constant time, by digest, so neither its content nor its length leaks through timing).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { HTTP_TOKEN_QUERY_PARAM } from '../../../shared/bridge.js';

/** The Host header values this server answers to: the loopback names and the explicit `--host`, with the port. */
export function allowedHosts(host: string, port: number): Set<string> {
  const names = ['127.0.0.1', 'localhost', '[::1]', hostForUrl(host)];
  return new Set(names.map((name) => `${name.toLowerCase()}:${port}`));
}

/** An IPv6 literal goes in brackets in a URL and in a Host header. */
export function hostForUrl(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

export type GuardFailure = { status: number; message: string };

/** Checks Host and Origin; null when the request may go on. */
export function checkHostAndOrigin(req: IncomingMessage, hosts: Set<string>): GuardFailure | null {
  const host = req.headers.host?.toLowerCase();
  if (!host || !hosts.has(host)) {
    return { status: 421, message: 'This server answers only to its own address (Host header refused).' };
  }
  const origin = req.headers.origin;
  if (origin !== undefined && origin.toLowerCase() !== `http://${host}`) {
    return { status: 403, message: 'Requests from other sites are refused (Origin header refused).' };
  }
  return null;
}

/** True when the request carries no token at all (neither header nor query parameter). */
export function hasNoToken(req: IncomingMessage, url: URL): boolean {
  return req.headers.authorization === undefined && !url.searchParams.has(HTTP_TOKEN_QUERY_PARAM);
}

/** True when the request carries `token` as a bearer token, or (only if `allowQuery`) as the query parameter. */
export function hasToken(req: IncomingMessage, url: URL, token: string, allowQuery: boolean): boolean {
  const header = req.headers.authorization;
  const bearer = header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : null;
  const query = allowQuery ? url.searchParams.get(HTTP_TOKEN_QUERY_PARAM) : null;
  const given = bearer ?? query;
  return given !== null && sameSecret(given, token);
}

function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}
