/**
 * node:crypto, loaded on first use. Loading it costs a CLI call a few ms of CPU (#17), and a one-shot
 * command such as `status` needs none of it: only writes, tokens, trashing and consent do.
 */
import { createRequire } from 'node:module';
import type * as Crypto from 'node:crypto';

const builtin = createRequire(import.meta.url);
let loaded: typeof Crypto | undefined;

export function crypto(): typeof Crypto {
  return (loaded ??= builtin('node:crypto') as typeof Crypto);
}
