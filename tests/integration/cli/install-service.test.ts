/**
 * `headroom install-service` (issue 16 item 8) writes a systemd user unit (Linux) or a launchd agent
 * (macOS) under the home folder it is given (a temp folder here: HOME for the real CLI, the home port for
 * the macOS case), prints what it wrote and how to remove it; `--print` writes nothing. And `headroom
 * run` writes JSON lines when its output is not a terminal.
 */
import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installServiceCommand } from '../../../electron/headless/commands/install-service-command.js';
import { systemdQuote } from '../../../electron/headless/service/service-files.js';
import { makeTempDir } from '../../support/make-tree.js';
import { runCli } from '../../support/run-cli.js';
import { spawnCli } from '../../support/spawn-cli.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await makeTempDir('headroom-service-'));
  await writeFile(
    join(dir, 'config.yaml'),
    'folders:\n  - name: temp\n    path: ./temp\n    max_files: 100\n',
  );
});
afterEach(async () => cleanup());

describe.skipIf(process.platform !== 'linux')(
  'headroom install-service on Linux (separate process, HOME in a temp folder)',
  () => {
    it('writes a systemd user unit that runs this headroom with the same config and data, and says how to remove it', async () => {
      const home = join(dir, 'home');
      const config = join(dir, 'config.yaml');
      const res = await runCli(['install-service', '--config', config, '--data-dir', join(dir, 'data')], {
        HOME: home,
      });
      expect(res.code, res.stderr).toBe(0);
      const unit = join(home, '.config', 'systemd', 'user', 'headroom.service');
      const text = readFileSync(unit, 'utf8');
      expect(text).toContain('[Service]');
      expect(text).toMatch(
        /^ExecStart="[^"]*node[^"]*" "[^"]*bin\/headroom\.js" "run" "--config" "[^"]*config\.yaml" "--data-dir" /m,
      );
      expect(text).toContain('WantedBy=default.target');
      expect(res.stdout).toContain(`Wrote ${unit}`);
      expect(res.stdout).toContain('systemctl --user enable --now headroom.service');
      expect(res.stdout).toContain('systemctl --user disable --now headroom.service');
    });

    it('--print prints the unit and writes nothing; --serve runs serve', async () => {
      const home = join(dir, 'home');
      const res = await runCli(['install-service', '--print', '--serve'], { HOME: home });
      expect(res.code, res.stderr).toBe(0);
      expect(res.stdout).toMatch(/^ExecStart=.* "serve"$/m);
      expect(existsSync(join(home, '.config'))).toBe(false);
    });
  },
);

describe('install-service for macOS (home and platform at the port)', () => {
  it('writes a launchd agent with each argument escaped for XML', async () => {
    const home = join(dir, 'home & <co>');
    const out: string[] = [];
    const code = await installServiceCommand(
      { configFile: join(dir, 'my "config".yaml'), dataDir: undefined, serve: false, print: false },
      { out: (t) => out.push(t), err: (t) => out.push(t) },
      {
        home,
        platform: 'darwin',
        nodePath: '/usr/local/bin/node',
        cliScript: () => '/opt/headroom/bin/headroom.js',
      },
    );
    expect(code).toBe(0);
    const plist = join(home, 'Library', 'LaunchAgents', 'app.headroom.agent.plist');
    const text = readFileSync(plist, 'utf8');
    expect(text).toContain(
      '<string>/usr/local/bin/node</string>\n    <string>/opt/headroom/bin/headroom.js</string>\n    <string>run</string>',
    );
    expect(text).toContain(`<string>${join(dir, 'my &quot;config&quot;.yaml')}</string>`);
    expect(text).toContain('home &amp; &lt;co&gt;');
    expect(text).not.toMatch(/home & </);
    expect(out.join('')).toContain('launchctl bootout gui/$(id -u)/app.headroom.agent');
  });

  it('refuses Windows with where to look', async () => {
    const err: string[] = [];
    const code = await installServiceCommand(
      { configFile: undefined, dataDir: undefined, serve: false, print: false },
      { out: () => {}, err: (t) => err.push(t) },
      { home: dir, platform: 'win32', nodePath: 'node', cliScript: () => 'x' },
    );
    expect(code).toBe(2);
    expect(err.join('')).toMatch(/Task Scheduler as the README shows/);
  });

  it("quotes ExecStart words so systemd's % and $ expansion and quotes cannot change them", () => {
    expect(systemdQuote('a b%c$d"e\\f')).toBe('"a b%%c$$d\\"e\\\\f"');
  });
});

describe('headroom run without --json, output not a terminal', () => {
  it('writes one JSON object per line', async () => {
    const cli = spawnCli(['--config', join(dir, 'config.yaml'), '--data-dir', join(dir, 'data'), 'run']);
    try {
      const first = await cli.waitForLine((line) => line.trim() !== '');
      expect(JSON.parse(first)).toMatchObject({ type: 'snapshot' });
    } finally {
      await cli.stop();
    }
  });
});
