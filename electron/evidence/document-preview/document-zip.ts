/**
 * The parts of a zip-based document (.docx, .odt) held in memory, read by name through
 * zip-members.ts: each part only up to the size it declares and only within a cap, so a part
 * that inflates to gigabytes is never inflated.
 */
import { openZipInMemory, type ZipMember } from '../../package-reader/inspect/zip-members.ts';

const MiB = 1024 * 1024;
/** Largest XML part read (a body, a header, content.xml). */
export const MAX_XML_PART_BYTES = 64 * MiB;
const MAX_ENTRIES = 20_000;

export interface DocumentZip {
  has(name: string): boolean;
  /** The part as UTF-8 text, or null when it is missing or over the cap. */
  text(name: string): Promise<string | null>;
  /** The part's bytes, or null when it is missing or larger than `cap`. */
  bytes(name: string, cap: number): Promise<Uint8Array | null>;
  /** The part's declared size, or null when missing. */
  size(name: string): number | null;
  close(): void;
}

/** Thrown for bytes that are no readable zip. */
export class NotAZip extends Error {}

const utf8 = new TextDecoder('utf-8');

export async function openDocumentZip(bytes: Uint8Array): Promise<DocumentZip> {
  const opened = await openZipInMemory(bytes, MAX_ENTRIES);
  if (!opened.ok) throw new NotAZip(opened.reason);
  const zip = opened.zip;
  const byName = new Map<string, ZipMember>(zip.members.map((m) => [m.name, m]));
  const read = async (name: string, cap: number): Promise<Uint8Array | null> => {
    const member = byName.get(name);
    return member === undefined ? null : zip.read(member, cap);
  };
  return {
    has: (name) => byName.has(name),
    text: async (name) => {
      const part = await read(name, MAX_XML_PART_BYTES);
      return part === null ? null : utf8.decode(part);
    },
    bytes: read,
    size: (name) => byName.get(name)?.size ?? null,
    close: () => zip.close(),
  };
}

/** A relationship target resolved against the folder of the part that names it (`word/` + `media/a.png`). */
export function resolvePartPath(fromFolder: string, target: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return null; // an external link: never fetched
  const segments = (target.startsWith('/') ? target.slice(1) : `${fromFolder}${target}`).split('/');
  const resolved: string[] = [];
  for (const segment of segments) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (resolved.pop() === undefined) return null;
    } else resolved.push(segment);
  }
  return resolved.join('/');
}
