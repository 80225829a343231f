/**
 * GBK names: the bytes a Chinese Windows zip tool (Explorer's "send to compressed folder" on a
 * Chinese system, older WinRAR and 7-Zip defaults) writes for a file name: code page 936, no
 * UTF-8 flag. Node can decode GBK but not encode it, so the table is built by decoding every
 * two-byte GBK code once and inverting it.
 */
let table: Map<string, readonly [number, number]> | undefined;

function gbkTable(): Map<string, readonly [number, number]> {
  if (table !== undefined) return table;
  const decoder = new TextDecoder('gbk', { fatal: true });
  const made = new Map<string, readonly [number, number]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      let char: string;
      try {
        char = decoder.decode(new Uint8Array([lead, trail]));
      } catch {
        continue;
      }
      if (char.length === 1 && !made.has(char)) made.set(char, [lead, trail]);
    }
  }
  table = made;
  return made;
}

/** The GBK bytes of `text`; throws on a character GBK cannot write (the sample would lie). */
export function encodeGbk(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) {
      bytes.push(code);
      continue;
    }
    const pair = gbkTable().get(char);
    if (pair === undefined) throw new Error(`GBK cannot encode ${JSON.stringify(char)} in ${text}`);
    bytes.push(pair[0], pair[1]);
  }
  return new Uint8Array(bytes);
}
