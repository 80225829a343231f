/**
 * A file on disk as a Fetch `Response`, with byte ranges: 200 with the whole file, 206 with
 * one range, 416 with a Content-Range naming only the size for a range it cannot serve.
 *
 * The bytes are read with node:fs, not with Electron's `net.fetch` of a file:// URL, whose
 * Range handling is unreliable (electron/electron#38749) and which would tie this code to
 * Electron; here it runs under plain Node in tests and in the browser shell alike. The file
 * is opened once: its type is sniffed from the same handle its bytes are streamed from.
 *
 * The body is a web stream over the handle that closes the handle when it ends, fails or is
 * cancelled, and a consumer that goes away (a client that aborts a download) cancels it: so
 * every aborted download gives its file descriptor back at once. (A node stream wrapped with
 * `Readable.toWeb` that is never read was not closed when its consumer gave up, and a few
 * hundred aborted evidence downloads exhausted the process's descriptors.)
 */
import { open, type FileHandle } from 'node:fs/promises';
import { parseByteRange } from '../evidence/byte-range.ts';

const chunkBytes = 64 * 1024;

/** Bytes `start`..`end` (inclusive) of `handle`; the handle is closed when the stream is done. */
function handleStream(handle: FileHandle, start: number, end: number): ReadableStream<Uint8Array> {
  let position = start;
  let closing: Promise<void> | null = null;
  // FileHandle.close waits for a read in flight, so closing on cancel is safe mid-read.
  const close = (): Promise<void> => (closing ??= handle.close().catch(() => undefined));
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const length = Math.min(chunkBytes, end + 1 - position);
        try {
          const buffer = new Uint8Array(length);
          const { bytesRead } = closing === null && length > 0 ? await handle.read(buffer, 0, length, position) : { bytesRead: 0 };
          position += bytesRead;
          if (bytesRead > 0) controller.enqueue(bytesRead === length ? buffer : buffer.subarray(0, bytesRead));
          // A file that shrank while being sent ends early rather than hanging.
          if (bytesRead === 0 || position > end) {
            await close();
            controller.close();
          }
        } catch (error) {
          await close();
          controller.error(error);
        }
      },
      cancel: close,
    },
    { highWaterMark: 0 },
  );
}

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
      body = handleStream(handle, part.start, part.end);
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
