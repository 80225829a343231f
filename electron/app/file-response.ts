/**
 * A file on disk as a Fetch `Response`, with byte ranges: 200 with the whole file, 206 with
 * one range, 416 with a Content-Range naming only the size for a range it cannot serve.
 *
 * The bytes are read with node:fs, not with Electron's `net.fetch` of a file:// URL, whose
 * Range handling is unreliable (electron/electron#38749) and which would tie this code to
 * Electron; here it runs under plain Node in tests and in the browser shell alike. The file
 * is opened once: its type is sniffed from the same handle its bytes are streamed from.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { parseByteRange } from '../evidence/byte-range.ts';

/** How many leading bytes `headersFor` gets to sniff a content type from. */
export const sniffLength = 16;

/** `file` answered to `request` (GET or HEAD), or null when it is not a readable regular file. */
export async function fileResponse(
  request: Request,
  file: string,
  headersFor: (head: Uint8Array) => Record<string, string>,
): Promise<Response | null> {
  let handle: FileHandle;
  try {
    handle = await open(file, 'r');
  } catch {
    return null;
  }
  let streaming = false;
  try {
    const info = await handle.stat();
    if (!info.isFile()) return null;
    const { size } = info;
    const head = new Uint8Array(Math.min(sniffLength, size));
    if (head.length > 0) await handle.read(head, 0, head.length, 0);
    const headers = { ...headersFor(head), 'accept-ranges': 'bytes' };
    const range = parseByteRange(request.headers.get('range'), size);
    if (range === 'unsatisfiable') {
      return new Response(null, { status: 416, headers: { ...headers, 'content-range': `bytes */${size}` } });
    }
    const part = range ?? { start: 0, end: size - 1 };
    const length = size === 0 ? 0 : part.end - part.start + 1;
    let body: ReadableStream<Uint8Array> | null = null;
    if (request.method !== 'HEAD' && length > 0) {
      // The stream closes the handle when it ends or is cancelled.
      body = Readable.toWeb(handle.createReadStream({ start: part.start, end: part.end })) as ReadableStream<Uint8Array>;
      streaming = true;
    }
    if (range === null) return new Response(body, { status: 200, headers: { ...headers, 'content-length': String(size) } });
    return new Response(body, {
      status: 206,
      headers: { ...headers, 'content-range': `bytes ${range.start}-${range.end}/${size}`, 'content-length': String(length) },
    });
  } finally {
    if (!streaming) await handle.close();
  }
}
