/**
 * The desktop shell's one window: a sandboxed renderer with context isolation and no Node,
 * web security on, no <webview>, no insecure content. The preload (a single CommonJS file,
 * as a sandboxed preload may only `require('electron')`) is its one door to the services.
 */
import type { BrowserWindowConstructorOptions } from 'electron';

export const windowTitle = '联盟考核评审';

export function windowOptions(preloadFile: string): BrowserWindowConstructorOptions {
  return {
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 700,
    title: windowTitle,
    // Shown once the first paint is ready, so the clerk never sees a blank white window.
    show: false,
    webPreferences: {
      preload: preloadFile,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      spellcheck: false,
    },
  };
}
