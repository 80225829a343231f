/**
 * The desktop shell's main process: one window, locked down, that talks to the services
 * only through the handler table (the same one the browser shell uses).
 *
 * - The renderer is served from app://renderer/ (a standard, secure custom scheme), never
 *   from file://, so a page cannot read arbitrary local files.
 * - Stored evidence reaches it only through evidence://store/<sha256>, by content hash.
 * - Every IPC message is checked for its sender (the app's own main frame) and parsed
 *   with the channel's schema before any handler sees it.
 */
import { app, BrowserWindow, dialog, ipcMain, net, protocol, session, shell, type IpcMainInvokeEvent } from 'electron';
import { join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { channelNames } from '../shared/api/channels.ts';
import { createContext, type ServiceContext } from './app/context.ts';
import { contentSecurityPolicy } from './app/csp.ts';
import { appVersion } from './app/version.ts';
import { storedEvidencePath } from './evidence/evidence-path.ts';
import { dispatch } from './ipc/handlers.ts';
import { safeStorageProtection } from './experts/safe-storage-protection.ts';
import { createBackup } from './backup/backups.ts';

const appOrigin = 'app://renderer';

protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
  { scheme: 'evidence', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, corsEnabled: true } },
]);

// A second copy of the app would open the same SQLite file: keep one.
if (!app.requestSingleInstanceLock()) app.quit();

function rendererDir(): string {
  return join(import.meta.dirname, '..', 'renderer');
}

function resourcesDir(): string {
  return app.isPackaged ? join(process.resourcesPath, 'resources') : join(import.meta.dirname, '..', '..', 'resources');
}

function isTrustedSender(event: IpcMainInvokeEvent, window: BrowserWindow): boolean {
  const frame = event.senderFrame;
  return (
    frame !== null &&
    event.sender === window.webContents &&
    frame === window.webContents.mainFrame &&
    new URL(frame.url).origin === appOrigin
  );
}

function registerProtocols(ctx: ServiceContext): void {
  const root = rendererDir();
  const csp = contentSecurityPolicy('evidence:');
  protocol.handle('app', async (request) => {
    const url = new URL(request.url);
    const relative = normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, '') || 'index.html';
    const file = join(root, relative);
    if (url.host !== 'renderer' || !file.startsWith(root + sep)) return new Response('not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('content-security-policy', csp);
    headers.set('x-content-type-options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
  protocol.handle('evidence', async (request) => {
    const url = new URL(request.url);
    const file = url.host === 'store' ? storedEvidencePath(ctx.dataDir, url.pathname.slice(1)) : null;
    if (!file) return new Response('not found', { status: 404 });
    // The Range header goes through: Chromium's file loader answers it, so the PDF viewer can
    // read a long scan page by page (see renderer/src/evidence/pdf-document.ts).
    const range = request.headers.get('range');
    const response = await net.fetch(pathToFileURL(file).toString(), range ? { headers: { range } } : {});
    const headers = new Headers(response.headers);
    headers.set('x-content-type-options', 'nosniff');
    headers.set('content-security-policy', "default-src 'none'; sandbox");
    // The renderer (app://renderer) reads evidence with fetch: a cross-origin read it may see,
    // including the length in Content-Range, and no other origin may.
    headers.set('access-control-allow-origin', appOrigin);
    headers.set('access-control-expose-headers', 'content-range, content-length');
    return new Response(response.body, { status: response.status, headers });
  });
}

function lockDownSessions(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 700,
    title: '联盟考核评审',
    show: false,
    webPreferences: {
      preload: join(import.meta.dirname, 'preload.cjs'),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${appOrigin}/index.html`);
  return window;
}

async function start(): Promise<void> {
  await app.whenReady();
  let window: BrowserWindow | null = null;
  const ctx = createContext({
    dataDir: process.env['ALLIANCE_REVIEW_DATA_DIR'] ?? app.getPath('userData'),
    resourcesDir: resourcesDir(),
    shell: 'desktop',
    version: appVersion,
    pickPaths: async (what) => {
      const options: Electron.OpenDialogOptions =
        what === 'export-folder'
          ? { title: '选择保存评分表的文件夹（如 U 盘）', properties: ['openDirectory', 'createDirectory'] }
          : what === 'folders'
          ? { title: '选择联盟材料包文件夹', properties: ['openDirectory', 'multiSelections'] }
          : { title: '选择联盟材料包', properties: ['openFile', 'multiSelections'], filters: [{ name: '材料包 (.zip)', extensions: ['zip'] }] };
      const picked = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return picked.canceled ? [] : picked.filePaths;
    },
    osProtection: safeStorageProtection(),
    openPath: async (path) => {
      // shell.openPath resolves with an error message, or '' when the file was opened.
      const error = await shell.openPath(path);
      if (error !== '') throw new Error(error);
    },
  });
  lockDownSessions();
  registerProtocols(ctx);
  window = createWindow();
  const mainWindow = window;
  for (const channel of channelNames) {
    ipcMain.handle(channel, (event, payload: unknown) => {
      if (!isTrustedSender(event, mainWindow)) {
        return { ok: false, error: { code: 'untrusted-sender', message: '拒绝来自未知页面的调用' } };
      }
      return dispatch(ctx, channel, payload);
    });
  }
  app.on('second-instance', () => {
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  let quitting = false;
  app.on('will-quit', (event) => {
    if (quitting) return;
    // Take the exit backup before the store closes; quit for real once it is written.
    event.preventDefault();
    quitting = true;
    void ctx.jobs
      .idle()
      .then(() => createBackup(ctx.db, ctx.dataDir, 'exit', ctx.now()))
      .catch((error: unknown) => console.error('[exit backup]', error))
      .finally(() => {
        ctx.db.close();
        app.quit();
      });
  });
}

void start();
