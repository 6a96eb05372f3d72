import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { APP_USER_MODEL_ID } from '../../../electron/main/app-identity.js';

const root = new URL('../../../', import.meta.url);
interface BuilderConfig {
  appId: string;
  electronFuses: Record<string, boolean>;
  linux: { target: string[] };
  nsis: { include: string };
}
const config = parse(readFileSync(new URL('electron-builder.yml', root), 'utf8')) as BuilderConfig;

describe('electron-builder.yml', () => {
  it("is valid against the installed electron-builder's own schema", () => {
    const require = createRequire(import.meta.url);
    const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8'));
    const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
    expect(validate(config), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it("switches off what Electron's security checklist asks (fuses), with the page off file://", () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('builds the deb first on Linux, cleans up start-at-login on uninstall, and keeps the AUMID in step', () => {
    expect(config.linux.target[0]).toBe('deb');
    expect(existsSync(new URL(config.nsis.include, root))).toBe(true);
    const script = readFileSync(new URL(config.nsis.include, root), 'utf8');
    expect(script).toMatch(/customUnInstall/);
    expect(script).toContain(`"${APP_USER_MODEL_ID}"`);
    expect(config.appId).toBe(APP_USER_MODEL_ID);
  });

  it('holds no signing secret: certificates and Apple credentials come from the environment', () => {
    const text = readFileSync(new URL('electron-builder.yml', root), 'utf8');
    expect(text).not.toMatch(/^\s*(certificatePassword|cscKeyPassword|appleIdPassword|password)\s*:/im);
  });
});
