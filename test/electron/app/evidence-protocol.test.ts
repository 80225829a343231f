import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evidenceProtocolHandler } from '../../../electron/app/evidence-protocol.ts';
import { storedEvidencePath } from '../../../electron/evidence/evidence-path.ts';
import { rendition, renditionFile } from '../../../electron/evidence/renditions.ts';
import { desktopRenditionUrl } from '../../../shared/api/transport.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('the evidence: protocol (stored evidence by content hash)', () => {
  const tempDir = useTempDir();

  const setup = () => {
    const dataDir = tempDir();
    const store = (bytes: Buffer) => {
      const hash = sha256(bytes);
      mkdirSync(join(dataDir, 'evidence', hash.slice(0, 2)), { recursive: true });
      writeFileSync(join(dataDir, 'evidence', hash.slice(0, 2), hash), bytes);
      return hash;
    };
    writeFileSync(join(dataDir, 'alliance-review.sqlite'), 'SQLite format 3');
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 0x20), Buffer.from('%%EOF')]);
    const handle = evidenceProtocolHandler({ evidenceFile: (hash) => storedEvidencePath(dataDir, hash), corsOrigin: 'app://renderer' });
    const get = (url: string, headers: Record<string, string> = {}) => handle(new Request(url, { headers }));
    return { store, pdf, pdfHash: store(pdf), get };
  };

  it('serves a stored file with its sniffed type, nosniff, a sandboxing CSP and CORS for the renderer only', async () => {
    const { get, pdf, pdfHash } = setup();
    const response = await get(`evidence://store/${pdfHash}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(response.headers.get('access-control-allow-origin')).toBe('app://renderer');
    expect(response.headers.get('access-control-expose-headers')).toBe('content-range, content-length');
    expect(response.headers.get('content-length')).toBe(String(pdf.length));
    expect(Buffer.from(await response.arrayBuffer()).equals(pdf)).toBe(true);
  });

  it.each([
    ['a PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1]), 'image/png'],
    ['a JPEG', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1]), 'image/jpeg'],
    ['an HTML file, which must not render as a page', Buffer.from('<html><script>alert(1)</script>'), 'application/octet-stream'],
  ])('types %s by its bytes', async (_label, bytes, type) => {
    const { get, store } = setup();
    const response = await get(`evidence://store/${store(bytes)}`);
    expect(response.headers.get('content-type')).toBe(type);
  });

  it.each([
    ['a suffix range', 'bytes=-500', 206, (size: number) => `bytes ${size - 500}-${size - 1}/${size}`, 500],
    ['an open range', 'bytes=1000-', 206, (size: number) => `bytes 1000-${size - 1}/${size}`, (size: number) => size - 1000],
    ['a closed range', 'bytes=0-3', 206, (size: number) => `bytes 0-3/${size}`, 4],
    ['a start past the end', 'bytes=999999-', 416, (size: number) => `bytes */${size}`, 0],
    ['several ranges: the whole file', 'bytes=0-3,10-20', 200, () => null, (size: number) => size],
  ])('answers %s with the right status and Content-Range', async (_label, range, status, contentRange, length) => {
    const { get, pdf, pdfHash } = setup();
    const response = await get(`evidence://store/${pdfHash}`, { range });
    expect(response.status).toBe(status);
    expect(response.headers.get('content-range')).toBe(contentRange(pdf.length));
    expect(response.headers.get('access-control-allow-origin')).toBe('app://renderer');
    const body = Buffer.from(await response.arrayBuffer());
    const expected = typeof length === 'function' ? length(pdf.length) : length;
    expect(body.length).toBe(expected);
    if (status === 206) {
      const [start] = /bytes (\d+)-/.exec(contentRange(pdf.length) ?? '')!.slice(1).map(Number);
      expect(body.equals(pdf.subarray(start, start! + expected))).toBe(true);
    }
  });

  it.each([
    (hash: string) => `evidence://store/${hash.toUpperCase()}`,
    (hash: string) => `evidence://store/${hash.slice(0, 63)}`,
    (hash: string) => `evidence://store/${hash}/extra`,
    (hash: string) => `evidence://elsewhere/${hash}`,
    () => 'evidence://store/..%2falliance-review.sqlite',
    () => 'evidence://store/..%2f..%2falliance-review.sqlite',
    () => 'evidence://store/%E0%A4%A',
    () => `evidence://store/${'0'.repeat(64)}`,
  ])('answers 404 for %s', async (urlOf) => {
    const { get, pdfHash } = setup();
    const response = await get(urlOf(pdfHash));
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('SQLite');
  });

  it('sends no CORS header when no origin is named (the browser shell serves its own origin)', async () => {
    const dataDir = tempDir();
    const bytes = Buffer.from('%PDF-1.4');
    const hash = sha256(bytes);
    mkdirSync(join(dataDir, 'evidence', hash.slice(0, 2)), { recursive: true });
    writeFileSync(join(dataDir, 'evidence', hash.slice(0, 2), hash), bytes);
    const handle = evidenceProtocolHandler({ evidenceFile: (given) => storedEvidencePath(dataDir, given) });
    const response = await handle(new Request(`evidence://store/${hash}`));
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('serves a file a converter made from stored evidence, typed by its name, and nothing beside it', async () => {
    const dataDir = tempDir();
    const hash = 'cd'.repeat(32);
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    await rendition(dataDir, hash, { name: 'tiff-pages', version: 2 }, async () => new Map<string, Uint8Array | string>([['page-3.png', png], ['page-1.svg', '<svg/>']]));
    const handle = evidenceProtocolHandler({
      evidenceFile: (given) => storedEvidencePath(dataDir, given),
      renditionFile: (given, converter, name) => renditionFile(dataDir, given, converter, name),
      corsOrigin: 'app://renderer',
    });
    const url = desktopRenditionUrl({ sha256: hash, converter: 'tiff-pages-v2', name: 'page-3.png' });
    expect(url).toBe(`evidence://store/${hash}/tiff-pages-v2/page-3.png`);
    const response = await handle(new Request(url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(Buffer.from(await response.arrayBuffer()).equals(png)).toBe(true);
    const svg = await handle(new Request(`evidence://store/${hash}/tiff-pages-v2/page-1.svg`));
    expect(svg.headers.get('content-type')).toBe('image/svg+xml');
    for (const bad of [
      `${hash}/tiff-pages-v1/page-3.png`,
      `${hash}/tiff-pages/page-3.png`,
      `${hash}/tiff-pages-v2/page-4.png`,
      `${hash}/tiff-pages-v2/..%2Fpage-3.png`,
      `${hash}/tiff-pages-v2/page-3.exe`,
      `${hash}/tiff-pages-v2`,
      `${hash}/tiff-pages-v2/x/page-3.png`,
      `${'0'.repeat(64)}/tiff-pages-v2/page-3.png`,
    ]) {
      expect((await handle(new Request(`evidence://store/${bad}`))).status, bad).toBe(404);
    }
  });
});
