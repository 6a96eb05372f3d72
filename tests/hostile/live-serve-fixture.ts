/**
 * `startFixture`'s world (outputs: 4 files of 10 B, at most 2) behind a **live** engine, as `headroom serve`
 * runs it: snapshots come from the watched index instead of a scan per request. The start-up cleanup is
 * off and the schedule paused (the folder is over its limit, which would start an emergency cleanup), so
 * the four files stay.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createEngine } from '../../electron/engine/create-engine.js';
import { startServer } from '../../electron/headless/serve/start-server.js';
import type { ServerOptions } from '../../electron/headless/serve/start-server.js';
import type { ServeFixture } from '../integration/serve/serve-fixture.js';
import { DAY_MS, makeTempDir, writeFiles } from '../support/make-tree.js';

export async function startLiveFixture(options: Partial<ServerOptions> = {}): Promise<ServeFixture> {
  const { dir, cleanup } = await makeTempDir('headroom-hostile-');
  await writeFiles(
    join(dir, 'outputs'),
    [40, 30, 20, 10].map((days, i) => ({
      path: `${i < 2 ? 'old' : 'new'}-${(i % 2) + 1}.wav`,
      sizeBytes: 10,
      ageMs: days * DAY_MS,
    })),
  );
  const configFile = join(dir, 'config.yaml');
  await writeFile(
    configFile,
    'cleanup_on_startup: false\nfolders:\n  - name: outputs\n    path: ./outputs\n    max_files: 2\n',
  );
  const rendererDir = join(dir, 'renderer');
  await mkdir(rendererDir, { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>dash</title>');
  const logged: string[] = [];
  const engine = await createEngine({ dataDir: join(dir, 'data'), configFile, live: true, log: () => {} });
  await engine.pauseSchedule({ until: '2999-01-01T00:00:00.000Z' });
  const server = await startServer(engine, {
    host: '127.0.0.1',
    port: 0,
    rendererDir,
    log: (message) => logged.push(message),
    ...options,
  });
  return {
    dir,
    engine,
    server,
    host: `127.0.0.1:${server.port}`,
    logged,
    async close() {
      await server.close();
      await engine.dispose();
      await cleanup();
    },
  };
}
