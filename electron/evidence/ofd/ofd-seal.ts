/**
 * Seal pictures of OFD signatures: a signature's SignedValue.dat is an SES_Signature (GM/T
 * 0031-2014, or GB/T 38540-2020), DER-encoded. The electronic seal inside it carries its
 * picture as SES_ESPictrueInfo ::= SEQUENCE { type IA5String, data OCTET STRING, width INTEGER,
 * height INTEGER }, where type is the picture's format (`OFD`, `PNG`, `JPG`, `GIF`, `BMP`, `SVG`).
 *
 * The two versions nest that sequence at different depths (and vendors add fields), so the
 * picture is found by its shape, the first sequence of a known type string followed by an
 * octet string, rather than by a fixed path. Parsed with asn1js (already the app's DER reader
 * for signatures); the signature itself is not verified here: the preview shows the seal, it
 * does not vouch for it.
 */
import { fromBER, OctetString, Sequence, type AsnType } from 'asn1js';

export interface SealPicture {
  /** Lowercase: `ofd`, `png`, `jpg`, `gif`, `bmp` or `svg`. */
  readonly type: string;
  readonly data: Uint8Array;
}

const pictureTypes = new Set(['ofd', 'png', 'jpg', 'jpeg', 'gif', 'bmp', 'svg']);
/** Deep enough for both versions with vendor extensions; a deeper tree is not a seal. */
const MAX_DEPTH = 12;

function stringValue(node: AsnType): string | null {
  const block = (node as { valueBlock?: { value?: unknown; valueHexView?: Uint8Array } }).valueBlock;
  if (block === undefined) return null;
  if (typeof block.value === 'string') return block.value;
  return null;
}

function find(node: AsnType, depth: number): SealPicture | null {
  if (depth > MAX_DEPTH || !(node instanceof Sequence)) {
    // Constructed non-sequence nodes (SET, context tags) are looked into as well.
    const inner = (node as { valueBlock?: { value?: unknown } }).valueBlock?.value;
    if (depth > MAX_DEPTH || !Array.isArray(inner)) return null;
    for (const item of inner as AsnType[]) {
      const found = find(item, depth + 1);
      if (found) return found;
    }
    return null;
  }
  const items = node.valueBlock.value;
  const [first, second] = items;
  if (first !== undefined && second instanceof OctetString) {
    const type = stringValue(first)?.trim().toLowerCase();
    if (type !== undefined && pictureTypes.has(type)) {
      return { type: type === 'jpeg' ? 'jpg' : type, data: new Uint8Array(second.valueBlock.valueHexView) };
    }
  }
  for (const item of items) {
    const found = find(item, depth + 1);
    if (found) return found;
  }
  return null;
}

/** The seal picture of a SignedValue.dat, or null when it holds none this reader finds. */
export function sealPicture(signedValue: Uint8Array): SealPicture | null {
  try {
    const parsed = fromBER(signedValue);
    if (parsed.offset === -1) return null;
    return find(parsed.result, 0);
  } catch {
    return null;
  }
}
