/**
 * OFD container (GB/T 33190-2016 §7): an OFD file is a zip whose parts are XML files and
 * resources, named by paths. This module reads parts from the zip in memory, bounded, and parses
 * the XML ones with @xmldom/xmldom.
 *
 * - part: a member of the zip, named by its path from the root (`Doc_0/Pages/Page_0/Content.xml`).
 * - location (ST_Loc): how one part names another: absolute from the root when it starts with
 *   `/`, else relative to the folder of the part that names it. Resolved locations are only
 *   looked up among the zip's own members, so no location can reach anything outside the file.
 * - element names are compared by local name: producers write `ofd:Page` or `Page` alike.
 *
 * Why @xmldom/xmldom: a maintained W3C DOM parser in plain JavaScript (no install script, no
 * native part), already in the tree for mammoth; a DOM keeps the document order that drawing
 * needs (later objects paint over earlier ones), which event or object parsers lose or bury.
 * It expands no external entities and fetches nothing.
 */
import { DOMParser, type Element } from '@xmldom/xmldom';
import { openZipInMemory, type ZipInMemory, type ZipMember } from '../../package-reader/inspect/zip-members.ts';

export interface OfdBounds {
  /** Most members the zip may have. */
  readonly maxParts: number;
  /** Largest part (XML or resource) read. */
  readonly maxPartBytes: number;
  /** Most pages drawn; further pages are left out with a notice. */
  readonly maxPages: number;
  /** Most graphic objects drawn on one page (its template and annotations included). */
  readonly maxObjectsPerPage: number;
  /** Most bytes of images embedded in one page's SVG. */
  readonly maxImageBytesPerPage: number;
  /** Most bytes of images embedded in all pages together (the worker holds every page until it answers). */
  readonly maxImageBytes: number;
}

const MiB = 1024 * 1024;

export const defaultOfdBounds: OfdBounds = {
  maxParts: 20_000,
  maxPartBytes: 16 * MiB,
  maxPages: 500,
  maxObjectsPerPage: 50_000,
  maxImageBytesPerPage: 24 * MiB,
  maxImageBytes: 96 * MiB,
};

export class OfdUnreadable extends Error {}

export interface OfdContainer {
  /** The bytes of the part at `path` (resolved), or null when absent, too large or damaged. */
  part(path: string): Promise<Uint8Array | null>;
  /** The root element of the XML part at `path`, or null when absent or not XML. */
  xml(path: string): Promise<Element | null>;
  close(): void;
}

/** `loc` as a path from the root, seen from the part `from` (a path from the root, or '' for the root). */
export function resolveLoc(from: string, loc: string): string {
  const trimmed = loc.trim().replace(/\\/g, '/');
  const base = trimmed.startsWith('/') ? [] : from.split('/').slice(0, -1);
  const parts = [...base];
  for (const segment of trimmed.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') parts.pop();
    else parts.push(segment);
  }
  return parts.join('/');
}

/** The folder of a part, as a base for `resolveLoc` of locations inside that folder. */
export function inFolder(folder: string): string {
  return folder === '' ? '' : `${folder.replace(/\/+$/, '')}/x`;
}

function parseXml(bytes: Uint8Array): Element | null {
  try {
    let fatal = false;
    const doc = new DOMParser({
      onError: (level) => {
        if (level === 'fatalError') fatal = true;
      },
    }).parseFromString(new TextDecoder('utf-8').decode(bytes), 'text/xml');
    return fatal ? null : doc.documentElement;
  } catch {
    return null;
  }
}

export async function openOfdContainer(bytes: Uint8Array, bounds: OfdBounds): Promise<OfdContainer> {
  const opened = await openZipInMemory(bytes, bounds.maxParts);
  if (!opened.ok) throw new OfdUnreadable(opened.reason === 'damaged' ? 'OFD 文件的压缩结构已损坏' : 'OFD 文件内部文件过多');
  const zip: ZipInMemory = opened.zip;
  // Names compared as written (with `\` read as `/`), and case-insensitively as a fallback:
  // producers on Windows write `Doc_0/pages/page_0` beside `Pages/Page_0`.
  const members = new Map<string, ZipMember>();
  const folded = new Map<string, ZipMember>();
  for (const member of zip.members) {
    if (member.directory) continue;
    const name = member.name.replace(/\\/g, '/').replace(/^\/+/, '');
    members.set(name, member);
    if (!folded.has(name.toLowerCase())) folded.set(name.toLowerCase(), member);
  }
  const parsed = new Map<string, Element | null>();
  const part = async (path: string): Promise<Uint8Array | null> => {
    const member = members.get(path) ?? folded.get(path.toLowerCase());
    return member === undefined ? null : zip.read(member, bounds.maxPartBytes);
  };
  return {
    part,
    xml: async (path) => {
      if (parsed.has(path)) return parsed.get(path) ?? null;
      const data = await part(path);
      const root = data === null ? null : parseXml(data);
      parsed.set(path, root);
      return root;
    },
    close: () => zip.close(),
  };
}

// DOM helpers by local name.

export function children(element: Element | null | undefined, name?: string): Element[] {
  const found: Element[] = [];
  if (!element) return found;
  for (let node = element.firstChild; node !== null; node = node.nextSibling) {
    if (node.nodeType === 1 && (name === undefined || (node as Element).localName === name)) found.push(node as Element);
  }
  return found;
}

export function child(element: Element | null | undefined, name: string): Element | undefined {
  return children(element, name)[0];
}

/** The element at the end of `names`, each a child of the one before. */
export function descendant(element: Element | null | undefined, ...names: string[]): Element | undefined {
  let at: Element | undefined = element ?? undefined;
  for (const name of names) at = child(at, name);
  return at;
}

export function textOf(element: Element | null | undefined): string {
  return element?.textContent?.trim() ?? '';
}

export function attr(element: Element, name: string): string | null {
  return element.hasAttribute(name) ? element.getAttribute(name) : null;
}

/** Numbers of an ST_Array or ST_Box attribute (`0 0 210 297`); an unreadable one is NaN. */
export function numbers(value: string | null | undefined): number[] {
  if (value === null || value === undefined || value.trim() === '') return [];
  return value.trim().split(/[\s,]+/).map(Number);
}

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export function box(value: string | null | undefined): Box | null {
  const n = numbers(value);
  if (n.length !== 4 || n.some((v) => !Number.isFinite(v))) return null;
  return { x: n[0]!, y: n[1]!, width: n[2]!, height: n[3]! };
}
