import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { CliCommand } from '../../../electron/headless/cli-args.js';
import { serveCommand } from '../../../electron/headless/serve/serve-command.js';
import { manualClock } from '../../support/manual-clock.js';
import { rawRequest, startFixture } from './serve-fixture.js';
import type { RawResponse, ServeFixture } from './serve-fixture.js';

let fx: ServeFixture | null = null;
afterEach(async () => {
  await fx?.close();
  fx = null;
});

/** The path and query of a one-time link, to request it from the fixture's server. */
function pathOf(link: string): string {
  const url = new URL(link);
  return url.pathname + url.search;
}

function get(path: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return rawRequest(fx!, { path, headers });
}

describe('serve --open: the browser is opened with a one-time code, never the token', () => {
  it('hands the opener (a fake launcher at the port) an argv without the token; the code opens the dashboard', async () => {
    fx = await startFixture();
    const launched: string[][] = [];
    let stop!: (signal: NodeJS.Signals) => void;
    const stopped = new Promise<NodeJS.Signals>((resolve) => (stop = resolve));
    const out: string[] = [];
    const cmd: CliCommand = {
      command: 'serve',
      configFile: join(fx.dir, 'config.yaml'),
      dataDir: join(fx.dir, 'data'),
      json: false,
      folders: [],
      dryRun: false,
      limit: undefined,
      port: 0,
      host: undefined,
      open: true,
      tokenFile: undefined,
      rotate: false,
      yes: false,
      maxBodyBytes: undefined,
      dirs: [],
      write: false,
      serve: false,
      print: false,
    };
    const done = serveCommand(
      fx.engine,
      cmd,
      { out: (text) => out.push(text), err: () => {} },
      {
        launch: async (command, args) => void launched.push([command, ...args]),
        waitForStop: () => stopped,
        rendererDir: () => join(fx!.dir, 'renderer'),
        env: {},
      },
    );
    await expect.poll(() => launched.length).toBe(1);
    // The link printed on stdout (not a command line) keeps the token, for the user to click or copy.
    const printed = new URL(/Headroom dashboard: (\S+)/.exec(out.join(''))?.[1] ?? '');
    const token = printed.hash.slice('#token='.length);
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const argv = launched[0]!;
    expect(argv.join(' ')).not.toContain(token);
    const link = argv.at(-1)!;
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?code=[A-Za-z0-9_-]{32}$/);
    if (process.platform === 'linux') expect(argv).toEqual(['xdg-open', link]);

    const host = { Host: `127.0.0.1:${new URL(link).port}` };
    const first = await fetch(link, { redirect: 'manual', headers: host });
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe(`/#token=${token}`);
    expect(first.headers.get('cache-control')).toBe('no-store');
    expect((await fetch(link, { redirect: 'manual', headers: host })).status).toBe(401);
    stop('SIGTERM');
    expect(await done).toBe(0);
  });
});

describe('serve: one-time codes', () => {
  it('a code works once: 303 to the page with the token, then 401 for the second use', async () => {
    fx = await startFixture();
    const path = pathOf(fx.server.oneTimeLink());
    const first = await get(path);
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe(`/#token=${fx.server.token}`);
    expect(first.headers['referrer-policy']).toBe('no-referrer');
    const second = await get(path);
    expect(second.status).toBe(401);
    expect(second.json).toMatchObject({ ok: false, code: 'unauthorized' });
    expect(second.body).not.toContain(fx.server.token);
  });

  it('a code is refused once its 60 s are up, and a made-up code is refused', async () => {
    const clock = manualClock(Date.UTC(2030, 0, 1));
    fx = await startFixture({ clock });
    const early = pathOf(fx.server.oneTimeLink());
    const late = pathOf(fx.server.oneTimeLink());
    clock.advance(59_000);
    expect((await get(early)).status).toBe(303);
    clock.advance(1_000);
    expect((await get(late)).status).toBe(401);
    expect((await get('/?code=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')).status).toBe(401);
    expect((await get('/?code=')).status).toBe(401);
  });

  it('only a GET from this server’s address exchanges a code; a refused request does not use it up', async () => {
    fx = await startFixture();
    const path = pathOf(fx.server.oneTimeLink());
    expect((await get(path, { Host: 'evil.example:80' })).status).toBe(421);
    expect((await rawRequest(fx, { method: 'POST', path })).status).toBe(405);
    expect((await rawRequest(fx, { method: 'HEAD', path })).status).toBe(405);
    expect((await get(path)).status).toBe(303);
  });

  it('codes differ each time and are not the token', async () => {
    fx = await startFixture();
    const codes = [fx.server.oneTimeLink(), fx.server.oneTimeLink()].map((l) =>
      new URL(l).searchParams.get('code'),
    );
    expect(codes[0]).not.toBe(codes[1]);
    expect(codes).not.toContain(fx.server.token);
  });
});
