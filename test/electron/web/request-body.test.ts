/**
 * Request bodies of the browser shell: bounded per channel and in number, refused with a
 * Chinese message, against a real server over real sockets.
 */
import { writeFileSync } from 'node:fs';
import { request as httpRequest, type ClientRequest } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tokenHeader } from '../../../shared/api/transport.ts';
import { startWebServer, type WebServer } from '../../../electron/web/web-server.ts';
import { maxConcurrentBodies, maxWaitingBodies } from '../../../electron/web/request-body.ts';
import { testContext } from '../../helpers/context.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';

interface Reply {
  status: number;
  json: { ok: boolean; error?: { code: string; message: string } };
}

function post(server: WebServer, channel: string, options: { body?: Buffer; chunked?: boolean; hold?: boolean } = {}): { req: ClientRequest; reply: Promise<Reply> } {
  const url = new URL(server.url);
  const body = options.body ?? Buffer.from('{}');
  const headers: Record<string, string> = { host: url.host, 'content-type': 'application/json', [tokenHeader]: server.token };
  if (!options.chunked) headers['content-length'] = String(body.length);
  let req!: ClientRequest;
  const reply = new Promise<Reply>((resolve, reject) => {
    req = httpRequest({ host: url.hostname, port: url.port, method: 'POST', path: `/api/${channel}`, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Reply['json'] }));
    });
    req.on('error', reject);
  });
  if (options.hold) req.write(body.subarray(0, 1));
  else req.end(body);
  return { req, reply };
}

describe('browser shell request bodies', () => {
  const tempDir = useTempDir('request-body-');
  const servers: WebServer[] = [];
  afterEach(async () => {
    for (const s of servers.splice(0)) await s.close();
  });
  const start = async () => {
    const rendererDir = tempDir();
    writeFileSync(join(rendererDir, 'index.html'), '<html><head></head><body></body></html>');
    const server = await startWebServer({ ctx: testContext(tempDir()), rendererDir });
    servers.push(server);
    return server;
  };
  const json = (bytes: number) => Buffer.from(JSON.stringify({ padding: 'x'.repeat(bytes) }));

  it('refuses a 2 MiB body to an ordinary channel with 413 and a Chinese message, declared or chunked', async () => {
    const server = await start();
    for (const chunked of [false, true]) {
      const { reply } = post(server, 'app-info', { body: json(2 * 1024 * 1024), chunked });
      const answer = await reply.catch(() => null);
      // A server may close the connection while a chunked body is still being sent.
      if (answer === null) continue;
      expect(answer.status).toBe(413);
      expect(answer.json.error?.code).toBe('request-too-large');
      expect(answer.json.error?.message).toMatch(/请求内容超过了 1 MiB 的上限/);
    }
    const declared = await post(server, 'app-info', { body: json(2 * 1024 * 1024) }).reply;
    expect(declared.status).toBe(413);
  });

  it('lets the paper-sheet channel take a larger body (then its schema answers)', async () => {
    const server = await start();
    const answer = await post(server, 'paper-entry-save', { body: json(2 * 1024 * 1024) }).reply;
    expect(answer.status).toBe(200);
    expect(answer.json.ok).toBe(false);
    expect(answer.json.error?.code).not.toBe('request-too-large');
  });

  it(`reads at most ${maxConcurrentBodies} bodies at once, lets ${maxWaitingBodies} more wait, and refuses the next one`, async () => {
    const server = await start();
    const held = Array.from({ length: maxConcurrentBodies }, () => post(server, 'app-info', { body: json(100), hold: true }));
    // Let the server start reading every held body.
    await new Promise((r) => setTimeout(r, 200));
    // These wait for a slot: answered once the held bodies are done, not refused.
    const waiting = Array.from({ length: maxWaitingBodies }, () => post(server, 'meeting-list'));
    await new Promise((r) => setTimeout(r, 300));
    const extra = await post(server, 'app-info').reply;
    expect(extra.status).toBe(503);
    expect(extra.json.error?.code).toBe('server-busy');
    expect(extra.json.error?.message).toMatch(/请稍候再试/);
    for (const { req } of held) req.end(json(100).subarray(1));
    const answers = await Promise.all([...held, ...waiting].map((h) => h.reply));
    expect(answers.map((a) => a.status)).toEqual(Array(maxConcurrentBodies + maxWaitingBodies).fill(200));
    expect(answers.slice(maxConcurrentBodies).every((a) => a.json.ok)).toBe(true);
    // With the held bodies done, requests are read again at once.
    expect((await post(server, 'app-info').reply).json.ok).toBe(true);
  });
});
