/**
 * `npm run web`: the browser shell. Starts the main-process services under plain Node and
 * serves the built renderer on 127.0.0.1. Prints `READY <url>` when it accepts requests
 * (the end-to-end fixture waits for that line). Options: --port N (default: random),
 * --data-dir DIR (default: ALLIANCE_REVIEW_DATA_DIR or the platform's app-data folder).
 * A data folder another program already uses is refused: the message on stderr, exit status 1.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createContext, type ServiceContext } from '../app/context.ts';
import { isDataDirInUse } from '../app/data-dir-lock.ts';
import { defaultDataDir } from '../app/data-dir.ts';
import { shutDown } from '../app/shutdown.ts';
import { appVersion } from '../app/version.ts';
import { startWebServer } from './web-server.ts';
import { dataDirToken } from './web-token.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    'data-dir': { type: 'string' },
    'renderer-dir': { type: 'string' },
  },
});

const port = values.port === undefined ? 0 : Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`--port 需要 0–65535 的整数：${values.port}\n`);
  process.exit(2);
}
const dataDir = resolve(values['data-dir'] ?? defaultDataDir());
const rendererDir = resolve(values['renderer-dir'] ?? resolve(import.meta.dirname, '..', '..', 'dist', 'renderer'));

let ctx: ServiceContext;
try {
  ctx = createContext({ dataDir, shell: 'browser', version: appVersion, backgroundOcr: process.env['ALLIANCE_REVIEW_OCR'] !== 'off' });
} catch (error) {
  if (!isDataDirInUse(error)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
// The same token after a restart: a page left open keeps working (see web-token.ts).
const web = await startWebServer({ ctx, rendererDir, port, token: dataDirToken(dataDir) });
process.stdout.write(`联盟考核评审（浏览器版）已启动：${web.url}\n数据目录：${dataDir}\nREADY ${web.url}\n`);

let stopping = false;
const shutdown = () => {
  if (stopping) return;
  stopping = true;
  // Stop taking requests first, so nothing writes to the store after the exit backup.
  void web
    .close()
    .catch((error: unknown) => console.error('[web]', error))
    .then(() => shutDown(ctx))
    .finally(() => process.exit(0));
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
