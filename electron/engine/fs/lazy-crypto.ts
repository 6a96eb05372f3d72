/**
 * node:crypto, loaded on first use. Loading it costs a CLI call a few ms of CPU (#17), and a one-shot
 * command such as `status` needs none of it: only writes, tokens, trashing and consent do.
 */
import type * as Crypto from 'node:crypto';
import { builtin } from './lazy-builtin.js';

export function crypto(): typeof Crypto {
  return builtin<typeof Crypto>('node:crypto');
}
