/**
 * Evidence inspection (shared/evidence/evidence-inspection.ts): what a package file is, from
 * its bytes: its type (never from its name), its pages, its sheets, whether the viewer can show
 * it, what is wrong with it, and whether it carries its own text. One module for the package
 * check (pages for `#page=N`, the `file-not-viewable` warning), the import, and the `evidence`
 * command.
 *
 * - bytes: the whole file, or, for a file larger than the reader keeps (`maxHeldBytes` when
 *   the file is also on disk, else `maxInspectBytes`), its first part, with `file`, when the
 *   importer has stored it, naming the complete file on disk. A PDF is then read by range
 *   from that file (pdf-inspection.ts) and an image's end from its last kilobyte; a container
 *   or a TIFF is read from it whole, up to `maxInspectBytes`. Without the whole file, the type
 *   is told from the head alone and pages, sheets and text are not counted (null / 'none').
 * - container: zip-based formats (Office, OpenDocument, OFD) are told apart by their parts,
 *   OLE compound files (old Office, WPS) by their streams; parts are read bounded
 *   (zip-members.ts).
 *
 * The bytes are consumed: a PDF's are handed to pdf.js. Pass a copy if you still need them.
 * The file, if named, must stay as it is until the inspection is done.
 */
import {
  damagedProblem,
  emptyProblem,
  mismatchProblem,
  passwordProblem,
  tooLargeProblem,
  unsupportedProblem,
  type EvidenceInspection,
  type EvidenceProblem,
} from '../../shared/evidence/evidence-inspection.ts';
import { expectedTypes, extensionOf, isViewableType, tooLargeToView, type EvidenceType } from '../../shared/evidence/evidence-type.ts';
import { isStored, readRange, readWhole, type EvidenceBytes } from './inspect/evidence-bytes.ts';
import { defaultLimits } from './limits.ts';
import { biffSheetCount, isCompoundFile, readCompoundFile } from './inspect/ole-compound-file.ts';
import { inspectPdfCapped } from './inspect/capped-pdf-inspection.ts';
import type { PdfInspection } from './inspect/pdf-inspection.ts';
import { isPlainText } from './inspect/text-encoding.ts';
import { tiffPageCount } from './inspect/tiff-pages.ts';
import { openZipInMemory, type ZipInMemory } from './inspect/zip-members.ts';

export interface InspectInput {
  /** The file's package path: named in messages, and its extension is compared with the content. */
  readonly path: string;
  /** The file's bytes, or its first part when `size` is larger. */
  readonly bytes: Uint8Array;
  readonly size: number;
  /** The complete file on disk (the importer's staged copy) when `bytes` is only its head. */
  readonly file?: string | undefined;
}

export interface InspectOptions {
  /** Largest part of a container (an XML part of an Office or OFD file) read to count pages or sheets. */
  readonly maxPartBytes?: number;
  /** Most entries a container may have to be looked into. */
  readonly maxParts?: number;
  /**
   * Inspects a complete PDF, its bytes or its stored file; default the capped pdf.js worker.
   * The importer passes one that reads the cross-check's page features in the same opening
   * (electron/integrity/).
   */
  readonly inspectPdf?: (source: EvidenceBytes) => Promise<PdfInspection>;
}

const MiB = 1024 * 1024;
const defaults = { maxPartBytes: 32 * MiB, maxParts: 20_000 };

interface Findings {
  readonly type: EvidenceType;
  readonly pages?: number | null;
  readonly sheets?: number | null;
  readonly text?: boolean;
  /** Damaged (with what is wrong), password-protected, or neither. */
  readonly damaged?: string;
  /** Damaged but still shown (a PDF cut short that pdf.js still opens). */
  readonly stillShown?: boolean;
  readonly password?: boolean;
}

const ascii = (bytes: Uint8Array, from: number, to: number): string => String.fromCharCode(...bytes.subarray(from, to));
const starts = (bytes: Uint8Array, ...signature: number[]): boolean => signature.every((b, i) => bytes[i] === b);

const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs', 'mif1', 'msf1']);

/**
 * The type a file's first bytes announce; 'ole' and 'zip' are containers told apart later.
 * Exported for the cross-check, which needs only to know an image or a PDF by its head.
 */
export function signatureType(head: Uint8Array): EvidenceType | 'ole' | null {
  if (ascii(head, 0, Math.min(head.length, 1024)).includes('%PDF-')) return 'pdf';
  if (starts(head, 0xff, 0xd8, 0xff)) return 'jpeg';
  if (starts(head, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png';
  if (ascii(head, 0, 6) === 'GIF87a' || ascii(head, 0, 6) === 'GIF89a') return 'gif';
  if (ascii(head, 0, 2) === 'BM' && head.length >= 18 && [12, 40, 52, 56, 64, 108, 124].includes(head[14] ?? 0)) return 'bmp';
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return 'webp';
  if (starts(head, 0x49, 0x49, 0x2a, 0x00) || starts(head, 0x4d, 0x4d, 0x00, 0x2a)) return 'tiff';
  if (starts(head, 0x49, 0x49, 0x2b, 0x00) || starts(head, 0x4d, 0x4d, 0x00, 0x2b)) return 'tiff';
  if (ascii(head, 4, 8) === 'ftyp' && (HEIC_BRANDS.has(ascii(head, 8, 12)) || ascii(head, 16, 32).match(/heic|heix|mif1/) !== null)) return 'heic';
  if (ascii(head, 0, 5) === '{\\rtf') return 'rtf';
  if (isCompoundFile(head)) return 'ole';
  if (starts(head, 0x50, 0x4b, 0x03, 0x04) || starts(head, 0x50, 0x4b, 0x05, 0x06)) return 'zip';
  return null;
}

/** The expected type of the file's extension among `candidates`, else `fallback`. */
function byExtension(path: string, candidates: readonly EvidenceType[], fallback: EvidenceType): EvidenceType {
  return expectedTypes(path)?.find((t) => candidates.includes(t)) ?? fallback;
}

function compoundFindings(path: string, bytes: Uint8Array, complete: boolean): Findings {
  const guess = byExtension(path, ['doc', 'wps', 'xls', 'et'], 'unknown');
  if (!complete) return { type: guess };
  const file = readCompoundFile(bytes);
  if (file === null) return { type: guess, damaged: '文件结构无法读取' };
  const names = new Set(file.streams.map((s) => s.name));
  // Word and Excel save a password-protected .docx/.xlsx as a compound file around the zip.
  if (names.has('EncryptedPackage')) return { type: byExtension(path, ['docx', 'xlsx'], 'unknown'), password: true };
  if (names.has('WordDocument')) return { type: byExtension(path, ['doc', 'wps'], 'doc'), text: true };
  const workbook = file.streams.find((s) => s.name === 'Workbook' || s.name === 'Book');
  if (workbook !== undefined) {
    const stream = file.read(workbook);
    return { type: byExtension(path, ['xls', 'et'], 'xls'), sheets: stream === null ? null : biffSheetCount(stream), text: true };
  }
  // WPS Office's own formats are compound files without Word's or Excel's streams.
  const wps = byExtension(path, ['wps', 'et'], 'unknown');
  return { type: wps, text: wps !== 'unknown' };
}

const utf8 = new TextDecoder('utf-8');
const count = (text: string, pattern: RegExp): number => text.match(pattern)?.length ?? 0;

async function zipFindings(path: string, bytes: Uint8Array, complete: boolean, options: typeof defaults): Promise<Findings> {
  const guess = byExtension(path, ['docx', 'xlsx', 'odt', 'ods', 'ofd', 'zip'], 'zip');
  if (!complete) return { type: guess };
  const opened = await openZipInMemory(bytes, options.maxParts);
  if (!opened.ok) return { type: guess, damaged: opened.reason === 'damaged' ? '压缩结构已损坏' : '内部文件过多' };
  const zip = opened.zip;
  try {
    return await containerFindings(zip, options);
  } finally {
    zip.close();
  }
}

async function containerFindings(zip: ZipInMemory, options: typeof defaults): Promise<Findings> {
  const byName = new Map(zip.members.map((m) => [m.name, m]));
  const part = async (name: string): Promise<string | null> => {
    const member = byName.get(name);
    if (member === undefined) return null;
    const bytes = await zip.read(member, options.maxPartBytes);
    return bytes === null ? null : utf8.decode(bytes);
  };
  if (byName.has('[Content_Types].xml') && byName.has('word/document.xml')) return { type: 'docx', text: true };
  if (byName.has('[Content_Types].xml') && byName.has('xl/workbook.xml')) {
    const workbook = await part('xl/workbook.xml');
    return { type: 'xlsx', sheets: workbook === null ? null : count(workbook, /<(?:\w+:)?sheet[\s/>]/g), text: true };
  }
  const mimetype = (await part('mimetype'))?.trim();
  if (mimetype === 'application/vnd.oasis.opendocument.text') return { type: 'odt', text: true };
  if (mimetype === 'application/vnd.oasis.opendocument.spreadsheet') {
    const content = await part('content.xml');
    return { type: 'ods', sheets: content === null ? null : count(content, /<table:table[\s/>]/g), text: true };
  }
  if (byName.has('OFD.xml')) return ofdFindings(part, zip);
  // A plain zip, whatever its name says (a .docx without Word's parts is not a Word file).
  return { type: 'zip' };
}

/** OFD (GB/T 33190): OFD.xml names the document's root (Document.xml), which lists its pages. */
async function ofdFindings(part: (name: string) => Promise<string | null>, zip: ZipInMemory): Promise<Findings> {
  const ofd = await part('OFD.xml');
  const root = ofd === null ? undefined : /<(?:\w+:)?DocRoot>\s*([^<]+?)\s*<\/(?:\w+:)?DocRoot>/.exec(ofd)?.[1];
  if (root === undefined) return { type: 'ofd', damaged: 'OFD.xml 里没有文档入口' };
  const rootPath = root.replace(/^\/+/, '');
  const document = await part(rootPath);
  if (document === null) return { type: 'ofd', damaged: `找不到文档 ${rootPath}` };
  const pages = count(document, /<(?:\w+:)?Page[\s/>]/g);
  if (pages === 0) return { type: 'ofd', damaged: '文档没有页' };
  const folder = rootPath.includes('/') ? rootPath.slice(0, rootPath.lastIndexOf('/') + 1) : '';
  let text = false;
  for (const member of zip.members) {
    if (text) break;
    if (!member.name.startsWith(folder) || !member.name.endsWith('Content.xml')) continue;
    text = (await part(member.name))?.includes('TextCode') ?? false;
  }
  return { type: 'ofd', pages, text };
}

function imageEnd(type: EvidenceType, bytes: Uint8Array): string | undefined {
  const tail = bytes.subarray(Math.max(0, bytes.length - 1024));
  if (type === 'jpeg' && !tail.some((b, i) => b === 0xff && tail[i + 1] === 0xd9)) return '图片数据不完整，缺少结尾';
  if (type === 'png' && !ascii(tail, 0, tail.length).includes('IEND')) return '图片数据不完整，缺少结尾';
  return undefined;
}

/** The whole file, in memory or on disk, or null when only its head is there. */
export function wholeFile(input: InspectInput): EvidenceBytes | null {
  if (input.bytes.length >= input.size) return input.bytes;
  return input.file === undefined ? null : { file: input.file, size: input.size };
}

async function findings(input: InspectInput, options: typeof defaults & InspectOptions): Promise<Findings> {
  const { path, bytes, size } = input;
  const whole = wholeFile(input);
  // Containers and TIFF are read from memory: a stored one is read whole, within the old bound.
  const held = async (): Promise<Uint8Array | null> =>
    whole === null ? null : !isStored(whole) ? whole : size <= defaultLimits.maxInspectBytes ? readWhole(whole) : null;
  const signature = signatureType(bytes);
  switch (signature) {
    case 'ole': {
      const all = await held();
      return compoundFindings(path, all ?? bytes, all !== null);
    }
    case 'zip': {
      const all = await held();
      return zipFindings(path, all ?? bytes, all !== null, options);
    }
    case 'pdf': {
      if (whole === null) return { type: 'pdf' };
      const pdf = await (options.inspectPdf ?? inspectPdfCapped)(whole);
      if (pdf.kind === 'password') return { type: 'pdf', password: true };
      if (pdf.kind === 'damaged') return { type: 'pdf', damaged: pdf.detail };
      return pdf.truncated
        ? { type: 'pdf', pages: pdf.pages, text: pdf.text, damaged: '文件不完整，缺少结尾，可能缺页', stillShown: true }
        : { type: 'pdf', pages: pdf.pages, text: pdf.text };
    }
    case 'tiff': {
      const all = await held();
      if (all === null) return { type: 'tiff' };
      const counted = tiffPageCount(all);
      return counted.ok ? { type: 'tiff', pages: counted.pages } : { type: 'tiff', damaged: counted.detail };
    }
    case 'rtf':
      return { type: 'rtf', text: true };
    case null:
      if (isPlainText(bytes)) return { type: extensionOf(path) === 'csv' ? 'csv' : 'txt', text: true };
      return { type: 'unknown' };
    default: {
      const damaged = whole === null ? undefined : imageEnd(signature, await readRange(whole, size - 1024, size));
      return damaged === undefined ? { type: signature } : { type: signature, damaged, stillShown: true };
    }
  }
}

export async function inspectEvidence(input: InspectInput, options: InspectOptions = {}): Promise<EvidenceInspection> {
  const resolved = { ...defaults, ...options };
  const { path } = input;
  if (input.size === 0) {
    return { type: 'unknown', pages: null, sheets: null, viewable: false, problem: emptyProblem(path), text: 'none' };
  }
  const found = await findings(input, resolved);
  // The viewer asks for a PDF's password; an encrypted Office file it cannot open at all.
  const locked = found.password === true && found.type !== 'pdf';
  const large = tooLargeToView(found.type, input.size);
  const shown = isViewableType(found.type) && !locked && !large && (found.damaged === undefined || found.stillShown === true);
  const expected = expectedTypes(path);
  const mismatch = expected !== undefined && !expected.includes(found.type);
  let problem: EvidenceProblem | null = null;
  if (found.password === true) problem = passwordProblem(path, found.type);
  else if (found.damaged !== undefined) problem = damagedProblem(path, found.type, found.damaged);
  else if (large && isViewableType(found.type)) problem = tooLargeProblem(path, found.type, input.size);
  else if (!shown) problem = unsupportedProblem(path, found.type);
  else if (mismatch) problem = mismatchProblem(path, found.type);
  return {
    type: found.type,
    pages: found.pages ?? null,
    sheets: found.sheets ?? null,
    viewable: shown,
    problem,
    text: found.text === true ? 'document' : 'none',
  };
}
