import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../../electron/app/data-dir.ts';

describe('defaultDataDir', () => {
  it.each([
    ['an explicit folder wins everywhere', { ALLIANCE_REVIEW_DATA_DIR: '/data/x' }, 'linux', '/data/x'],
    ['Linux uses XDG_CONFIG_HOME', { XDG_CONFIG_HOME: '/cfg' }, 'linux', join('/cfg', 'alliance-review')],
    ['Linux falls back to ~/.config', {}, 'linux', join(homedir(), '.config', 'alliance-review')],
    ['Windows uses APPDATA', { APPDATA: 'C:/Users/a/AppData/Roaming' }, 'win32', join('C:/Users/a/AppData/Roaming', 'alliance-review')],
    ['macOS uses Application Support', {}, 'darwin', join(homedir(), 'Library', 'Application Support', 'alliance-review')],
  ] as const)('%s', (_label, env, platform, expected) => {
    expect(defaultDataDir(env, platform)).toBe(expected);
  });
});
