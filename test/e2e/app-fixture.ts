/**
 * The one end-to-end fixture: starts the browser shell as a child process on a random
 * loopback port with a fresh data folder, and Debian's Chromium driven by playwright-core.
 * It waits for signals the app gives (the `READY` line, rendered rows), never a sleep.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { ServiceContext } from '../../electron/app/context.ts';
import { closeFileFeatures } from '../../electron/integrity/file-features.ts';
import type { OcrPage } from '../../electron/ocr/ocr-store.ts';
import { testContext } from '../helpers/context.ts';

const root = resolve(import.meta.dirname, '..', '..');

export const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface RunningServer {
  readonly url: string;
  readonly dataDir: string;
  readonly process: ChildProcess;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export interface ServerOptions {
  /** Another entry that sets things up and then runs electron/web/main.ts (test/e2e/web-with-ocr.ts). */
  readonly script?: string | undefined;
  readonly env?: Readonly<Record<string, string>> | undefined;
  /**
   * Run the background OCR. Off unless a test is about OCR: on these two-core machines the
   * engine reading the sample meeting's scans takes a whole core from every other test.
   */
  readonly ocr?: boolean | undefined;
}

/** Starts `node electron/web/main.ts` on `dataDir` and resolves with its URL once it prints READY. */
export function startServer(dataDir: string, extraArgs: readonly string[] = [], options: ServerOptions = {}): Promise<RunningServer> {
  const child = spawn(process.execPath, [options.script ?? resolve(root, 'electron', 'web', 'main.ts'), '--port', '0', '--data-dir', dataDir, ...extraArgs], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ALLIANCE_REVIEW_OCR: options.ocr === true ? 'on' : 'off', ...options.env },
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolvePromise, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const onExit = (code: number | null) => reject(new Error(`browser shell exited (${code}) before READY:\n${stderr}`));
    child.once('exit', onExit);
    lines.on('line', (line) => {
      const match = /^READY (http:\/\/127\.0\.0\.1:\d+\/)$/.exec(line);
      if (!match?.[1]) return;
      child.off('exit', onExit);
      resolvePromise({
        url: match[1],
        dataDir,
        process: child,
        stop: (signal = 'SIGTERM') =>
          new Promise<void>((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once('exit', () => done());
            child.kill(signal);
          }),
      });
    });
  });
}

export interface AppFixture {
  readonly server: RunningServer;
  readonly browser: Browser;
  readonly page: Page;
  readonly dataDir: string;
  /** Kill the server (e.g. SIGKILL for crash tests) and start it again on the same data folder. */
  restartServer(signal?: NodeJS.Signals): Promise<RunningServer>;
  close(): Promise<void>;
}

export interface AppOptions extends ServerOptions {
  /**
   * Fills the fresh data folder before the shell starts, for a test that needs a store made
   * through the main process's own services (a meeting, imported packages, an expert): `ctx`
   * is a service context on that folder, closed (with the file-feature workers it started)
   * before the shell opens the folder; `work` is a folder of its own for what the test writes
   * on the way (package folders, zips). The fixture removes both folders when it closes.
   */
  readonly prepare?: ((ctx: ServiceContext, work: string) => Promise<void>) | undefined;
}

async function prepareStore(dataDir: string, work: string, prepare: NonNullable<AppOptions['prepare']>): Promise<void> {
  const ctx = testContext(dataDir);
  try {
    await prepare(ctx, work);
  } finally {
    ctx.close();
    await closeFileFeatures();
  }
}

export async function startApp(options: AppOptions = {}): Promise<AppFixture> {
  const dataDir = mkdtempSync(join(tmpdir(), 'alliance-review-e2e-'));
  const work = options.prepare === undefined ? null : mkdtempSync(join(tmpdir(), 'alliance-review-e2e-work-'));
  const removeFolders = () => {
    rmSync(dataDir, { recursive: true, force: true });
    if (work !== null) rmSync(work, { recursive: true, force: true });
  };
  try {
    if (work !== null && options.prepare !== undefined) await prepareStore(dataDir, work, options.prepare);
  } catch (error) {
    removeFolders();
    throw error;
  }
  let server = await startServer(dataDir, [], options);
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const pageErrors: Error[] = [];
  page.on('pageerror', (error) => pageErrors.push(error));
  await page.goto(server.url);
  return {
    get server() {
      return server;
    },
    browser,
    page,
    dataDir,
    async restartServer(signal = 'SIGKILL') {
      await server.stop(signal);
      server = await startServer(dataDir, [], options);
      return server;
    },
    async close() {
      await browser.close();
      await server.stop();
      removeFolders();
      if (pageErrors.length > 0) throw new Error(`errors in the page: ${pageErrors.map((e) => e.message).join('; ')}`);
    },
  };
}

/**
 * Starts the app with OCR results already in its store, as on an expert laptop that imported
 * the clerk's meeting file (web-with-stored-ocr.ts): `pages` of each file, kept by the file's
 * content hash. The JSON the shell reads them from is written to `work` (the test's own folder).
 */
export function startAppWithStoredOcr(work: string, read: readonly { readonly file: Uint8Array; readonly pages: readonly OcrPage[] }[]): Promise<AppFixture> {
  const ocr = join(work, 'ocr-pages.json');
  writeFileSync(ocr, JSON.stringify(Object.fromEntries(read.map(({ file, pages }) => [createHash('sha256').update(file).digest('hex'), pages]))));
  return startApp({ script: resolve(root, 'test', 'e2e', 'web-with-stored-ocr.ts'), env: { E2E_OCR_PAGES: ocr, ALLIANCE_REVIEW_OCR: 'off' } });
}
