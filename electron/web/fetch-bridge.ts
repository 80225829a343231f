/**
 * node:http ⇄ Fetch: the browser shell answers files with the same `Request → Response`
 * functions as the desktop shell's protocol handlers (electron/app/app-protocol.ts,
 * electron/app/evidence-protocol.ts), so path guards, headers and ranges exist once.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';

/** A body-less Fetch `Request` (GET or HEAD) for `req`, at `url`. */
export function toFetchRequest(req: IncomingMessage, url: URL): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  return new Request(url, { method: req.method === 'HEAD' ? 'HEAD' : 'GET', headers });
}

/** Writes `response` to `res`; resolves when it is sent or the client went away. */
export async function sendFetchResponse(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  res.writeHead(response.status, headers);
  if (response.body === null) {
    res.end();
    return;
  }
  try {
    await pipeline(Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>), res);
  } catch (error) {
    // A client that stops reading (a closed tab, a cancelled image) is no failure of ours.
    if (!res.destroyed) throw error;
  }
}
