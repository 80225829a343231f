/**
 * electron-builder.yml, checked with electron-builder's own schema and for the settings the
 * release depends on: the fuses, better-sqlite3 unpacked from the asar, the targets, and the
 * resources the packaged app reads from process.resourcesPath. Building installers needs a
 * connected machine (Electron and the packaging tools are downloaded), so this is what can
 * be checked here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

import { EMOJI_NAMES_FILE, SHIPPED_FONT_FILES } from '../electron/export/fonts/shipped-fonts.ts';

const root = resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
// The YAML parser electron-builder itself uses, so the file is read exactly as it will be.
const yaml = createRequire(require.resolve('app-builder-lib'))('js-yaml') as { load(text: string): unknown };
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration(config: unknown, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new () => unknown };

interface Target {
  target: string;
  arch: string[];
}

const config = yaml.load(readFileSync(resolve(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown> & {
  electronFuses: Record<string, boolean>;
  asarUnpack: string[];
  extraResources: { from: string; to: string; filter: string[] }[];
  win: { target: Target[] };
  linux: { target: Target[] };
  mac: { target: { target: string }[] };
  fileAssociations: { ext: string }[];
};

describe('electron-builder.yml', () => {
  it("is valid for electron-builder's own schema", async () => {
    await expect(validateConfiguration(config, new DebugLogger())).resolves.toBeUndefined();
  });

  it('refuses a broken configuration (the schema check can fail)', async () => {
    await expect(validateConfiguration({ ...config, fileAssociations: [{ ext: 1, nonsense: true }] }, new DebugLogger())).rejects.toThrow();
  });

  it('sets the fuses of docs/security.md', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('names the product and unpacks the native SQLite module from the asar', () => {
    expect(config['productName']).toBe('联盟考核评审');
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**');
  });

  it('builds every target the issue names', () => {
    expect(config.win.target).toEqual(
      expect.arrayContaining([
        { target: 'nsis', arch: ['x64'] },
        { target: 'portable', arch: ['x64'] },
      ]),
    );
    expect(config.linux.target).toEqual(
      expect.arrayContaining([
        { target: 'deb', arch: ['x64', 'arm64'] },
        { target: 'AppImage', arch: ['x64', 'arm64'] },
      ]),
    );
    expect(config.mac.target.map((t) => t.target)).toContain('dmg');
    expect(config.fileAssociations.map((a) => a.ext)).toEqual(expect.arrayContaining(['sheet.json']));
  });

  it('copies every font and the emoji names the PDF export loads into resources/fonts, with their licences, from files that exist', () => {
    const fonts = config.extraResources.filter((r) => r.to === 'resources/fonts');
    const shipped = fonts.flatMap((r) => r.filter.map((name) => resolve(root, r.from, name)));
    expect(shipped.map((f) => f.split('/').pop()).sort()).toEqual([...SHIPPED_FONT_FILES, EMOJI_NAMES_FILE, 'OFL.txt', 'CLDR-LICENSE.txt'].sort());
    for (const file of shipped) expect(existsSync(file), file).toBe(true);
  });

  it('ships the rubrics and the sample meeting as resources, and they exist', () => {
    const resources = config.extraResources.find((r) => r.from === 'resources');
    expect(resources?.to).toBe('resources');
    expect(resources?.filter).toEqual(expect.arrayContaining(['rubrics/**', 'samples/**']));
    expect(existsSync(resolve(root, 'resources', 'rubrics', 'hefei-2017.json'))).toBe(true);
    expect(existsSync(resolve(root, 'resources', 'samples', '2026'))).toBe(true);
  });
});
