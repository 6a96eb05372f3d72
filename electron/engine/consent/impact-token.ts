/**
 * A confirmation names the change it confirms: an HMAC, under a key that lives only in this engine, of
 * the rules removals follow now, the rules the patch gives, and the folders it would remove files from.
 * A client cannot make one without asking the engine for the impact, and one made before the file or the
 * agreed rules changed no longer matches (a stale dashboard is asked again).
 */
import { crypto } from '../fs/lazy-crypto.js';
import type { FolderRules } from '../../../shared/types.js';

export class ImpactTokens {
  /** Made on the first confirmation asked for: an engine that is never asked loads no node:crypto (#17). */
  private key: Buffer | undefined;

  sign(before: readonly FolderRules[], after: readonly FolderRules[], folders: readonly string[]): string {
    this.key ??= crypto().randomBytes(32);
    return crypto()
      .createHmac('sha256', this.key)
      .update(JSON.stringify({ before, after, folders }))
      .digest('base64url');
  }

  verify(
    token: string | undefined,
    before: readonly FolderRules[],
    after: readonly FolderRules[],
    folders: readonly string[],
  ): boolean {
    if (token === undefined) return false;
    const expected = Buffer.from(this.sign(before, after, folders));
    const given = Buffer.from(token);
    return given.length === expected.length && crypto().timingSafeEqual(given, expected);
  }
}
