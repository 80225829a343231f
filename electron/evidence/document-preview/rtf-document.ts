/**
 * .rtf: read by a small bounded RTF reader written here. The RTF libraries on npm either
 * render into a browser DOM (rtf.js), are unmaintained and decode only ANSI (rtf-parser,
 * rtf-to-html), or give text without headers, tables or pictures; Chinese RTF needs the
 * code page of each font (\ansicpg936, \fcharset134: GBK bytes written as \'xx pairs) and
 * \uN with its \ucN fallback skipping, which none of them handle together.
 *
 * What it reads (RTF 1.9.1 terms):
 * - text: plain characters, \'xx bytes decoded by the current font's \fcharset or the
 *   document's \ansicpg (a run of them at once, so double-byte GBK pairs decode), \uN
 *   (then skipping \ucN fallback characters), \tab, \line, the symbol words (\emdash, \bullet…);
 * - paragraphs: \par, with \qc/\qr/\qj alignment and a heading level from \outlinelevelN
 *   or the paragraph style's outline level in the stylesheet; \pard resets them;
 * - tables: \intbl paragraphs, \cell, \row, with \clmgf/\clmrg (merged columns) and
 *   \clvmgf/\clvmrg (merged rows) of the row's \cellx definitions; nested cells are flattened;
 * - parts: \header… and \footer… (each distinct one once), \footnote (the notes);
 * - pictures: \pict with \pngblip, \jpegblip (drawn), \dibitmap (given a BMP header),
 *   \emfblip, \wmetafile, \macpict (named, not drawn), as hex or \binN data; shape pictures
 *   (\shpinst … pib) too, their fallback copies (\nonshppict, \shprslt) not twice;
 * - skipped: font, colour, style, list and revision tables, document info, field
 *   instructions, and every unknown \* destination, as the specification says.
 *
 * Bounded: one pass over the text, group nesting at most 1000 deep (deeper is refused), a
 * picture's data at most 10 MB (larger is named, not kept).
 */
import type { DocumentBlock } from '../../../shared/api/evidence-preview-types.ts';
import { BlockList, cell, MAX_BODY_BLOCKS, MAX_PART_BLOCKS, paragraph } from './document-blocks.ts';
import { NotThisFormat, type DocumentContent } from './document-content.ts';
import { ImageBudget, MAX_IMAGE_BYTES } from './document-images.ts';

type Align = NonNullable<Extract<DocumentBlock, { type: 'paragraph' }>['align']>;
type PartName = 'body' | 'header' | 'footer' | 'notes';
/** What a group's content is: document text (of `part`), skipped, a table, a picture's data, a shape's properties. */
type Destination = 'text' | 'skip' | 'fonttbl' | 'stylesheet' | 'pict' | 'shape';

interface State {
  part: PartName;
  dest: Destination;
  uc: number;
  font: number;
  align: Align | null;
  heading: number | null;
  intbl: boolean;
  /** The style being defined, inside the stylesheet. */
  style: number | null;
  /** Inside a shape: whether its picture was taken (later ones are its fill or fallback copies). */
  shape: { taken: boolean } | null;
}

interface Picture {
  format: 'PNG' | 'JPEG' | 'BMP' | 'EMF' | 'WMF' | 'PICT' | null;
  /** Runs of hex digits, as slices of the source (line breaks between them dropped). */
  hex: string[];
  hexLength: number;
  binary: Uint8Array[];
  oversized: boolean;
}

/** \fcharset → the code page its bytes are in. */
const charsetCodePages: Readonly<Record<number, number>> = {
  128: 932,
  129: 949,
  134: 936,
  136: 950,
  161: 1253,
  162: 1254,
  163: 1258,
  177: 1255,
  178: 1256,
  186: 1257,
  204: 1251,
  222: 874,
  238: 1250,
};

const codePageLabels: Readonly<Record<number, string>> = {
  874: 'windows-874',
  932: 'shift_jis',
  936: 'gbk',
  949: 'euc-kr',
  950: 'big5',
  10000: 'macintosh',
  65001: 'utf-8',
};

interface Decoder {
  decode(input: Uint8Array): string;
}

const decoders = new Map<number, Decoder>();
function decoder(codePage: number): Decoder {
  let found = decoders.get(codePage);
  if (found === undefined) {
    const label = codePageLabels[codePage] ?? (codePage >= 1250 && codePage <= 1258 ? `windows-${codePage}` : 'windows-1252');
    found = new TextDecoder(label);
    decoders.set(codePage, found);
  }
  return found;
}

const symbols: Readonly<Record<string, string>> = {
  tab: '\t',
  line: '\n',
  emdash: '—',
  endash: '–',
  emspace: '\u2003',
  enspace: '\u2002',
  qmspace: '\u2005',
  bullet: '•',
  lquote: '‘',
  rquote: '’',
  ldblquote: '“',
  rdblquote: '”',
  '~': '\u00a0',
  _: '\u2011',
};

/** Destinations whose content is not document text (besides every unknown \* one). */
const skipped = new Set([
  'colortbl',
  'info',
  'listtable',
  'listoverridetable',
  'revtbl',
  'rsidtbl',
  'filetbl',
  'fldinst',
  'pntext',
  'pntxta',
  'pntxtb',
  'nonshppict',
  'shprslt',
  'xmlnstbl',
  'themedata',
  'colorschememapping',
  'latentstyles',
  'datastore',
  'generator',
  'bkmkstart',
  'bkmkend',
  'objdata',
  'objclass',
  'annotation',
  'atnid',
  'atnauthor',
  'sn',
  'blipuid',
]);

const headerWords = new Set(['header', 'headerl', 'headerr', 'headerf']);
const footerWords = new Set(['footer', 'footerl', 'footerr', 'footerf']);

/** A row's \cellx definitions with the merge flags that came before each. */
interface CellDefinition {
  hmerge: 'first' | 'next' | null;
  vmerge: 'first' | 'next' | null;
  /** The cell's right edge (\cellxN, in twips); null when the row defined none. */
  right: number | null;
}

interface RawCell {
  blocks: DocumentBlock[];
  left: number | null;
  right: number | null;
  colSpan: number;
  rowSpan: number;
}

/** One part (body, header, footer, notes) as it is built: its blocks, the open paragraph, the open table. */
class Part {
  readonly list: BlockList;
  text = '';
  private cellBlocks: DocumentBlock[] = [];
  private row: DocumentBlock[][] = [];
  private rows: RawCell[][] = [];
  private owners = new Map<number, RawCell>();

  constructor(limit: number) {
    this.list = new BlockList(limit);
  }

  endParagraph(state: State): void {
    // A list's number text (\listtext) is often a lone tab before the paragraph's own text.
    const block = paragraph(this.text.replace(/^[\t ]+/, ''), state.heading, state.align);
    this.text = '';
    if (state.intbl) {
      if (block !== null) this.cellBlocks.push(block);
      return;
    }
    this.endTable();
    this.list.push(block);
  }

  add(block: DocumentBlock, state: State): void {
    // The text before a picture is a paragraph of its own, so the picture shows in its place.
    const before = paragraph(this.text, state.heading, state.align);
    this.text = '';
    if (state.intbl) {
      if (before !== null) this.cellBlocks.push(before);
      this.cellBlocks.push(block);
      return;
    }
    this.endTable();
    this.list.push(before);
    this.list.push(block);
  }

  endCell(state: State): void {
    if (this.text.trim() !== '') this.endParagraph({ ...state, intbl: true });
    this.text = '';
    this.row.push(this.cellBlocks);
    this.cellBlocks = [];
  }

  endRow(definitions: readonly CellDefinition[]): void {
    const cells: RawCell[] = [];
    this.row.forEach((blocks, i) => {
      const definition = definitions[i] ?? { hmerge: null, vmerge: null, right: null };
      const left = i === 0 ? 0 : (definitions[i - 1]?.right ?? null);
      const previous = cells[cells.length - 1];
      if (definition.hmerge === 'next' && previous !== undefined) {
        previous.colSpan += 1;
        previous.right = definition.right;
        return;
      }
      const owner = this.owners.get(i);
      if (definition.vmerge === 'next' && owner !== undefined) {
        owner.rowSpan += 1;
        return;
      }
      const made: RawCell = { blocks, left, right: definition.right, colSpan: 1, rowSpan: 1 };
      cells.push(made);
      if (definition.vmerge === 'first') this.owners.set(i, made);
      else this.owners.delete(i);
    });
    this.row = [];
    if (cells.length > 0) this.rows.push(cells);
  }

  endTable(): void {
    if (this.row.length > 0) this.endRow([]);
    if (this.rows.length === 0) return;
    // A cell as wide as several cells of other rows spans their columns: count the column
    // edges of the whole table inside it (a row whose cells say no edges keeps its counts).
    const edges = [...new Set(this.rows.flat().map((c) => c.right).filter((e): e is number => e !== null))].sort((a, b) => a - b);
    const span = (c: RawCell): number => {
      const { left, right } = c;
      if (left === null || right === null) return c.colSpan;
      return Math.max(c.colSpan, edges.filter((e) => e > left && e <= right).length);
    };
    this.list.push({ type: 'table', rows: this.rows.map((r) => r.map((c) => cell(c.blocks, span(c), c.rowSpan))) });
    this.rows = [];
    this.owners = new Map();
  }

  finish(state: State): void {
    if (this.text.trim() !== '') this.endParagraph({ ...state, intbl: false });
    this.endTable();
  }
}

const MAX_DEPTH = 1000;

export function readRtf(bytes: Uint8Array): DocumentContent {
  // RTF is 7-bit text; every byte is kept as one character and decoded where the format says.
  const source = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  if (!source.startsWith('{\\rtf')) throw new NotThisFormat('no {\\rtf');
  const images = new ImageBudget();
  const parts: Record<'body' | 'header' | 'footer' | 'notes', Part> = {
    body: new Part(MAX_BODY_BLOCKS),
    header: new Part(MAX_PART_BLOCKS),
    footer: new Part(MAX_PART_BLOCKS),
    notes: new Part(MAX_PART_BLOCKS),
  };
  const fontCharsets = new Map<number, number>();
  const styleHeadings = new Map<number, number>();
  let ansiCodePage = 1252;
  let fontBeingDefined: number | null = null;

  let state: State = { part: 'body', dest: 'text', uc: 1, font: -1, align: null, heading: null, intbl: false, style: null, shape: null };
  const stack: State[] = [];
  let picture: Picture | null = null;
  let pictureDepth = -1;
  let definitions: CellDefinition[] = [];
  let pendingMerge: CellDefinition = { hmerge: null, vmerge: null, right: null };
  let bytesRun: number[] = [];
  let skipFallback = 0;
  let ignorable = false;
  // A header or footer group is parsed into a part of its own, then kept only if it is new.
  let partStart: { part: 'header' | 'footer'; depth: number; saved: Part } | null = null;
  const seenParts = new Set<string>();

  const codePage = (): number => {
    const charset = fontCharsets.get(state.font);
    return charset !== undefined && charsetCodePages[charset] !== undefined ? charsetCodePages[charset] : ansiCodePage;
  };
  const part = (): Part | null => (state.dest === 'text' ? parts[state.part] : null);
  const emit = (text: string): void => {
    const p = part();
    if (p !== null) p.text += text;
  };
  const flushBytes = (): void => {
    if (bytesRun.length === 0) return;
    emit(decoder(codePage()).decode(Uint8Array.from(bytesRun)));
    bytesRun = [];
  };
  /** A character of fallback text after \uN is skipped instead of shown. */
  const skipsFallback = (): boolean => {
    if (skipFallback <= 0) return false;
    skipFallback -= 1;
    return true;
  };

  const finishPicture = (closing: State): void => {
    const p = picture;
    picture = null;
    if (p === null || p.format === null) return;
    const target = parts[closing.part];
    state = closing;
    if (p.oversized) return target.add(images.oversized(), state);
    if (p.format === 'EMF' || p.format === 'WMF' || p.format === 'PICT') return target.add({ ...images.block(null), label: `〔图片：${p.format} 格式，无法显示〕` }, state);
    const hex = p.hex.join('');
    const data = p.binary.length > 0 ? Buffer.concat(p.binary) : Buffer.from(hex.length % 2 === 0 ? hex : hex.slice(0, -1), 'hex');
    target.add(images.block(p.format === 'BMP' ? bitmapFile(data) : data), state);
  };

  let at = 0;
  const length = source.length;
  while (at < length) {
    const ch = source[at] ?? '';
    if (ch === '{') {
      flushBytes();
      if (stack.length >= MAX_DEPTH) throw new Error('RTF groups nested too deep');
      stack.push(state);
      state = { ...state };
      ignorable = false;
      skipFallback = 0;
      at += 1;
      continue;
    }
    if (ch === '}') {
      flushBytes();
      const closing = state;
      skipFallback = 0;
      if (picture !== null && stack.length === pictureDepth) finishPicture(closing);
      if (closing.dest === 'fonttbl') fontBeingDefined = null;
      const parent = stack.pop();
      if (parent === undefined) break;
      state = parent;
      if (partStart !== null && stack.length === partStart.depth) {
        const made = parts[partStart.part];
        made.finish(closing);
        const key = JSON.stringify([partStart.part, made.list.blocks]);
        const saved = partStart.saved;
        if (!seenParts.has(key)) {
          seenParts.add(key);
          for (const block of made.list.blocks) saved.list.push(block);
        }
        parts[partStart.part] = saved;
        partStart = null;
      }
      at += 1;
      continue;
    }
    if (ch === '\\') {
      const next = source[at + 1] ?? '';
      if (next === '\\' || next === '{' || next === '}') {
        flushBytes();
        if (!skipsFallback()) emit(next);
        at += 2;
        continue;
      }
      if (next === "'") {
        const byte = Number.parseInt(source.slice(at + 2, at + 4), 16);
        at += 4;
        if (skipsFallback() || Number.isNaN(byte)) continue;
        if (state.dest === 'text') bytesRun.push(byte);
        continue;
      }
      if (next === '*') {
        ignorable = true;
        at += 2;
        continue;
      }
      // A control word: letters, an optional signed number, an optional space.
      let end = at + 1;
      while (end < length && /[a-zA-Z]/.test(source[end] ?? '')) end += 1;
      let word = source.slice(at + 1, end);
      if (word === '') {
        // A control symbol (\~, \-, \_, \: …).
        word = next;
        end = at + 2;
      }
      let numberEnd = end;
      if (source[numberEnd] === '-') numberEnd += 1;
      while (numberEnd < length && /[0-9]/.test(source[numberEnd] ?? '')) numberEnd += 1;
      const hasNumber = numberEnd > end && source.slice(end, numberEnd) !== '-';
      const parameter = hasNumber ? Number(source.slice(end, numberEnd)) : null;
      if (!hasNumber) numberEnd = end;
      at = source[numberEnd] === ' ' ? numberEnd + 1 : numberEnd;
      flushBytes();

      if (word === 'bin' && parameter !== null && parameter > 0) {
        const data = source.slice(at, at + parameter);
        at += parameter;
        if (picture !== null && !picture.oversized) {
          if (parameter > MAX_IMAGE_BYTES) picture.oversized = true;
          else picture.binary.push(Buffer.from(data, 'latin1'));
        }
        continue;
      }
      const starting = ignorable;
      ignorable = false;
      if (state.dest === 'skip') continue;

      // Destinations (the first word of a group).
      if (word === 'fonttbl') {
        state.dest = 'fonttbl';
        continue;
      }
      if (word === 'stylesheet') {
        state.dest = 'stylesheet';
        continue;
      }
      if (skipped.has(word) || word === 'pgdsctbl') {
        state.dest = 'skip';
        continue;
      }
      if (headerWords.has(word) || footerWords.has(word)) {
        const which = headerWords.has(word) ? 'header' : 'footer';
        if (partStart === null) {
          partStart = { part: which, depth: stack.length - 1, saved: parts[which] };
          parts[which] = new Part(MAX_PART_BLOCKS);
        }
        state = { ...state, part: which, dest: 'text', align: null, heading: null, intbl: false };
        continue;
      }
      if (word === 'footnote') {
        state = { ...state, part: 'notes', dest: 'text', align: null, heading: null, intbl: false };
        continue;
      }
      if (word === 'shpinst') {
        state.dest = 'shape';
        state.shape = { taken: false };
        continue;
      }
      if (word === 'shptxt') {
        // A text box's text, inside a shape whose other properties are skipped.
        state.dest = 'text';
        continue;
      }
      if (word === 'pict') {
        if (state.shape?.taken === true) {
          state.dest = 'skip';
          continue;
        }
        if (state.shape !== null) state.shape.taken = true;
        picture = { format: null, hex: [], hexLength: 0, binary: [], oversized: false };
        pictureDepth = stack.length;
        state.dest = 'pict';
        continue;
      }
      if (state.dest === 'pict' && picture !== null) {
        if (word === 'pngblip') picture.format = 'PNG';
        else if (word === 'jpegblip') picture.format = 'JPEG';
        else if (word === 'dibitmap') picture.format = 'BMP';
        else if (word === 'emfblip') picture.format = 'EMF';
        else if (word === 'wmetafile') picture.format = 'WMF';
        else if (word === 'macpict') picture.format = 'PICT';
        continue;
      }
      if (starting && !['shppict', 'fldrslt', 'shp', 'shpinst', 'shptxt', 'sv', 'sp', 'footnote'].includes(word)) {
        // An unknown \* destination: the specification says skip it whole.
        state.dest = 'skip';
        continue;
      }

      switch (word) {
        case 'ansicpg':
          if (parameter !== null) ansiCodePage = parameter;
          break;
        case 'f':
          if (parameter === null) break;
          if (state.dest === 'fonttbl') fontBeingDefined = parameter;
          else state.font = parameter;
          break;
        case 'fcharset':
          if (state.dest === 'fonttbl' && fontBeingDefined !== null && parameter !== null) fontCharsets.set(fontBeingDefined, parameter);
          break;
        case 's':
          if (parameter === null) break;
          if (state.dest === 'stylesheet') state.style = parameter;
          else state.heading = styleHeadings.get(parameter) ?? null;
          break;
        case 'outlinelevel':
          if (parameter === null) break;
          if (state.dest === 'stylesheet') {
            if (state.style !== null && parameter < 6) styleHeadings.set(state.style, parameter + 1);
          } else state.heading = parameter < 6 ? parameter + 1 : null;
          break;
        case 'uc':
          if (parameter !== null) state.uc = parameter;
          break;
        case 'u':
          if (parameter !== null) {
            flushBytes();
            emit(String.fromCharCode(parameter < 0 ? parameter + 65536 : parameter));
            skipFallback = state.uc;
          }
          continue;
        case 'par':
          part()?.endParagraph(state);
          break;
        case 'pard':
          state.align = null;
          state.heading = null;
          state.intbl = false;
          break;
        case 'plain':
          break;
        case 'qc':
          state.align = 'center';
          break;
        case 'qr':
          state.align = 'right';
          break;
        case 'qj':
        case 'qd':
          state.align = 'justify';
          break;
        case 'ql':
          state.align = null;
          break;
        case 'intbl':
          state.intbl = true;
          break;
        case 'trowd':
          definitions = [];
          pendingMerge = { hmerge: null, vmerge: null, right: null };
          break;
        case 'clmgf':
          pendingMerge.hmerge = 'first';
          break;
        case 'clmrg':
          pendingMerge.hmerge = 'next';
          break;
        case 'clvmgf':
          pendingMerge.vmerge = 'first';
          break;
        case 'clvmrg':
          pendingMerge.vmerge = 'next';
          break;
        case 'cellx':
          definitions.push({ ...pendingMerge, right: parameter });
          pendingMerge = { hmerge: null, vmerge: null, right: null };
          break;
        case 'cell':
        case 'nestcell':
          part()?.endCell(state);
          break;
        case 'row':
        case 'nestrow':
          part()?.endRow(definitions);
          break;
        case 'sect':
        case 'page':
          part()?.endParagraph({ ...state, intbl: false });
          break;
        default: {
          const symbol = symbols[word];
          if (symbol !== undefined && !skipsFallback()) emit(symbol);
        }
      }
      skipFallback = 0;
      continue;
    }
    // Plain text: line ends in RTF source are not text.
    at += 1;
    if (ch === '\r' || ch === '\n') continue;
    if (state.dest === 'pict' && picture !== null) {
      // A picture's data: take the whole run of hex digits at once, as one slice.
      if (!isHexDigit(ch.charCodeAt(0))) continue;
      let end = at;
      while (end < length && isHexDigit(source.charCodeAt(end))) end += 1;
      if (!picture.oversized) {
        picture.hex.push(source.slice(at - 1, end));
        picture.hexLength += end - at + 1;
        if (picture.hexLength > MAX_IMAGE_BYTES * 2) {
          picture.oversized = true;
          picture.hex = [];
        }
      }
      at = end;
      continue;
    }
    if (state.dest !== 'text') continue;
    if (skipsFallback()) continue;
    flushBytes();
    emit(ch);
  }
  flushBytes();
  for (const p of Object.values(parts)) p.finish(state);
  const truncated = Object.values(parts).some((p) => p.list.truncated);
  return {
    header: parts.header.list.blocks,
    body: parts.body.list.blocks,
    footer: parts.footer.list.blocks,
    notes: parts.notes.list.blocks,
    notice: null,
    truncated,
  };
}

function isHexDigit(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x46) || (code >= 0x61 && code <= 0x66);
}

/** A DIB (\dibitmap) as a .bmp file: the 14-byte file header in front of it. */
function bitmapFile(dib: Uint8Array): Uint8Array {
  if (dib.length < 40) return dib;
  const view = new DataView(dib.buffer, dib.byteOffset, dib.byteLength);
  const headerSize = view.getUint32(0, true);
  const bitCount = view.getUint16(14, true);
  const used = view.getUint32(32, true);
  const palette = (used !== 0 ? used : bitCount <= 8 ? 1 << bitCount : 0) * 4;
  const file = new Uint8Array(14 + dib.length);
  const out = new DataView(file.buffer);
  file[0] = 0x42;
  file[1] = 0x4d;
  out.setUint32(2, file.length, true);
  out.setUint32(10, 14 + headerSize + palette, true);
  file.set(dib, 14);
  return file;
}
