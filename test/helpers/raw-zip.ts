/**
 * Raw zip writer for tests: builds zip bytes field by field (local headers, data, central
 * directory, end record), for the zips yazl cannot make on purpose: names in GBK without the
 * UTF-8 flag, Info-ZIP Unicode Path extra fields, NFD names, unsafe names, the encrypted flag,
 * link attributes, lying sizes, bad CRCs, zip bombs, local headers that disagree with the
 * central directory, and central records that share one entry's data (overlapping entries). Every field not given is filled in
 * correctly, so each test changes exactly the one thing it is about.
 *
 * Kept apart from package-builder.ts on purpose: that builder makes the zips ordinary tools
 * make (through yazl), this one makes byte-level broken or unusual zips for reader attacks.
 */
import { crc32, deflateRawSync } from 'node:zlib';

export interface RawExtraField {
  readonly id: number;
  readonly data: Uint8Array;
}

export interface RawEntry {
  /** A string is written as UTF-8; give bytes for any other encoding. */
  readonly name: string | Uint8Array;
  readonly data?: Uint8Array | string;
  /** 0 stored, 8 deflate (default), or any other number to claim an unsupported method. */
  readonly method?: number;
  /** General purpose bit flag; bit 11 (UTF-8) is NOT set unless given here. */
  readonly flags?: number;
  readonly extraFields?: readonly RawExtraField[];
  readonly externalAttributes?: number;
  /** Default 0x031e: Unix host, spec 3.0. */
  readonly versionMadeBy?: number;
  /** Lies: what the headers declare instead of the truth. */
  readonly declaredCrc32?: number;
  readonly declaredSize?: number;
  readonly declaredPackedSize?: number;
  /** Bytes written as the packed data instead of compressing `data` (e.g. a ready-made bomb). */
  readonly packedData?: Uint8Array;
  /** What the local header says where it disagrees with the central record. */
  readonly local?: {
    readonly name?: string | Uint8Array;
    readonly flags?: number;
    readonly method?: number;
    readonly crc32?: number;
    readonly size?: number;
    readonly packedSize?: number;
    readonly extraFields?: readonly RawExtraField[];
  };
  /**
   * Writes no local header or data of its own: this central record points at the local header
   * of entry number `sameDataAs` (an earlier one), as overlapping-entry zip bombs do.
   */
  readonly sameDataAs?: number;
}

function bytesOf(value: string | Uint8Array | undefined): Uint8Array {
  if (value === undefined) return new Uint8Array(0);
  return typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
}

function extraBytes(fields: readonly RawExtraField[]): Buffer {
  return Buffer.concat(
    fields.map((field) => {
      const header = Buffer.alloc(4);
      header.writeUInt16LE(field.id, 0);
      header.writeUInt16LE(field.data.length, 2);
      return Buffer.concat([header, field.data]);
    }),
  );
}

/** An Info-ZIP Unicode Path extra field for `rawName`, carrying `unicodeName`. */
export function unicodePathField(rawName: Uint8Array, unicodeName: string, options: { crc?: number; version?: number } = {}): RawExtraField {
  const name = Buffer.from(unicodeName, 'utf8');
  const data = Buffer.alloc(5 + name.length);
  data.writeUInt8(options.version ?? 1, 0);
  data.writeUInt32LE(options.crc ?? crc32(rawName), 1);
  name.copy(data, 5);
  return { id: 0x7075, data };
}

export function rawZip(entries: readonly RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  const offsets: number[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(bytesOf(entry.name));
    const data = bytesOf(entry.data);
    const method = entry.method ?? 8;
    const packed = entry.packedData ?? (method === 8 ? deflateRawSync(data) : data);
    const crc = entry.declaredCrc32 ?? crc32(data);
    const size = entry.declaredSize ?? data.length;
    const packedSize = entry.declaredPackedSize ?? packed.length;
    const flags = entry.flags ?? 0;
    const extra = extraBytes(entry.extraFields ?? []);

    const lies = entry.local ?? {};
    const localName = lies.name === undefined ? name : Buffer.from(bytesOf(lies.name));
    const localExtra = lies.extraFields === undefined ? extra : extraBytes(lies.extraFields);
    const at = entry.sameDataAs === undefined ? offset : offsets[entry.sameDataAs];
    if (at === undefined) throw new Error('rawZip: sameDataAs must name an earlier entry');
    offsets.push(at);
    if (entry.sameDataAs === undefined) {
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(20, 4);
      local.writeUInt16LE(lies.flags ?? flags, 6);
      local.writeUInt16LE(lies.method ?? method, 8);
      local.writeUInt16LE(0, 10); // time
      local.writeUInt16LE(0x5a21, 12); // date: 2025-01-01
      local.writeUInt32LE((lies.crc32 ?? crc) >>> 0, 14);
      local.writeUInt32LE(lies.packedSize ?? packedSize, 18);
      local.writeUInt32LE(lies.size ?? size, 22);
      local.writeUInt16LE(localName.length, 26);
      local.writeUInt16LE(localExtra.length, 28);
      locals.push(local, localName, localExtra, Buffer.from(packed));
      offset += 30 + localName.length + localExtra.length + packed.length;
    }

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(entry.versionMadeBy ?? 0x031e, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x5a21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packedSize, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(extra.length, 30);
    central.writeUInt16LE(0, 32); // comment length
    central.writeUInt16LE(0, 34); // disk
    central.writeUInt16LE(0, 36); // internal attributes
    central.writeUInt32LE((entry.externalAttributes ?? (0o100644 << 16)) >>> 0, 38);
    central.writeUInt32LE(at, 42);
    centrals.push(central, name, extra);
  }
  const centralDirectory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(0, 4);
  end.writeUInt16LE(0, 6);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralDirectory.length, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(0, 20);
  return Buffer.concat([...locals, centralDirectory, end]);
}

/** Unix mode bits for `externalAttributes`. */
export const unixMode = {
  file: (0o100644 << 16) >>> 0,
  directory: (0o040755 << 16) >>> 0,
  symlink: (0o120777 << 16) >>> 0,
  fifo: (0o010644 << 16) >>> 0,
} as const;

/** Name bytes in GBK (GB18030), as Chinese Windows zip tools write them. */
export function gbk(text: string): Uint8Array {
  return encodeGb18030(text);
}

// TextEncoder only writes UTF-8, so GBK bytes come from a small table of the characters our
// tests use, checked by decoding them back with Node's GB18030 decoder in the helper's test.
const gbkTable: Readonly<Record<string, readonly number[]>> = {
  证: [0xd6, 0xa4],
  明: [0xc3, 0xf7],
  材: [0xb2, 0xc4],
  料: [0xc1, 0xcf],
  合: [0xba, 0xcf],
  同: [0xcd, 0xac],
  自: [0xd7, 0xd4],
  查: [0xb2, 0xe9],
  报: [0xb1, 0xa8],
  告: [0xb8, 0xe6],
  联: [0xc1, 0xaa],
  盟: [0xc3, 0xcb],
};

function encodeGb18030(text: string): Uint8Array {
  const out: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) {
      out.push(code);
      continue;
    }
    const bytes = gbkTable[char];
    if (bytes === undefined) throw new Error(`gbk(): add ${char} to the test table`);
    out.push(...bytes);
  }
  return Uint8Array.from(out);
}
