/**
 * The desktop shell's main process: wiring only. What it wires is decided, and tested, in
 * electron/app/: the window's options, the lock-down, the app:/evidence: handlers (shared
 * with the browser shell), the IPC sender check, the file picker and the shutdown; the data
 * folder's lock is taken by createContext.
 */
import { app, BrowserWindow, dialog, ipcMain, protocol, session, shell } from 'electron';
import { join } from 'node:path';
import { channelNames } from '../shared/api/channels.ts';
import { desktopAppOrigin, desktopAppScheme, desktopEvidenceScheme } from '../shared/api/transport.ts';
import { appProtocolHandler } from './app/app-protocol.ts';
import { createContext, type ServiceContext } from './app/context.ts';
import { dataDirInUseTitle, isDataDirInUse } from './app/data-dir-lock.ts';
import { contentSecurityPolicy } from './app/csp.ts';
import { evidenceProtocolHandler } from './app/evidence-protocol.ts';
import { lockDownContents, lockDownSession } from './app/lock-down.ts';
import { pickDialogOptions, pickedPaths } from './app/pick-dialog.ts';
import { shutDown } from './app/shutdown.ts';
import { isTrustedSender, untrustedSenderError } from './app/trusted-sender.ts';
import { appVersion } from './app/version.ts';
import { windowOptions } from './app/window-options.ts';
import { renditionFile } from './evidence/renditions.ts';
import { storedEvidencePath } from './evidence/evidence-path.ts';
import { safeStorageProtection } from './experts/safe-storage-protection.ts';
import { dispatch } from './ipc/handlers.ts';

protocol.registerSchemesAsPrivileged([
  { scheme: desktopAppScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  { scheme: desktopEvidenceScheme, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, corsEnabled: true } },
]);

// The interface is Chinese on every system: Chromium's own parts (the calendar picker, spelling,
// number formats) follow this, not the system's language. Must be set before `ready`.
app.commandLine.appendSwitch('lang', 'zh-CN');

async function start(): Promise<void> {
  await app.whenReady();
  let ctx: ServiceContext;
  try {
    // Before any window: a refused start shows the reason and nothing else.
    ctx = createContext({
      dataDir: process.env['ALLIANCE_REVIEW_DATA_DIR'] ?? app.getPath('userData'),
      resourcesDir: app.isPackaged ? join(process.resourcesPath, 'resources') : join(import.meta.dirname, '..', '..', 'resources'),
      shell: 'desktop',
      version: appVersion,
      backgroundOcr: process.env['ALLIANCE_REVIEW_OCR'] !== 'off',
      pickPaths: async (what) => pickedPaths(await dialog.showOpenDialog(window, pickDialogOptions(what))),
      osProtection: safeStorageProtection(),
      openPath: async (path) => {
        const error = await shell.openPath(path); // '' when the file was opened
        if (error !== '') throw new Error(error);
      },
    });
  } catch (error) {
    if (!isDataDirInUse(error)) throw error;
    // Another program (the browser shell, or a copy started on another ALLIANCE_REVIEW_DATA_DIR
    // profile) has this data folder.
    dialog.showErrorBox(dataDirInUseTitle, error.message);
    app.exit(1);
    return;
  }
  // Before the window exists, so its own web contents are locked down too.
  lockDownSession(session.defaultSession);
  app.on('web-contents-created', (_event, contents) => lockDownContents(contents));
  const window = new BrowserWindow(windowOptions(join(import.meta.dirname, 'preload.cjs')));
  const rendererDir = join(import.meta.dirname, '..', 'renderer');
  protocol.handle(desktopAppScheme, appProtocolHandler({ rendererDir, csp: contentSecurityPolicy(`${desktopEvidenceScheme}:`) }));
  const evidenceFile = (hash: string) => storedEvidencePath(ctx.dataDir, hash);
  const renditionFileOf = (hash: string, converter: string, name: string) => renditionFile(ctx.dataDir, hash, converter, name);
  protocol.handle(desktopEvidenceScheme, evidenceProtocolHandler({ evidenceFile, renditionFile: renditionFileOf, corsOrigin: desktopAppOrigin }));
  for (const channel of channelNames) {
    ipcMain.handle(channel, (event, payload: unknown) =>
      isTrustedSender(event, window.webContents) ? dispatch(ctx, channel, payload) : untrustedSenderError,
    );
  }
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${desktopAppOrigin}/index.html`);
  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => app.quit());
  let quitting = false;
  app.on('will-quit', (event) => {
    if (quitting) return;
    // Take the exit backup before the store closes; quit for real once it is written.
    event.preventDefault();
    quitting = true;
    void shutDown(ctx).finally(() => app.quit());
  });
}

// A second copy of the desktop app hands over to the first (which comes to the front) and
// quits before it opens anything; the data folder's own lock (createContext) also refuses
// any other program on the folder.
if (app.requestSingleInstanceLock()) void start();
else app.quit();
