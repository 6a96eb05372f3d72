/**
 * `startFixture`'s world (outputs: 4 files of 10 B, at most 2) behind a **live** engine, as `headroom serve`
 * runs it: snapshots come from the watched index instead of a scan per request.
 */
import type { ServerOptions } from '../../electron/headless/serve/start-server.js';
import { startFixture, type ServeFixture } from '../integration/serve/serve-fixture.js';

export function startLiveFixture(options: Partial<ServerOptions> = {}): Promise<ServeFixture> {
  return startFixture(options, { live: true });
}
