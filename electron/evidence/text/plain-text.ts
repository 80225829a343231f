/**
 * Plain text files as a person reads them: the encoding told from the bytes, then decoded.
 *
 * - encoding: UTF-8 with or without a byte-order mark, UTF-16 LE or BE with one, else GB18030
 *   when the bytes are not valid UTF-8 (the superset of GBK that Notepad on Chinese Windows
 *   saves as “ANSI”; every GBK file is GB18030). UTF-16 without a mark is not guessed: such a
 *   file is not taken for text by the inspection either (text-encoding.ts, NUL bytes).
 * - decoding: WHATWG TextDecoder, which in Node and Electron's main process has GB18030 from
 *   full ICU (Node's official builds; Electron's Node uses Chromium's ICU, which carries every
 *   WHATWG encoding). No library is needed, so none is added.
 * - bounds: a preview decodes at most `maxBytes` (a character cut at the end is dropped) and
 *   `maxLines` lines, and says so.
 */
import type { TextEncodingName, TextPreview } from '../../../shared/api/evidence-preview-types.ts';

export interface TextBounds {
  readonly maxBytes: number;
  readonly maxLines: number;
}

export const defaultTextBounds: TextBounds = { maxBytes: 4 * 1024 * 1024, maxLines: 50_000 };

/** How the encoding is named to the expert. */
export const encodingNames: Readonly<Record<TextEncodingName, string>> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16（小端）',
  'utf-16be': 'UTF-16（大端）',
  gb18030: 'GBK/GB18030（中文 Windows 记事本的“ANSI”）',
};

function validUtf8(bytes: Uint8Array, partial: boolean): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: partial });
    return true;
  } catch {
    return false;
  }
}

/** The encoding of text `bytes` (`partial`: they are the first part of a longer file). */
export function textEncoding(bytes: Uint8Array, partial = false): { readonly encoding: TextEncodingName; readonly bom: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  return { encoding: validUtf8(bytes, partial) ? 'utf-8' : 'gb18030', bom: 0 };
}

function decode(bytes: Uint8Array, partial: boolean): { text: string; encoding: TextEncodingName } {
  const { encoding, bom } = textEncoding(bytes, partial);
  // stream: a character cut at the end of a partial read is held back, not shown as �.
  const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes.subarray(bom), { stream: partial });
  return { text, encoding };
}

/** The whole text of a plain text file, for search. */
export function plainText(bytes: Uint8Array): string {
  return decode(bytes, false).text;
}

/** A text file's preview: its lines, in the encoding its bytes are in, bounded. */
export function textPreview(bytes: Uint8Array, bounds: TextBounds = defaultTextBounds): TextPreview {
  const partial = bytes.length > bounds.maxBytes;
  const { text, encoding } = decode(partial ? bytes.subarray(0, bounds.maxBytes) : bytes, partial);
  const all = text.split(/\r\n|\n|\r/);
  if (!partial && all.length > 1 && all.at(-1) === '') all.pop();
  const cut = all.length > bounds.maxLines;
  const lines = cut ? all.slice(0, bounds.maxLines) : all;
  const truncated = partial || cut;
  return {
    kind: 'text',
    encoding,
    lines,
    truncated,
    notice: truncated ? `文件较长，只显示了前 ${lines.length.toLocaleString('zh-CN')} 行。要看全文，请用系统程序打开。` : null,
  };
}
