/**
 * .docx (WordprocessingML): the body and the footnotes/endnotes by mammoth, the page headers
 * and footers read here from their own parts.
 *
 * - body: mammoth's document model (paragraphs with style name and alignment, tables with
 *   colSpan/rowSpan from gridSpan/vMerge, images with their bytes and alt text). mammoth is
 *   the maintained .docx reader for JavaScript; we take its model, never its HTML.
 * - header/footer: mammoth drops them, so the parts the section properties name
 *   (`<w:headerReference w:type="first|default|even" r:id>` → word/_rels/document.xml.rels →
 *   word/header2.xml) are parsed (xml-tree.ts) and walked here: paragraphs, tables, text
 *   boxes and pictures (`a:blip r:embed`, `v:imagedata r:id`, through the part's own
 *   relationships). Each part is shown once, first-page ones first: for a 红头文件 that is
 *   the issuing body.
 */
import mammoth from 'mammoth';
import type { DocumentBlock } from '../../../shared/api/evidence-preview-types.ts';
import { BlockList, cell, HeadersAndFooters, headingFromStyle, MAX_BODY_BLOCKS, MAX_PART_BLOCKS, ParagraphText, type Align } from './document-blocks.ts';
import { ImageBudget } from './document-images.ts';
import { documentContent, type DocumentContent } from './document-content.ts';
import { openDocumentZip, resolvePartPath, type DocumentZip } from './document-zip.ts';
import { elements, find, parseXml, type XmlElement } from './xml-tree.ts';

interface MammothNode {
  readonly type: string;
  readonly value?: string;
  readonly styleName?: string | null;
  readonly alignment?: string | null;
  readonly children?: readonly MammothNode[];
  readonly colSpan?: number;
  readonly rowSpan?: number;
  readonly altText?: string | null;
  readonly read?: () => Promise<Buffer>;
  readonly notes?: { readonly _notes?: Readonly<Record<string, { readonly body?: readonly MammothNode[] }>> };
}

/** Word's `w:jc` values (and mammoth's alignment, which is the same value) → ours. */
function alignOf(value: string | null | undefined): Align | null {
  switch (value) {
    case 'center':
      return 'center';
    case 'right':
    case 'end':
      return 'right';
    case 'both':
    case 'distribute':
      return 'justify';
    default:
      return null;
  }
}

export async function readDocx(bytes: Uint8Array): Promise<DocumentContent> {
  const images = new ImageBudget();
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let document: MammothNode | null = null;
  await mammoth.convertToHtml(
    { buffer },
    {
      // Keep mammoth from fetching linked files; the images are read from its model below.
      externalFileAccess: false,
      convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
      transformDocument: (element: MammothNode) => {
        document = element;
        return element;
      },
    },
  );
  const root = document as MammothNode | null;
  const body = new BlockList(MAX_BODY_BLOCKS);
  for (const node of root?.children ?? []) {
    if (body.full) {
      body.truncated = true;
      break;
    }
    for (const block of await mammothBlocks(node, images)) body.push(block);
  }
  const notes = new BlockList(MAX_PART_BLOCKS);
  for (const note of Object.values(root?.notes?._notes ?? {})) {
    for (const node of note.body ?? []) for (const block of await mammothBlocks(node, images)) notes.push(block);
  }
  const zip = await openDocumentZip(bytes);
  try {
    const { header, footer } = await headersAndFooters(zip, images);
    return documentContent({ header, body, footer, notes });
  } finally {
    zip.close();
  }
}

async function mammothBlocks(node: MammothNode, images: ImageBudget): Promise<DocumentBlock[]> {
  if (node.type === 'table') {
    const rows = [];
    for (const row of node.children ?? []) {
      if (row.type !== 'tableRow') continue;
      const cells = [];
      for (const c of row.children ?? []) {
        if (c.type !== 'tableCell') continue;
        const blocks: DocumentBlock[] = [];
        for (const child of c.children ?? []) blocks.push(...(await mammothBlocks(child, images)));
        cells.push(cell(blocks, c.colSpan ?? 1, c.rowSpan ?? 1));
      }
      rows.push(cells);
    }
    return rows.length === 0 ? [] : [{ type: 'table', rows }];
  }
  // mammoth lifts a w:pict (a VML picture or text box) out of its run to the level of the
  // paragraphs, so a picture can arrive here as a block of its own.
  if (node.type === 'image') return [await imageOf(node, images)];
  if (node.type !== 'paragraph') {
    const blocks: DocumentBlock[] = [];
    for (const child of node.children ?? []) blocks.push(...(await mammothBlocks(child, images)));
    return blocks;
  }
  // A paragraph: its text, cut where a picture stands so the picture shows in its place.
  const read = new ParagraphText(headingFromStyle(node.styleName), alignOf(node.alignment));
  const walk = async (inline: MammothNode): Promise<void> => {
    switch (inline.type) {
      case 'text':
        read.text += inline.value ?? '';
        return;
      case 'tab':
        read.text += '\t';
        return;
      case 'break':
        read.text += '\n';
        return;
      case 'image':
        read.insert(await imageOf(inline, images));
        return;
      case 'paragraph':
        // A text box's paragraphs inside this one.
        read.insert(...(await mammothBlocks(inline, images)));
        return;
      default:
        for (const child of inline.children ?? []) await walk(child);
    }
  };
  for (const child of node.children ?? []) await walk(child);
  return read.done();
}

async function imageOf(node: MammothNode, images: ImageBudget): Promise<DocumentBlock> {
  let picture: Buffer | null;
  try {
    picture = node.read === undefined ? null : await node.read();
  } catch {
    // A picture whose part is missing or damaged: its block says so.
    picture = null;
  }
  return images.block(picture, node.altText ?? null);
}

// ---- headers and footers, from their own parts ----

const typeOrder: Readonly<Record<string, number>> = { first: 0, default: 1, even: 2 };

async function headersAndFooters(zip: DocumentZip, images: ImageBudget): Promise<HeadersAndFooters> {
  const parts = new HeadersAndFooters();
  const documentXml = await zip.text('word/document.xml');
  const relsXml = await zip.text('word/_rels/document.xml.rels');
  if (documentXml === null || relsXml === null) return parts;
  const targets = relationships(relsXml, 'word/');
  // The references of every section, in order; a reference is an empty element with two
  // attributes, so a bounded pattern finds them without parsing the (large) body twice.
  const references: { kind: 'header' | 'footer'; type: string; part: string; at: number }[] = [];
  const pattern = /<(?:[\w-]+:)?(header|footer)Reference\b([^>]{0,400})>/g;
  for (let match = pattern.exec(documentXml); match !== null; match = pattern.exec(documentXml)) {
    const attributes = match[2] ?? '';
    const id = /\b[\w-]+:id\s*=\s*"([^"]*)"/.exec(attributes)?.[1];
    const type = /\b(?:[\w-]+:)?type\s*=\s*"([^"]*)"/.exec(attributes)?.[1] ?? 'default';
    const part = id === undefined ? undefined : targets.get(id);
    if (part !== undefined) references.push({ kind: match[1] === 'header' ? 'header' : 'footer', type, part, at: match.index });
  }
  references.sort((a, b) => (typeOrder[a.type] ?? 3) - (typeOrder[b.type] ?? 3) || a.at - b.at);
  const read = new Set<string>();
  for (const reference of references) {
    if (read.has(reference.part)) continue;
    read.add(reference.part);
    const xml = await zip.text(reference.part);
    if (xml === null) continue;
    const folder = reference.part.slice(0, reference.part.lastIndexOf('/') + 1);
    const name = reference.part.slice(folder.length);
    const partRels = await zip.text(`${folder}_rels/${name}.rels`);
    const reader = new PartReader(zip, partRels === null ? new Map() : relationships(partRels, folder), images);
    parts.add(reference.kind, await reader.container(parseXml(xml)));
  }
  return parts;
}

/** A part's relationships: id → the part it names (external targets left out). */
function relationships(xml: string, folder: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const rel of elements(find(parseXml(xml), 'Relationships') ?? parseXml(xml))) {
    const id = rel.attributes.Id;
    const target = rel.attributes.Target;
    if (id === undefined || target === undefined || rel.attributes.TargetMode === 'External') continue;
    const part = resolvePartPath(folder, target);
    if (part !== null) map.set(id, part);
  }
  return map;
}

/** Walks WordprocessingML of a header or footer part (the same elements as a body's). */
class PartReader {
  private readonly zip: DocumentZip;
  private readonly rels: ReadonlyMap<string, string>;
  private readonly images: ImageBudget;

  constructor(zip: DocumentZip, rels: ReadonlyMap<string, string>, images: ImageBudget) {
    this.zip = zip;
    this.rels = rels;
    this.images = images;
  }

  /** The blocks of an element holding paragraphs and tables (w:hdr, w:ftr, w:tc, w:txbxContent). */
  async container(element: XmlElement): Promise<DocumentBlock[]> {
    const blocks: DocumentBlock[] = [];
    for (const child of elements(element)) {
      switch (child.name) {
        case 'w:p':
          blocks.push(...(await this.paragraph(child)));
          break;
        case 'w:tbl':
          blocks.push(await this.table(child));
          break;
        case 'mc:AlternateContent':
          blocks.push(...(await this.container(alternative(child))));
          break;
        case 'w:sectPr':
        case 'w:tblPr':
        case 'w:tblGrid':
          break;
        default:
          // w:hdr, w:ftr, w:sdt / w:sdtContent, w:customXml, w:ins: look inside.
          blocks.push(...(await this.container(child)));
      }
    }
    return blocks;
  }

  private async paragraph(p: XmlElement): Promise<DocumentBlock[]> {
    const pPr = elements(p).find((e) => e.name === 'w:pPr');
    const style = pPr === undefined ? undefined : find(pPr, 'w:pStyle')?.attributes['w:val'];
    const read = new ParagraphText(headingFromStyle(style), alignOf(pPr === undefined ? undefined : find(pPr, 'w:jc')?.attributes['w:val']));
    const walk = async (element: XmlElement): Promise<void> => {
      for (const child of element.children) {
        if (typeof child === 'string') continue;
        switch (child.name) {
          case 'w:t':
            read.text += child.children.filter((c): c is string => typeof c === 'string').join('');
            break;
          case 'w:tab':
            read.text += '\t';
            break;
          case 'w:br':
          case 'w:cr':
            read.text += '\n';
            break;
          case 'w:pPr':
          case 'w:rPr':
          case 'w:instrText':
          case 'w:delText':
            break;
          case 'mc:AlternateContent':
            await walk(alternative(child));
            break;
          case 'w:txbxContent':
            // A text box: its paragraphs follow the one it is anchored in.
            read.follow(...(await this.container(child)));
            break;
          case 'w:drawing': {
            // A DrawingML picture: its description is on the drawing's wp:docPr, not on the blip.
            const blip = find(child, 'a:blip');
            const id = blip?.attributes['r:embed'];
            if (id === undefined) {
              await walk(child);
              break;
            }
            const description = find(child, 'wp:docPr')?.attributes.descr ?? null;
            read.insert(await this.image(id, description));
            break;
          }
          case 'a:blip':
          case 'v:imagedata': {
            const id = child.attributes['r:embed'] ?? child.attributes['r:id'];
            if (id === undefined) break;
            read.insert(await this.image(id, descriptionOf(child)));
            break;
          }
          default:
            await walk(child);
        }
      }
    };
    await walk(p);
    return read.done();
  }

  private async table(tbl: XmlElement): Promise<DocumentBlock> {
    type Cell = { blocks: DocumentBlock[]; colSpan: number; rowSpan: number };
    const rows: Cell[][] = [];
    // The cell that starts a vertical merge, by grid column, for the cells that continue it.
    const merging = new Map<number, Cell>();
    for (const tr of elements(tbl).filter((e) => e.name === 'w:tr')) {
      const row: Cell[] = [];
      let column = 0;
      for (const tc of elements(tr).filter((e) => e.name === 'w:tc')) {
        const tcPr = elements(tc).find((e) => e.name === 'w:tcPr');
        const span = Math.max(1, Math.min(64, Number(tcPr === undefined ? 1 : (find(tcPr, 'w:gridSpan')?.attributes['w:val'] ?? 1)) || 1));
        const vMerge = tcPr === undefined ? null : find(tcPr, 'w:vMerge');
        const above = merging.get(column);
        if (vMerge !== null && vMerge.attributes['w:val'] !== 'restart' && above !== undefined) {
          above.rowSpan += 1;
        } else {
          const c: Cell = { blocks: await this.container(tc), colSpan: span, rowSpan: 1 };
          row.push(c);
          if (vMerge !== null) merging.set(column, c);
          else merging.delete(column);
        }
        column += span;
      }
      rows.push(row);
    }
    return { type: 'table', rows: rows.map((row) => row.map((c) => cell(c.blocks, c.colSpan, c.rowSpan))) };
  }

  private image(id: string, description: string | null): Promise<DocumentBlock> {
    return this.images.part(this.zip, this.rels.get(id), description);
  }
}

/** The branch of mc:AlternateContent a reader takes: the first Choice, else the Fallback. */
function alternative(element: XmlElement): XmlElement {
  const children = elements(element);
  return children.find((e) => e.name === 'mc:Choice') ?? children.find((e) => e.name === 'mc:Fallback') ?? { ...element, children: [] };
}

/** A VML picture's description (o:title); a DrawingML one's is on wp:docPr (see `w:drawing`). */
function descriptionOf(element: XmlElement): string | null {
  return element.attributes['o:title'] ?? null;
}
