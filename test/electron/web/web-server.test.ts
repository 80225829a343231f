import { mkdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { browserRenditionUrl, tokenHeader } from '../../../shared/api/transport.ts';
import { rendition } from '../../../electron/evidence/renditions.ts';
import { startWebServer, type WebServer } from '../../../electron/web/web-server.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { testContext } from '../../helpers/context.ts';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request, so tests can send any Host, Origin or path (fetch would normalise them). */
function send(url: string, options: { method?: string; headers?: Record<string, string>; body?: string; path?: string } = {}): Promise<Reply> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: target.hostname, port: target.port, method: options.method ?? 'GET', path: options.path ?? target.pathname + target.search, headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('the browser shell server', () => {
  const tempDir = useTempDir();
  const servers: WebServer[] = [];
  afterEach(async () => {
    for (const s of servers.splice(0)) await s.close();
  });

  const start = async () => {
    const dataDir = tempDir();
    const rendererDir = tempDir();
    writeFileSync(join(rendererDir, 'index.html'), '<html><head><title>t</title></head><body></body></html>');
    mkdirSync(join(rendererDir, 'assets'));
    writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(dataDir, 'secret.txt'), 'secret');
    const server = await startWebServer({ ctx: testContext(dataDir), rendererDir });
    servers.push(server);
    return { server, dataDir, host: new URL(server.url).host };
  };

  const api = (server: WebServer, channel: string, body: unknown, headers: Record<string, string> = {}) =>
    send(`${server.url}api/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', host: new URL(server.url).host, [tokenHeader]: server.token, ...headers },
      body: JSON.stringify(body),
    });

  it('listens on 127.0.0.1 only', async () => {
    const { server } = await start();
    expect(new URL(server.url).hostname).toBe('127.0.0.1');
    const address = server.server.address();
    expect(typeof address === 'object' && address?.address).toBe('127.0.0.1');
  });

  it('serves index.html with the per-start token and a strict CSP', async () => {
    const { server } = await start();
    const reply = await send(server.url);
    expect(reply.status).toBe(200);
    expect(reply.body).toContain(`<meta name="alliance-review-token" content="${server.token}">`);
    expect(reply.headers['content-security-policy']).toContain("script-src 'self'");
    expect(reply.headers['content-security-policy']).not.toContain('unsafe-eval');
  });

  it('makes a different token at every start', async () => {
    const a = await start();
    const b = await start();
    expect(a.server.token).not.toBe(b.server.token);
    expect(a.server.token).toMatch(/^[0-9a-f]{64}$/);
  });

  it('answers a call with the token through the handler table', async () => {
    const { server } = await start();
    const reply = await api(server, 'meeting-create', { name: '会议', year: 2026 });
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { name: '会议', year: 2026 } });
  });

  it.each([
    ['without a token', (host: string, _token: string) => ({ host }), 401, 'bad-token'],
    ['with a wrong token', (host: string) => ({ host, [tokenHeader]: 'f'.repeat(64) }), 401, 'bad-token'],
    ['from a foreign origin', (host: string, token: string) => ({ host, [tokenHeader]: token, origin: 'http://evil.example' }), 403, 'bad-origin'],
    ['through a foreign Host (DNS rebinding)', (_host: string, token: string) => ({ host: 'evil.example', [tokenHeader]: token }), 403, 'bad-host'],
  ])('refuses a call %s', async (_label, headersFor, status, code) => {
    const { server, host } = await start();
    const reply = await send(`${server.url}api/meeting-list`, { method: 'POST', headers: headersFor(host, server.token), body: '{}' });
    expect(reply.status).toBe(status);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code } });
  });

  it('refuses a body that is not JSON', async () => {
    const { server } = await start();
    const reply = await send(`${server.url}api/meeting-list`, {
      method: 'POST',
      headers: { host: new URL(server.url).host, [tokenHeader]: server.token },
      body: '{nope',
    });
    expect(reply.status).toBe(400);
  });

  it.each(['/../secret.txt', '/..%2fsecret.txt', '/assets/..%2f..%2fsecret.txt', '/%2e%2e/%2e%2e/etc/passwd'])(
    'does not serve %s outside the renderer folder',
    async (path) => {
      const { server, host } = await start();
      const reply = await send(server.url, { path, headers: { host } });
      expect(reply.status).toBe(404);
      expect(reply.body).not.toContain('secret');
    },
  );

  it('serves a renderer asset', async () => {
    const { server, host } = await start();
    const reply = await send(server.url, { path: '/assets/app.js', headers: { host } });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toContain('javascript');
  });

  it('serves stored evidence by content hash with the token, and nothing else', async () => {
    const { server, dataDir, host } = await start();
    const bytes = Buffer.from('%PDF-1.4\n%证明材料\n');
    const hash = createHash('sha256').update(bytes).digest('hex');
    mkdirSync(join(dataDir, 'evidence', hash.slice(0, 2)), { recursive: true });
    writeFileSync(join(dataDir, 'evidence', hash.slice(0, 2), hash), bytes);

    const ok = await send(server.url, { path: `/evidence/${hash}?t=${server.token}`, headers: { host } });
    expect(ok.status).toBe(200);
    expect(ok.headers['content-type']).toBe('application/pdf');
    expect(ok.body).toBe(bytes.toString('utf8'));

    const part = await send(server.url, { path: `/evidence/${hash}?t=${server.token}`, headers: { host, range: 'bytes=0-3' } });
    expect(part.status).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 0-3/${bytes.length}`);
    expect(part.body).toBe('%PDF');
    const past = await send(server.url, { path: `/evidence/${hash}?t=${server.token}`, headers: { host, range: `bytes=${bytes.length}-` } });
    expect(past.status).toBe(416);

    const noToken = await send(server.url, { path: `/evidence/${hash}`, headers: { host } });
    expect(noToken.status).toBe(401);
    for (const bad of ['..%2fsecret.txt', '..%2f..%2falliance-review.sqlite', hash.toUpperCase(), hash.slice(0, 63), 'secret.txt']) {
      const reply = await send(server.url, { path: `/evidence/${bad}?t=${server.token}`, headers: { host } });
      expect(reply.status, bad).toBe(404);
    }
  });
  it('serves a rendition of stored evidence under its hash with the token', async () => {
    const { server, dataDir, host } = await start();
    const hash = 'ef'.repeat(32);
    await rendition(dataDir, hash, { name: 'heic-pages', version: 1 }, async () => new Map([['page-1.png', Buffer.from('\x89PNG\r\n')]]));
    const path = browserRenditionUrl({ sha256: hash, converter: 'heic-pages-v1', name: 'page-1.png' }, server.token);
    const ok = await send(server.url, { path, headers: { host } });
    expect(ok.status).toBe(200);
    expect(ok.headers['content-type']).toBe('image/png');
    const noToken = await send(server.url, { path: path.replace(/\?.*$/, ''), headers: { host } });
    expect(noToken.status).toBe(401);
    const other = await send(server.url, { path: path.replace('page-1.png', '..%2f..%2falliance-review.sqlite'), headers: { host } });
    expect(other.status).toBe(404);
  });

  it('answers a malformed % escape with 400 instead of failing', async () => {
    const { server, host } = await start();
    for (const path of ['/%E0%A4%A', '/assets/%zz.js']) {
      const reply = await send(server.url, { path, headers: { host } });
      expect(reply.status, path).toBe(400);
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'bad-path' } });
    }
    const call = await send(`${server.url}api/%E0%A4%A`, {
      method: 'POST',
      headers: { host, [tokenHeader]: server.token, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(call.status).toBe(400);
  });

  it('adapts the shared file handlers: ranges, several ranges answered whole, same-origin only', async () => {
    const { server, dataDir, host } = await start();
    const bytes = Buffer.from('%PDF-1.4\n0123456789\n');
    const hash = createHash('sha256').update(bytes).digest('hex');
    mkdirSync(join(dataDir, 'evidence', hash.slice(0, 2)), { recursive: true });
    writeFileSync(join(dataDir, 'evidence', hash.slice(0, 2), hash), bytes);
    const path = `/evidence/${hash}?t=${server.token}`;

    const suffix = await send(server.url, { path, headers: { host, range: 'bytes=-3' } });
    expect(suffix.status).toBe(206);
    expect(suffix.headers['content-range']).toBe(`bytes ${bytes.length - 3}-${bytes.length - 1}/${bytes.length}`);
    expect(suffix.body).toBe('89\n');
    const several = await send(server.url, { path, headers: { host, range: 'bytes=0-1,4-5' } });
    expect(several.status).toBe(200);
    expect(several.headers['content-range']).toBeUndefined();
    expect(several.body).toBe(bytes.toString());
    const whole = await send(server.url, { path, headers: { host } });
    expect(whole.headers['cross-origin-resource-policy']).toBe('same-origin');
    expect(whole.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect(whole.headers['access-control-allow-origin']).toBeUndefined();
    const asset = await send(server.url, { path: '/assets/app.js', headers: { host, range: 'bytes=0-6' } });
    expect(asset.status).toBe(206);
    expect(asset.body).toBe('console');
    expect(asset.headers['cross-origin-resource-policy']).toBe('same-origin');
  });
});
