/**
 * Request bodies of the browser shell's API: how large a channel's JSON may be, and how many
 * bodies the server buffers at once. Each API request is read whole into memory before it is
 * parsed; with one 64 MiB limit for every channel, 48 concurrent requests once held 2.4 GB.
 * Now most channels take at most 1 MiB (their requests are ids, names and short texts), the
 * few that carry long lists have their own bound, and at most `maxConcurrentBodies` bodies are
 * read at a time (others wait, up to `maxWaitingBodies`, then are refused), so the memory held
 * for request bodies stays within `maxConcurrentBodies × largest limit`. Packages and sheets themselves never travel as JSON:
 * the upload route streams them to disk (package-store/incoming.ts).
 */
import type { IncomingMessage } from 'node:http';
import type { ChannelName } from '../../shared/api/channels.ts';

const KiB = 1024;
const MiB = 1024 * KiB;

/** Most requests are ids, names and texts of a few thousand characters. */
export const defaultBodyBytes = 1 * MiB;

/** Channels whose requests carry long lists: a paper sheet of up to 1000 reviews, many sources. */
export const channelBodyBytes: Partial<Record<ChannelName, number>> = {
  'paper-entry-save': 8 * MiB,
  'package-import': 4 * MiB,
  'chair-sheet-import': 4 * MiB,
};

/** Bodies being read at one time. */
export const maxConcurrentBodies = 8;
/**
 * Requests waiting for a reading slot. A waiting body is not read, so it holds no memory of
 * ours (TCP holds it back); the page's own bursts of parallel calls wait rather than fail.
 */
export const maxWaitingBodies = 64;

/** The body limit of `channel`; a name that is no channel gets the default (dispatch refuses it). */
export function bodyLimit(channel: string): number {
  return Object.hasOwn(channelBodyBytes, channel) ? (channelBodyBytes[channel as ChannelName] ?? defaultBodyBytes) : defaultBodyBytes;
}

export type BodyOutcome = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly reason: 'too-large' | 'busy' };

/** Counts the bodies being read and waiting; one per server. */
export class BodyBudget {
  #reading = 0;
  readonly #waiting: (() => void)[] = [];
  readonly #max: number;
  readonly #maxWaiting: number;
  constructor(max = maxConcurrentBodies, maxWaiting = maxWaitingBodies) {
    this.#max = max;
    this.#maxWaiting = maxWaiting;
  }

  /** Reads `req`'s body as text, within `limit` bytes and the budget's concurrency. */
  async read(req: IncomingMessage, limit: number): Promise<BodyOutcome> {
    const declared = Number(req.headers['content-length']);
    // A declared length past the limit is refused before a byte is read.
    if (Number.isFinite(declared) && declared > limit) return { ok: false, reason: 'too-large' };
    if (this.#reading >= this.#max) {
      if (this.#waiting.length >= this.#maxWaiting) return { ok: false, reason: 'busy' };
      // The slot is handed over by the reader that finishes, so #reading never passes #max.
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    } else {
      this.#reading += 1;
    }
    try {
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of req as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > limit) return { ok: false, reason: 'too-large' };
        chunks.push(chunk);
      }
      return { ok: true, text: Buffer.concat(chunks).toString('utf8') };
    } finally {
      const next = this.#waiting.shift();
      if (next !== undefined) next();
      else this.#reading -= 1;
    }
  }
}

export function bodyRefusal(reason: 'too-large' | 'busy', limit: number): { status: number; code: string; message: string } {
  return reason === 'too-large'
    ? { status: 413, code: 'request-too-large', message: `请求内容超过了 ${Math.round(limit / MiB)} MiB 的上限，未处理。请减少一次提交的内容后重试。` }
    : { status: 503, code: 'server-busy', message: '本机服务正同时处理太多请求，请稍候再试。' };
}
