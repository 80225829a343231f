/**
 * Evidence downloads the client gives up on (a closed tab, a PDF viewer that cancels a range
 * request, a page that navigates away) must not leave the file open: a browser-shell server
 * that leaked one descriptor per abort ran out of them (EMFILE) after a few hundred. A real
 * server is started in this process, 200 requests are aborted at each stage, and the count of
 * this process's open descriptors (`/proc/self/fd`) must come back to where it was.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fileResponse } from '../../../electron/app/file-response.ts';
import { startWebServer, type WebServer } from '../../../electron/web/web-server.ts';
import { testContext } from '../../helpers/context.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';

const hasProcFd = (() => {
  try {
    readdirSync('/proc/self/fd');
    return true;
  } catch {
    return false;
  }
})();

const openDescriptors = (): number => readdirSync('/proc/self/fd').length;

/** Requests `path` and aborts it: before any answer, after the headers, or after some bytes. */
function abortedRequest(url: URL, path: string, host: string, when: 'sent' | 'headers' | 'bytes', range?: string): Promise<void> {
  return new Promise((resolve) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path, headers: { host, ...(range ? { range } : {}) } }, (res) => {
      if (when === 'headers') {
        req.destroy();
        resolve();
        return;
      }
      res.once('data', () => {
        req.destroy();
        resolve();
      });
    });
    req.on('error', () => resolve());
    req.on('close', () => resolve());
    req.end();
    if (when === 'sent') setImmediate(() => req.destroy());
  });
}

async function settled(baseline: number): Promise<number> {
  // Closing a handle is asynchronous: give the server a moment, then count.
  for (let i = 0; i < 50; i += 1) {
    if (openDescriptors() <= baseline + 5) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return openDescriptors();
}

describe.skipIf(!hasProcFd)('the browser shell closes evidence files whose download the client aborts', () => {
  const tempDir = useTempDir('aborted-downloads-');
  const servers: WebServer[] = [];
  afterEach(async () => {
    for (const s of servers.splice(0)) await s.close();
  });

  it.each(['sent', 'headers', 'bytes'] as const)('200 downloads aborted once %s leave no file open', async (when) => {
    const dataDir = tempDir();
    const rendererDir = tempDir();
    writeFileSync(join(rendererDir, 'index.html'), '<html><head></head><body></body></html>');
    // Large enough that no answer is sent whole before the client goes away.
    const bytes = Buffer.alloc(16 * 1024 * 1024, 0x25);
    const hash = createHash('sha256').update(bytes).digest('hex');
    mkdirSync(join(dataDir, 'evidence', hash.slice(0, 2)), { recursive: true });
    writeFileSync(join(dataDir, 'evidence', hash.slice(0, 2), hash), bytes);
    const server = await startWebServer({ ctx: testContext(dataDir), rendererDir });
    servers.push(server);
    const url = new URL(server.url);
    const path = `/evidence/${hash}?t=${server.token}`;
    // One request first, so lazily opened things (the store, sockets' pools) are counted.
    await abortedRequest(url, path, url.host, 'headers');
    const baseline = await settled(openDescriptors());
    for (let i = 0; i < 200; i += 1) {
      await abortedRequest(url, path, url.host, when, i % 2 === 0 ? `bytes=${i}-` : undefined);
    }
    expect(await settled(baseline)).toBeLessThanOrEqual(baseline + 5);
  });

  it('a file answer whose body is cancelled unread closes its file (the desktop shell cancels it so)', async () => {
    const file = join(tempDir(), 'big.pdf');
    writeFileSync(file, Buffer.alloc(4 * 1024 * 1024, 0x25));
    const baseline = openDescriptors();
    for (let i = 0; i < 200; i += 1) {
      const response = await fileResponse(new Request('http://x/', { headers: i % 2 ? { range: 'bytes=10-' } : {} }), file, () => ({}));
      const reader = response?.body?.getReader();
      if (i % 3 === 0) await reader?.read();
      await reader?.cancel();
    }
    expect(await settled(baseline)).toBeLessThanOrEqual(baseline + 5);
  });
});
