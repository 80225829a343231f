/**
 * OLE compound files (`D0 CF 11 E0 A1 B1 1A E1`): the container of the old binary Office
 * formats (.doc, .xls) and of WPS Office's own (.wps, .et), and also of an OOXML file saved
 * with a password (an encrypted .docx or .xlsx is a compound file holding `EncryptedPackage`).
 * What it holds is told by the names of its streams, read here from its directory.
 *
 * Bounded parse of the bytes in memory: the FAT is read only from the sectors the header
 * lists, chains are followed at most as many steps as the file has sectors, and anything
 * pointing outside the bytes makes the file damaged (null).
 */

const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const END_OF_CHAIN = 0xfffffffe;
const HEADER_DIFAT = 109;

export function isCompoundFile(bytes: Uint8Array): boolean {
  return SIGNATURE.every((b, i) => bytes[i] === b);
}

export interface CompoundStream {
  readonly name: string;
  readonly start: number;
  readonly size: number;
}

export interface CompoundFile {
  readonly streams: readonly CompoundStream[];
  /** A stream's bytes (from the regular sectors, or the mini stream for small ones), or null when damaged. */
  readonly read: (stream: CompoundStream) => Uint8Array | null;
}

export function readCompoundFile(bytes: Uint8Array): CompoundFile | null {
  if (!isCompoundFile(bytes) || bytes.length < 512) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shift = view.getUint16(0x1e, true);
  if (shift !== 9 && shift !== 12) return null;
  const sectorSize = 1 << shift;
  const sectorCount = Math.floor((bytes.length - sectorSize) / sectorSize) + 1;
  const sectorOffset = (sector: number): number | null => {
    const offset = (sector + 1) * sectorSize;
    return sector < 0 || offset >= bytes.length ? null : offset;
  };
  const fatSectorCount = view.getUint32(0x2c, true);
  const fatSectors: number[] = [];
  for (let i = 0; i < Math.min(fatSectorCount, HEADER_DIFAT); i += 1) fatSectors.push(view.getUint32(0x4c + 4 * i, true));
  let difat = view.getUint32(0x44, true);
  for (let steps = 0; fatSectors.length < fatSectorCount && difat !== END_OF_CHAIN && steps < sectorCount; steps += 1) {
    const offset = sectorOffset(difat);
    if (offset === null) return null;
    for (let i = 0; i < sectorSize / 4 - 1 && fatSectors.length < fatSectorCount; i += 1) fatSectors.push(view.getUint32(offset + 4 * i, true));
    difat = view.getUint32(offset + sectorSize - 4, true);
  }
  const fatEntryAt = (sector: number): number | null => {
    const fatSector = fatSectors[Math.floor((sector * 4) / sectorSize)];
    if (fatSector === undefined) return null;
    const offset = sectorOffset(fatSector);
    if (offset === null) return null;
    const at = offset + ((sector * 4) % sectorSize);
    return at + 4 <= bytes.length ? view.getUint32(at, true) : null;
  };
  const chain = (start: number, maxBytes: number): Uint8Array | null => {
    const parts: Uint8Array[] = [];
    let total = 0;
    for (let sector = start, steps = 0; sector !== END_OF_CHAIN && total < maxBytes; steps += 1) {
      if (steps > sectorCount) return null;
      const offset = sectorOffset(sector);
      if (offset === null) return null;
      const part = bytes.subarray(offset, Math.min(offset + sectorSize, bytes.length));
      parts.push(part);
      total += part.length;
      const next = fatEntryAt(sector);
      if (next === null) return null;
      sector = next;
    }
    const out = new Uint8Array(Math.min(total, maxBytes));
    let at = 0;
    for (const part of parts) {
      const take = part.subarray(0, out.length - at);
      out.set(take, at);
      at += take.length;
    }
    return out;
  };
  const directory = chain(view.getUint32(0x30, true), bytes.length);
  if (directory === null) return null;
  const cutoff = view.getUint32(0x38, true);
  const streams: CompoundStream[] = [];
  let rootEntry: CompoundStream | null = null;
  const dir = new DataView(directory.buffer, directory.byteOffset, directory.byteLength);
  for (let at = 0; at + 128 <= directory.length; at += 128) {
    const type = directory[at + 66];
    const nameLength = dir.getUint16(at + 64, true);
    if ((type !== 1 && type !== 2 && type !== 5) || nameLength < 2 || nameLength > 64) continue;
    const name = new TextDecoder('utf-16le').decode(directory.subarray(at, at + nameLength - 2));
    const entry = { name, start: dir.getUint32(at + 116, true), size: dir.getUint32(at + 120, true) };
    if (type === 5) rootEntry = entry;
    else streams.push(entry);
  }
  // Streams below the cut-off live in the mini stream (the root entry's chain), in 64-byte
  // mini sectors chained by the mini FAT.
  const miniSize = 1 << view.getUint16(0x20, true);
  const readMini = (stream: CompoundStream): Uint8Array | null => {
    if (rootEntry === null) return null;
    const mini = chain(rootEntry.start, rootEntry.size);
    const miniFat = chain(view.getUint32(0x3c, true), view.getUint32(0x40, true) * sectorSize);
    if (mini === null || miniFat === null) return null;
    const fat = new DataView(miniFat.buffer, miniFat.byteOffset, miniFat.byteLength);
    const out = new Uint8Array(stream.size);
    let at = 0;
    for (let sector = stream.start, steps = 0; at < stream.size; steps += 1) {
      const offset = sector * miniSize;
      if (steps > mini.length / miniSize || offset >= mini.length || sector * 4 + 4 > miniFat.length) return null;
      const part = mini.subarray(offset, Math.min(offset + miniSize, mini.length, offset + stream.size - at));
      out.set(part, at);
      at += part.length;
      sector = fat.getUint32(sector * 4, true);
    }
    return out;
  };
  return {
    streams,
    read: (stream) => (stream.size < cutoff ? readMini(stream) : chain(stream.start, stream.size)),
  };
}

/** Sheets of a BIFF8 workbook stream (.xls, .et): BOUNDSHEET records before the globals' EOF. */
export function biffSheetCount(stream: Uint8Array): number | null {
  const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
  let sheets = 0;
  for (let at = 0; at + 4 <= stream.length; ) {
    const type = view.getUint16(at, true);
    const length = view.getUint16(at + 2, true);
    if (type === 0x000a) return sheets;
    if (type === 0x0085) sheets += 1;
    at += 4 + length;
  }
  return null;
}
