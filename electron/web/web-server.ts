/**
 * The browser shell's transport: the renderer and the handler table over HTTP on
 * 127.0.0.1. It exists for end-to-end tests and for machines where the desktop shell
 * cannot run; it dispatches through the same handler table as the desktop shell's IPC.
 *
 * Who may call it: only a page this server itself served. The token (the data folder's, kept
 * owner-only by web-token.ts, so a page left open survives a restart; random when none is
 * given) is written into the served index.html; every API and evidence request must carry it. Requests from a non-loopback address, with a foreign Host (DNS rebinding) or a
 * foreign Origin are refused before the token is even looked at.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import {
  apiPathPrefix,
  channelOfApiPath,
  evidenceTokenParam,
  hashOfEvidencePath,
  tokenHeader,
  tokenMetaName,
  uploadPath,
} from '../../shared/api/transport.ts';
import type { ServiceContext } from '../app/context.ts';
import { contentSecurityPolicy } from '../app/csp.ts';
import { rendererFileResponse } from '../app/app-protocol.ts';
import { evidenceResponse } from '../app/evidence-protocol.ts';
import { dispatch } from '../ipc/handlers.ts';
import { renditionFile } from '../evidence/renditions.ts';
import { storedEvidencePath } from '../evidence/evidence-path.ts';
import { receiveUpload } from '../package-store/incoming.ts';
import { AppError } from '../errors/app-error.ts';
import { sendFetchResponse, toFetchRequest } from './fetch-bridge.ts';
import { BodyBudget, bodyLimit, bodyRefusal } from './request-body.ts';

/** Files of this server are for its own page only: no other site may embed them. */
const sameOriginOnly = { 'cross-origin-resource-policy': 'same-origin' };

export interface WebServerOptions {
  readonly ctx: ServiceContext;
  /** The built renderer (dist/renderer). */
  readonly rendererDir: string;
  readonly port?: number;
  /** The data folder's token (web-token.ts), or a fixed one for tests; random otherwise. */
  readonly token?: string;
}

export interface WebServer {
  readonly url: string;
  readonly token: string;
  readonly server: Server;
  close(): Promise<void>;
}

function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

function sameToken(given: string | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(text);
}

function refuse(res: ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { ok: false, error: { code, message } });
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const { ctx, rendererDir } = options;
  const token = options.token ?? randomBytes(32).toString('hex');
  const csp = contentSecurityPolicy('');
  const evidenceOptions = {
    evidenceFile: (hash: string) => storedEvidencePath(ctx.dataDir, hash),
    renditionFile: (hash: string, converter: string, name: string) => renditionFile(ctx.dataDir, hash, converter, name),
    headers: sameOriginOnly,
  };
  const bodies = new BodyBudget();
  let indexHtml: string | null = null;
  let origin = '';
  let host = '';

  const loadIndex = (): string => {
    if (indexHtml === null) {
      const raw = readFileSync(join(rendererDir, 'index.html'), 'utf8');
      indexHtml = raw.replace('</head>', `<meta name="${tokenMetaName}" content="${token}"></head>`);
    }
    return indexHtml;
  };

  const serveStatic = async (url: URL, req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (url.pathname === '/' || url.pathname === '/index.html') {
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': csp,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'cross-origin-opener-policy': 'same-origin',
      });
      res.end(loadIndex());
      return;
    }
    await sendFetchResponse(res, await rendererFileResponse(toFetchRequest(req, url), url.pathname, { rendererDir, headers: sameOriginOnly }));
  };

  /** A call from the page this server served: same Origin (when sent) and the token. */
  const authorized = (req: IncomingMessage, res: ServerResponse): boolean => {
    if (req.headers.origin !== undefined && req.headers.origin !== origin) {
      refuse(res, 403, 'bad-origin', '只接受本程序页面的请求');
      return false;
    }
    const given = req.headers[tokenHeader];
    if (!sameToken(Array.isArray(given) ? given[0] : given, token)) {
      refuse(res, 401, 'bad-token', '缺少或错误的访问令牌');
      return false;
    }
    return true;
  };

  const server = createServer((req, res) => {
    void (async () => {
      if (!isLoopback(req.socket.remoteAddress)) {
        refuse(res, 403, 'not-loopback', '只接受本机的请求');
        return;
      }
      if (req.headers.host !== host) {
        refuse(res, 403, 'bad-host', '请求的主机名不对');
        return;
      }
      const url = new URL(req.url ?? '/', origin);
      if (req.method === 'POST' && url.pathname.startsWith(apiPathPrefix)) {
        if (!authorized(req, res)) return;
        const channel = channelOfApiPath(url.pathname);
        if (channel === null) {
          refuse(res, 400, 'bad-path', '请求的地址无效');
          return;
        }
        const limit = bodyLimit(channel);
        const body = await bodies.read(req, limit);
        if (!body.ok) {
          const refusal = bodyRefusal(body.reason, limit);
          // The rest of a refused body is not read: the connection closes after the answer.
          res.setHeader('connection', 'close');
          refuse(res, refusal.status, refusal.code, refusal.message);
          return;
        }
        let payload: unknown;
        try {
          payload = body.text.length === 0 ? {} : JSON.parse(body.text);
        } catch {
          refuse(res, 400, 'bad-json', '请求不是有效的 JSON');
          return;
        }
        sendJson(res, 200, await dispatch(ctx, channel, payload));
        return;
      }
      if (req.method === 'POST' && url.pathname === uploadPath) {
        // A package dropped into the page: stored under an id that `package-import` names.
        if (!authorized(req, res)) return;
        try {
          sendJson(res, 200, { ok: true, value: { uploadId: await receiveUpload(ctx.dataDir, req) } });
        } catch (error) {
          if (error instanceof AppError) refuse(res, 413, error.code, error.message);
          else throw error;
        }
        return;
      }
      const hash = hashOfEvidencePath(url.pathname);
      if ((req.method === 'GET' || req.method === 'HEAD') && hash !== null) {
        if (!sameToken(url.searchParams.get(evidenceTokenParam) ?? undefined, token)) {
          refuse(res, 401, 'bad-token', '缺少或错误的访问令牌');
          return;
        }
        await sendFetchResponse(res, await evidenceResponse(toFetchRequest(req, url), hash, evidenceOptions));
        return;
      }
      if (req.method === 'GET' || req.method === 'HEAD') {
        await serveStatic(url, req, res);
        return;
      }
      refuse(res, 405, 'method-not-allowed', '不支持的请求方法');
    })().catch((error: unknown) => {
      console.error('[web]', error);
      if (!res.headersSent) refuse(res, 500, 'internal', '程序内部错误');
      else res.destroy();
    });
  });

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolvePromise());
  });
  const { port } = server.address() as AddressInfo;
  host = `127.0.0.1:${port}`;
  origin = `http://${host}`;
  return {
    url: `${origin}/`,
    token,
    server,
    close: () =>
      new Promise<void>((resolvePromise) => {
        server.closeAllConnections();
        server.close(() => resolvePromise());
      }),
  };
}
