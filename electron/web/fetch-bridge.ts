/**
 * node:http ⇄ Fetch: the browser shell answers files with the same `Request → Response`
 * functions as the desktop shell's protocol handlers (electron/app/app-protocol.ts,
 * electron/app/evidence-protocol.ts), so path guards, headers and ranges exist once.
 */
import { once } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** A body-less Fetch `Request` (GET or HEAD) for `req`, at `url`. */
export function toFetchRequest(req: IncomingMessage, url: URL): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  return new Request(url, { method: req.method === 'HEAD' ? 'HEAD' : 'GET', headers });
}

/**
 * Writes `response` to `res`; resolves when it is sent or the client went away. A client that
 * goes away, before the answer or in the middle of it, cancels the body, so a file behind it
 * is closed at once (electron/app/file-response.ts) rather than left open.
 */
export async function sendFetchResponse(res: ServerResponse, response: Response): Promise<void> {
  const body = response.body;
  const gone = (): boolean => res.destroyed || res.socket === null || res.socket.destroyed;
  if (body !== null && gone()) {
    await body.cancel().catch(() => undefined);
    return;
  }
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  res.writeHead(response.status, headers);
  if (body === null) {
    res.end();
    return;
  }
  const reader = body.getReader();
  let sent = false;
  const closed = once(res, 'close').then(() => {
    // A client that stops reading (a closed tab, a cancelled image) is no failure of ours.
    if (!sent) void reader.cancel().catch(() => undefined);
  }, () => undefined);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done || gone()) break;
      if (!res.write(value)) await Promise.race([once(res, 'drain'), closed]);
    }
  } catch (error) {
    if (!gone()) throw error;
  } finally {
    if (gone()) await reader.cancel().catch(() => undefined);
  }
  sent = true;
  if (!gone()) res.end();
}
