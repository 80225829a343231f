import { describe, expect, it } from 'vitest';
import { windowOptions } from '../../../electron/app/window-options.ts';

describe('windowOptions', () => {
  const options = windowOptions('/app/dist/electron/preload.cjs');

  it('locks the renderer down as Electron’s security checklist asks', () => {
    expect(options.webPreferences).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
    });
    expect(options.webPreferences).not.toHaveProperty('enableBlinkFeatures');
  });

  it('opens hidden until the first paint, at a size the screens are laid out for', () => {
    expect(options).toMatchObject({ show: false, title: '联盟考核评审', minWidth: 1024, minHeight: 700 });
  });
});
