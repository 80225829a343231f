import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appProtocolHandler } from '../../../electron/app/app-protocol.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';

const csp = "default-src 'none'; script-src 'self'";

describe('the app: protocol (the renderer’s own files)', () => {
  const tempDir = useTempDir();

  /** A renderer folder beside a secret, as dist/renderer sits beside the data in a checkout. */
  const setup = () => {
    const top = tempDir();
    const rendererDir = join(top, 'renderer');
    mkdirSync(join(rendererDir, 'assets'), { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
    writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(rendererDir, 'assets', 'app.css'), 'body{}');
    writeFileSync(join(rendererDir, 'assets', 'worker.mjs'), 'x');
    writeFileSync(join(rendererDir, 'assets', 'logo.svg'), '<svg/>');
    writeFileSync(join(rendererDir, 'assets', 'font.woff2'), 'wOF2');
    writeFileSync(join(rendererDir, 'assets', 'icon.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]));
    writeFileSync(join(rendererDir, 'assets', 'decoder.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d]));
    writeFileSync(join(rendererDir, 'assets', 'picture'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 9]));
    writeFileSync(join(rendererDir, 'assets', 'numbers.txt'), '0123456789');
    writeFileSync(join(top, 'secret.txt'), 'secret');
    const handle = appProtocolHandler({ rendererDir, csp });
    return { handle, get: (url: string, headers: Record<string, string> = {}) => handle(new Request(url, { headers })) };
  };

  it('serves index.html for the bare origin, with the CSP and nosniff', async () => {
    const { get } = setup();
    const response = await get('app://renderer/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(csp);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('<!doctype html><title>t</title>');
  });

  it.each([
    ['assets/app.js', 'text/javascript; charset=utf-8'],
    ['assets/worker.mjs', 'text/javascript; charset=utf-8'],
    ['assets/app.css', 'text/css; charset=utf-8'],
    ['assets/logo.svg', 'image/svg+xml'],
    ['assets/font.woff2', 'font/woff2'],
    ['assets/icon.png', 'image/png'],
    ['assets/decoder.wasm', 'application/wasm'],
    ['assets/picture', 'image/png'],
  ])('sends %s as %s', async (path, type) => {
    const { get } = setup();
    const response = await get(`app://renderer/${path}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('content-security-policy')).toBe(csp);
  });

  it.each([
    'app://renderer/../secret.txt',
    'app://renderer/..%2fsecret.txt',
    'app://renderer/assets/..%2f..%2fsecret.txt',
    'app://renderer/%2e%2e%2fsecret.txt',
    'app://renderer/assets/%2E%2E/%2e%2e/secret.txt',
    'app://renderer/..%5csecret.txt',
    'app://renderer/assets\\..\\..\\secret.txt',
    'app://renderer/%00index.html',
    'app://renderer/C:%2fWindows%2fwin.ini',
    'app://renderer/assets',
    'app://renderer/missing.js',
    'app://elsewhere/index.html',
    'app://renderer.evil/index.html',
  ])('answers 404 for %s and never a file outside the folder', async (url) => {
    const { get } = setup();
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('secret');
  });

  it('answers 400 for a malformed % escape instead of throwing', async () => {
    const { get } = setup();
    for (const url of ['app://renderer/%E0%A4%A', 'app://renderer/assets/%', 'app://renderer/%zz']) {
      const response = await get(url);
      expect(response.status, url).toBe(400);
      expect(await response.json()).toMatchObject({ ok: false, error: { code: 'bad-path' } });
    }
  });

  it('decodes a well-formed escape', async () => {
    const { get } = setup();
    const response = await get('app://renderer/assets/%61pp.js');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('console.log(1)');
  });

  it.each([
    ['a closed range', 'bytes=2-4', 206, 'bytes 2-4/10', '234'],
    ['an open range', 'bytes=7-', 206, 'bytes 7-9/10', '789'],
    ['a suffix range', 'bytes=-3', 206, 'bytes 7-9/10', '789'],
    ['a suffix longer than the file', 'bytes=-500', 206, 'bytes 0-9/10', '0123456789'],
    ['a start past the end', 'bytes=10-', 416, 'bytes */10', ''],
    ['several ranges: the whole file', 'bytes=0-1,4-5', 200, null, '0123456789'],
  ])('answers %s (%s) with %i and %s', async (_label, range, status, contentRange, body) => {
    const { get } = setup();
    const response = await get('app://renderer/assets/numbers.txt', { range });
    expect(response.status).toBe(status);
    expect(response.headers.get('content-range')).toBe(contentRange);
    expect(await response.text()).toBe(body);
    if (status === 206) expect(response.headers.get('content-length')).toBe(String(body.length));
  });

  it('answers a request without Range with the whole file and its length', async () => {
    const { get } = setup();
    const response = await get('app://renderer/assets/numbers.txt');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe('10');
    expect(response.headers.get('accept-ranges')).toBe('bytes');
    expect(await response.text()).toBe('0123456789');
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const { handle } = setup();
    const head = await handle(new Request('app://renderer/assets/numbers.txt', { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe('10');
    expect(head.body).toBeNull();
    const post = await handle(new Request('app://renderer/index.html', { method: 'POST', body: 'x' }));
    expect(post.status).toBe(405);
  });
});
