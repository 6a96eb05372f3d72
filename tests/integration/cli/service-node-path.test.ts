/**
 * The service runs the Node binary install-service found (an absolute path); when Node moves (nvm
 * switches versions, an upgrade removes the old one) the service fails where nobody looks. install-service
 * says which Node it pinned and to run it again after an upgrade; `headroom status` and `check-config`
 * read the installed unit and say when its Node is gone. Real CLI processes, HOME in a temp folder; the
 * "moved" Node is a symlink to this Node that the test then removes.
 */
import { readFileSync } from 'node:fs';
import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installServiceCommand } from '../../../electron/headless/commands/install-service-command.js';
import { installedServiceProblem } from '../../../electron/headless/service/installed-service.js';
import { systemdQuote } from '../../../electron/headless/service/service-files.js';
import { makeTempDir } from '../../support/make-tree.js';
import { runCli } from '../../support/run-cli.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await makeTempDir('headroom-service-node-'));
  await writeFile(
    join(dir, 'config.yaml'),
    'folders:\n  - name: temp\n    path: ./temp\n    max_files: 100\n',
  );
});
afterEach(async () => cleanup());

const NODE_GONE =
  /installed service .* runs Node at .*nvm\/node, which no longer exists.*install-service again/s;

describe.skipIf(process.platform !== 'linux')(
  'the installed systemd unit names a Node that moved (separate processes)',
  () => {
    it('install-service prints the Node it pinned; status and check-config warn once that Node is gone', async () => {
      const home = join(dir, 'home');
      const args = ['--config', join(dir, 'config.yaml'), '--data-dir', join(dir, 'data')];
      const installed = await runCli(['install-service', ...args], { HOME: home });
      expect(installed.code, installed.stderr).toBe(0);
      expect(installed.stdout).toContain(`runs Node at ${process.execPath}`);
      expect(installed.stdout).toMatch(/after a Node upgrade .* run headroom install-service again/);

      // The unit as an nvm user's would be: its Node lives in a version folder.
      const unit = join(home, '.config', 'systemd', 'user', 'headroom.service');
      const nvmNode = join(dir, 'nvm', 'node');
      await mkdir(join(dir, 'nvm'));
      await symlink(process.execPath, nvmNode);
      const text = readFileSync(unit, 'utf8').replace(systemdQuote(process.execPath), systemdQuote(nvmNode));
      await writeFile(unit, text);

      const fine = await runCli([...args, 'status'], { HOME: home });
      expect(fine.code, fine.stderr).toBe(0);
      expect(fine.stderr).not.toMatch(/no longer exists/);

      await rm(join(dir, 'nvm'), { recursive: true });
      const status = await runCli([...args, 'status'], { HOME: home });
      expect(status.code, status.stderr).toBe(0);
      expect(status.stderr).toMatch(NODE_GONE);
      const check = await runCli([...args, 'check-config'], { HOME: home });
      expect(check.code, check.stderr).toBe(0);
      expect(check.stderr).toMatch(NODE_GONE);
    });
  },
);

describe('a launchd agent whose Node is gone (home and platform at the port)', () => {
  it('is found in the plist, escaped path and all', async () => {
    const home = join(dir, 'home & co');
    const gone = join(dir, 'old & "node"');
    const code = await installServiceCommand(
      { configFile: undefined, dataDir: undefined, serve: false, print: false },
      { out: () => {}, err: () => {} },
      { home, platform: 'darwin', nodePath: gone, cliScript: () => join(dir, 'config.yaml') },
    );
    expect(code).toBe(0);
    const problem = await installedServiceProblem(home, 'darwin');
    expect(problem).toContain(`runs Node at ${gone}, which no longer exists`);
    await writeFile(gone, '');
    expect(await installedServiceProblem(home, 'darwin')).toBeNull();
  });

  it('says nothing when no service is installed', async () => {
    expect(await installedServiceProblem(join(dir, 'nobody'), 'linux')).toBeNull();
  });
});
