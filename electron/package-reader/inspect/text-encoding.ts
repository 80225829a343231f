/**
 * Plain text: whether bytes are text a person could read, in the encodings Chinese offices
 * write: UTF-8, UTF-16 with a byte-order mark, or GBK/GB18030 (what Notepad saved as “ANSI” on
 * Chinese Windows). Control characters other than tab, line breaks and form feed mean binary.
 * Only the first `sampleBytes` are decoded (a character cut at the end of the sample is fine).
 */

const SAMPLE_BYTES = 1024 * 1024;

/** C0 controls except tab, line feed, vertical tab, form feed and carriage return; and DEL. */
function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x09 || (code > 0x0d && code < 0x20) || code === 0x7f) return true;
  }
  return false;
}

function decodes(encoding: string, bytes: Uint8Array, partial: boolean): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes, { stream: partial });
  } catch {
    return null;
  }
}

export function isPlainText(bytes: Uint8Array, sampleBytes = SAMPLE_BYTES): boolean {
  if (bytes.length === 0) return false;
  const partial = bytes.length > sampleBytes;
  const sample = partial ? bytes.subarray(0, sampleBytes) : bytes;
  let text: string | null;
  if (sample[0] === 0xff && sample[1] === 0xfe) text = decodes('utf-16le', sample, partial);
  else if (sample[0] === 0xfe && sample[1] === 0xff) text = decodes('utf-16be', sample, partial);
  else if (sample.includes(0)) return false;
  else text = decodes('utf-8', sample, partial) ?? decodes('gb18030', sample, partial);
  return text !== null && !hasControl(text);
}

/** The text of plain-text bytes in the same encodings (BOM dropped), or null when they are not text. */
export function decodePlainText(bytes: Uint8Array): string | null {
  if (!isPlainText(bytes, bytes.length)) return null;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodes('utf-16le', bytes, false);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodes('utf-16be', bytes, false);
  return decodes('utf-8', bytes, false) ?? decodes('gb18030', bytes, false);
}
