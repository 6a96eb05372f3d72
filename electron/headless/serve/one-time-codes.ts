/**
 * One-time codes for `serve --open`. The opener (`xdg-open`, `open`, `cmd /c start`) and the browser it
 * starts carry their URL on their command line, which every local user reads in `ps`; so the opener gets a
 * code instead of the token. A code works once, within its lifetime, and is exchanged for the token by
 * `GET /?code=…` (exchange-code.ts). Codes are kept by digest, so a lookup's timing says nothing about them.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../../engine/ports.js';

/** The query parameter of a one-time link: `http://127.0.0.1:PORT/?code=…`. */
export const CODE_QUERY_PARAM = 'code';

/** How long a code stays valid: time for a browser to start, not for someone to copy it from `ps` later. */
export const CODE_LIFETIME_MS = 60_000;

export class OneTimeCodes {
  /** Digest of each code → when it expires (epoch ms). */
  private readonly expiries = new Map<string, number>();

  constructor(
    private readonly clock: Pick<Clock, 'now'>,
    private readonly lifetimeMs = CODE_LIFETIME_MS,
  ) {}

  /** A fresh code: 24 random bytes, base64url (32 characters). */
  issue(): string {
    this.forgetExpired();
    const code = randomBytes(24).toString('base64url');
    this.expiries.set(digest(code), this.clock.now() + this.lifetimeMs);
    return code;
  }

  /** True for a code issued here, not yet used and not expired; it can never be used again either way. */
  redeem(code: string): boolean {
    const key = digest(code);
    const expiresAtMs = this.expiries.get(key);
    this.expiries.delete(key);
    return expiresAtMs !== undefined && this.clock.now() < expiresAtMs;
  }

  private forgetExpired(): void {
    const nowMs = this.clock.now();
    for (const [key, expiresAtMs] of this.expiries) if (expiresAtMs <= nowMs) this.expiries.delete(key);
  }
}

function digest(code: string): string {
  return createHash('sha256').update(code).digest('hex');
}
