/**
 * .odt (OpenDocument text, what WPS and LibreOffice save as 开放文档): read here from its
 * parts, since no maintained JavaScript library reads OpenDocument text into a model we could
 * use (the ones on npm turn it into HTML or plain text and drop headers and pictures).
 *
 * - body: content.xml's office:text: headings (text:h with its outline level), paragraphs
 *   (with the alignment of their style), lists, sections, tables (column and row spans;
 *   covered cells left out), frames with pictures (draw:image from Pictures/, or inline
 *   office:binary-data) and text boxes, notes (text:note bodies become the notes part);
 * - header/footer: styles.xml's master pages (style:header-first, style:header,
 *   style:header-left and the footers alike), each distinct one once.
 */
import type { DocumentBlock } from '../../../shared/api/evidence-preview-types.ts';
import { BlockList, cell, HeadersAndFooters, MAX_BODY_BLOCKS, MAX_PART_BLOCKS, ParagraphText, type Align } from './document-blocks.ts';
import { documentContent, NotThisFormat, type DocumentContent } from './document-content.ts';
import { ImageBudget, MAX_IMAGE_BYTES } from './document-images.ts';
import { openDocumentZip, resolvePartPath, type DocumentZip } from './document-zip.ts';
import { elements, find, findAll, parseXml, type XmlElement } from './xml-tree.ts';

export async function readOdt(bytes: Uint8Array): Promise<DocumentContent> {
  const zip = await openDocumentZip(bytes);
  try {
    const contentXml = await zip.text('content.xml');
    if (contentXml === null) throw new NotThisFormat('no content.xml');
    const content = parseXml(contentXml);
    const stylesXml = await zip.text('styles.xml');
    const styles = stylesXml === null ? null : parseXml(stylesXml);
    const reader = new OdtReader(zip, alignments([content, ...(styles === null ? [] : [styles])]));
    const body = new BlockList(MAX_BODY_BLOCKS);
    const text = find(content, 'office:text');
    if (text !== null) for (const block of await reader.container(text, () => body.full)) body.push(block);
    if (body.full) body.truncated = true;
    const parts = new HeadersAndFooters();
    for (const master of styles === null ? [] : findAll(styles, 'style:master-page')) {
      for (const [name, kind] of [
        ['style:header-first', 'header'],
        ['style:header', 'header'],
        ['style:header-left', 'header'],
        ['style:footer-first', 'footer'],
        ['style:footer', 'footer'],
        ['style:footer-left', 'footer'],
      ] as const) {
        const part = elements(master).find((e) => e.name === name);
        if (part === undefined || part.attributes['style:display'] === 'false') continue;
        parts.add(kind, await reader.container(part));
      }
    }
    const notes = new BlockList(MAX_PART_BLOCKS);
    for (const block of reader.notes) notes.push(block);
    return documentContent({ header: parts.header, body, footer: parts.footer, notes });
  } finally {
    zip.close();
  }
}

/** Each paragraph style's alignment (fo:text-align), following its parents. */
function alignments(trees: readonly XmlElement[]): Map<string, Align> {
  const own = new Map<string, string>();
  const parent = new Map<string, string>();
  for (const tree of trees) {
    for (const style of findAll(tree, 'style:style')) {
      const name = style.attributes['style:name'];
      if (name === undefined) continue;
      const value = find(style, 'style:paragraph-properties')?.attributes['fo:text-align'];
      if (value !== undefined) own.set(name, value);
      const parentName = style.attributes['style:parent-style-name'];
      if (parentName !== undefined) parent.set(name, parentName);
    }
  }
  const result = new Map<string, Align>();
  for (const name of new Set([...own.keys(), ...parent.keys()])) {
    let at: string | undefined = name;
    for (let depth = 0; at !== undefined && depth < 16 && !own.has(at); depth += 1) at = parent.get(at);
    const align = alignOf(at === undefined ? undefined : own.get(at));
    if (align !== null) result.set(name, align);
  }
  return result;
}

function alignOf(value: string | undefined): Align | null {
  switch (value) {
    case 'center':
      return 'center';
    case 'end':
    case 'right':
      return 'right';
    case 'justify':
      return 'justify';
    default:
      return null;
  }
}

class OdtReader {
  readonly notes: DocumentBlock[] = [];
  private readonly images = new ImageBudget();

  private readonly zip: DocumentZip;
  private readonly aligns: ReadonlyMap<string, Align>;

  constructor(zip: DocumentZip, aligns: ReadonlyMap<string, Align>) {
    this.zip = zip;
    this.aligns = aligns;
  }

  /** The blocks of an element holding paragraphs (office:text, a cell, a header, a list item). */
  async container(element: XmlElement, full: () => boolean = () => false): Promise<DocumentBlock[]> {
    const blocks: DocumentBlock[] = [];
    for (const child of elements(element)) {
      if (full()) break;
      switch (child.name) {
        case 'text:p':
        case 'text:h':
          blocks.push(...(await this.paragraph(child)));
          break;
        case 'table:table':
          blocks.push(await this.table(child));
          break;
        case 'text:tracked-changes':
        case 'text:sequence-decls':
        case 'text:variable-decls':
        case 'office:forms':
        case 'office:annotation':
          break;
        case 'draw:frame':
          blocks.push(...(await this.frame(child)));
          break;
        default:
          // text:list, text:list-item, text:section, text:index-body, table:table-row groups.
          blocks.push(...(await this.container(child, full)));
      }
    }
    return blocks;
  }

  private async paragraph(p: XmlElement): Promise<DocumentBlock[]> {
    const level = p.name === 'text:h' ? Math.min(6, Math.max(1, Number(p.attributes['text:outline-level'] ?? 1) || 1)) : null;
    const align = this.aligns.get(p.attributes['text:style-name'] ?? '') ?? null;
    const read = new ParagraphText(level, align);
    const walk = async (element: XmlElement): Promise<void> => {
      for (const child of element.children) {
        if (typeof child === 'string') {
          // ODF collapses white space in paragraphs; text:s, text:tab and text:line-break are the real ones.
          read.text += child.replace(/[ \t\r\n]+/g, ' ');
          continue;
        }
        switch (child.name) {
          case 'text:s':
            read.text += ' '.repeat(Math.min(100, Math.max(1, Number(child.attributes['text:c'] ?? 1) || 1)));
            break;
          case 'text:tab':
            read.text += '\t';
            break;
          case 'text:line-break':
            read.text += '\n';
            break;
          case 'text:note': {
            const citation = find(child, 'text:note-citation');
            // The note's number stays where it stands, bracketed so it does not read as part of a figure.
            const mark = citation === null ? '' : `[${textOf(citation).trim()}]`;
            read.text += mark;
            const noteBody = find(child, 'text:note-body');
            if (noteBody !== null) {
              const blocks = await this.container(noteBody);
              const [first, ...rest] = blocks;
              this.notes.push(...(first?.type === 'paragraph' && mark !== '' ? [{ ...first, text: `${mark} ${first.text}` }, ...rest] : blocks));
            }
            break;
          }
          case 'draw:frame':
          case 'draw:a': {
            read.flush();
            const frames = child.name === 'draw:frame' ? [child] : findAll(child, 'draw:frame');
            for (const frame of frames) {
              const [picture, ...textBox] = await this.frame(frame);
              if (picture !== undefined) read.insert(picture);
              read.follow(...textBox);
            }
            break;
          }
          case 'office:annotation':
          case 'text:bookmark-start':
          case 'text:bookmark-end':
            break;
          default:
            await walk(child);
        }
      }
    };
    await walk(p);
    return read.done();
  }

  /** A frame: its picture first (if any), then the paragraphs of a text box in it. */
  private async frame(frame: XmlElement): Promise<DocumentBlock[]> {
    const blocks: DocumentBlock[] = [];
    const description = elements(frame).find((e) => e.name === 'svg:desc' || e.name === 'svg:title');
    const label = description === undefined ? (frame.attributes['draw:name'] ?? null) : textOf(description);
    const image = elements(frame).find((e) => e.name === 'draw:image');
    if (image !== undefined) blocks.push(await this.image(image, label));
    const box = elements(frame).find((e) => e.name === 'draw:text-box');
    if (box !== undefined) blocks.push(...(await this.container(box)));
    return blocks;
  }

  private async image(image: XmlElement, label: string | null): Promise<DocumentBlock> {
    const inline = elements(image).find((e) => e.name === 'office:binary-data');
    if (inline !== undefined) {
      const base64 = textOf(inline).replace(/\s+/g, '');
      if ((base64.length * 3) / 4 > MAX_IMAGE_BYTES) return this.images.oversized();
      return this.images.block(new Uint8Array(Buffer.from(base64, 'base64')), label);
    }
    const href = image.attributes['xlink:href'];
    return this.images.part(this.zip, href === undefined ? null : resolvePartPath('', href), label);
  }

  private async table(table: XmlElement): Promise<DocumentBlock> {
    const rows = [];
    for (const row of findAll(table, 'table:table-row')) {
      const cells = [];
      for (const c of elements(row)) {
        if (c.name !== 'table:table-cell') continue;
        const repeat = Math.min(64, Math.max(1, Number(c.attributes['table:number-columns-repeated'] ?? 1) || 1));
        const made = cell(
          await this.container(c),
          Number(c.attributes['table:number-columns-spanned'] ?? 1) || 1,
          Number(c.attributes['table:number-rows-spanned'] ?? 1) || 1,
        );
        for (let i = 0; i < repeat; i += 1) cells.push(made);
      }
      rows.push(cells);
    }
    return { type: 'table', rows };
  }
}

function textOf(element: XmlElement): string {
  return element.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
}
