/**
 * Handwritten signature: the image of the expert's signature that result sheets print
 * (`expert.handSignature`, sheets-and-results.md).
 *
 * - hand signature: a PNG data URL, `data:image/png;base64,<base64 of a PNG file>`.
 * - limit: the whole data URL, as it stands in the sheet, at most 200 KB = 204 800 characters
 *   (ASCII, so also bytes). We limit the text rather than the decoded image because the text is
 *   what every laptop has to read, sign and carry; 200 KB of base64 is about 150 KB of PNG,
 *   ample for a signature drawn on a pad.
 *
 * The check is on the text and the PNG file signature (its first 8 bytes); the image itself is
 * decoded only by whoever draws it, so a malformed PNG cannot reach the signing code as more
 * than an opaque string.
 */

export const HAND_SIGNATURE_PREFIX = 'data:image/png;base64,';
export const HAND_SIGNATURE_MAX_CHARS = 200 * 1024;

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_BODY = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export type HandSignatureCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly code: 'hand-signature-invalid' | 'hand-signature-too-large'; readonly message: string };

export function checkHandSignature(dataUrl: string): HandSignatureCheck {
  if (dataUrl.length > HAND_SIGNATURE_MAX_CHARS) {
    return {
      ok: false,
      code: 'hand-signature-too-large',
      message: `手写签名图片过大：${Math.ceil(dataUrl.length / 1024)} KB，最多 200 KB (handSignature larger than 200 KB)`,
    };
  }
  if (!dataUrl.startsWith(HAND_SIGNATURE_PREFIX)) {
    return {
      ok: false,
      code: 'hand-signature-invalid',
      message: '手写签名必须是 PNG 图片的 data URL，以 data:image/png;base64, 开头 (handSignature must be a PNG data URL)',
    };
  }
  const body = dataUrl.slice(HAND_SIGNATURE_PREFIX.length);
  if (body.length < 12 || !BASE64_BODY.test(body)) {
    return { ok: false, code: 'hand-signature-invalid', message: '手写签名的 base64 数据不对 (handSignature: malformed base64)' };
  }
  const head = decodeBase64Prefix(body.slice(0, 12));
  if (!PNG_MAGIC.every((byte, i) => head[i] === byte)) {
    return { ok: false, code: 'hand-signature-invalid', message: '手写签名不是 PNG 图片 (handSignature is not a PNG image)' };
  }
  return { ok: true };
}

/** Decodes whole 4-character groups of base64 (no padding): enough to read a file signature. */
function decodeBase64Prefix(text: string): number[] {
  const bytes: number[] = [];
  for (let i = 0; i + 4 <= text.length; i += 4) {
    let n = 0;
    for (let j = 0; j < 4; j += 1) n = (n << 6) | BASE64_ALPHABET.indexOf(text.charAt(i + j));
    bytes.push((n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff);
  }
  return bytes;
}
