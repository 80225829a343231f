/**
 * The blocks of a document preview (DocumentBlock) as the readers build them, and a
 * document's whole text from them (for search and `alliance-review evidence --text`).
 *
 * - limits: a body keeps its first 3000 blocks, each header, footer and note part its first
 *   200; a longer one is cut there and the preview says `truncated`.
 * - text: paragraphs one a line, table rows one a line with cells apart by a tab, pictures
 *   left out (they carry no text); headers first, then the body, footers and notes, so a
 *   search for the issuing body of a 红头文件 finds it.
 */
import type { DocumentBlock, DocumentPreview, DocumentTableCell } from '../../../shared/api/evidence-preview-types.ts';

export const MAX_BODY_BLOCKS = 3000;
export const MAX_PART_BLOCKS = 200;

/** Collects blocks up to a limit, remembering whether any were cut off. */
export class BlockList {
  readonly blocks: DocumentBlock[] = [];
  truncated = false;

  private readonly limit: number;

  constructor(limit: number) {
    this.limit = limit;
  }

  get full(): boolean {
    return this.blocks.length >= this.limit;
  }

  push(block: DocumentBlock | null): void {
    if (block === null) return;
    if (this.full) {
      this.truncated = true;
      return;
    }
    this.blocks.push(block);
  }
}

/** How a paragraph is aligned, in our words (each reader maps its format's own values to these). */
export type Align = NonNullable<Extract<DocumentBlock, { type: 'paragraph' }>['align']>;

/** A paragraph block, or null for one with no visible text (an empty line keeps no block). */
export function paragraph(text: string, heading: number | null = null, align?: Align | null): DocumentBlock | null {
  const trimmed = text.replace(/\n+$/, '');
  if (trimmed.trim() === '') return null;
  return align === undefined || align === null ? { type: 'paragraph', text: trimmed, heading } : { type: 'paragraph', text: trimmed, heading, align };
}

/**
 * The text of one paragraph as a reader walks its runs, cut into paragraph blocks where a
 * picture stands, so the picture shows in its place; the paragraphs of a text box anchored in
 * it follow it.
 */
export class ParagraphText {
  text = '';

  private readonly blocks: DocumentBlock[] = [];
  private readonly after: DocumentBlock[] = [];

  private readonly heading: number | null;
  private readonly align: Align | null;

  constructor(heading: number | null, align: Align | null) {
    this.heading = heading;
    this.align = align;
  }

  /** Ends the text read so far as a paragraph (none when it is blank). */
  flush(): void {
    const block = paragraph(this.text, this.heading, this.align);
    if (block !== null) this.blocks.push(block);
    this.text = '';
  }

  /** Blocks that stand where the walk has reached: the text before them becomes its own paragraph. */
  insert(...blocks: readonly DocumentBlock[]): void {
    this.flush();
    this.blocks.push(...blocks);
  }

  /** Blocks that follow the paragraph (a text box's paragraphs), not where the walk stands. */
  follow(...blocks: readonly DocumentBlock[]): void {
    this.after.push(...blocks);
  }

  /** The paragraph's blocks once its walk is done: its text, cut where pictures stand, then what follows it. */
  done(): DocumentBlock[] {
    this.flush();
    return [...this.blocks, ...this.after];
  }
}

/**
 * A document's page headers and footers, each distinct one once: a first-page header that
 * says what the default one says is shown once.
 */
export class HeadersAndFooters {
  readonly header = new BlockList(MAX_PART_BLOCKS);
  readonly footer = new BlockList(MAX_PART_BLOCKS);

  private readonly seen = new Set<string>();

  add(kind: 'header' | 'footer', blocks: readonly DocumentBlock[]): void {
    const key = JSON.stringify([kind, blocks]);
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const list = kind === 'header' ? this.header : this.footer;
    for (const block of blocks) list.push(block);
  }
}

export function cell(blocks: readonly DocumentBlock[], colSpan = 1, rowSpan = 1): DocumentTableCell {
  return { blocks, colSpan: Math.max(1, colSpan), rowSpan: Math.max(1, rowSpan) };
}

/** "Heading 2" (English Word), "标题 2" (Chinese Word), "heading 2" (a style id) → 2. */
export function headingFromStyle(styleName: string | null | undefined): number | null {
  const match = styleName === null || styleName === undefined ? null : /^(?:heading|标题)[\s_]*([1-6])$/i.exec(styleName.trim());
  return match?.[1] === undefined ? null : Number(match[1]);
}

/** The text of blocks: paragraphs one a line, table rows one a line (cells apart by a tab). */
export function blocksText(blocks: readonly DocumentBlock[]): string {
  const lines: string[] = [];
  for (const block of blocks) {
    switch (block.type) {
      case 'paragraph':
        lines.push(block.text);
        break;
      case 'table':
        for (const row of block.rows) lines.push(row.map((c) => blocksText(c.blocks).replace(/\n/g, ' ')).join('\t'));
        break;
      case 'image':
        break;
      default:
        unreachable(block);
    }
  }
  return lines.join('\n');
}

/** A document's whole text: headers, body, footers, notes, each part apart by an empty line. */
export function previewText(preview: Pick<DocumentPreview, 'header' | 'body' | 'footer' | 'notes'>): string {
  return [preview.header, preview.body, preview.footer, preview.notes]
    .map(blocksText)
    .filter((text) => text !== '')
    .join('\n\n');
}

function unreachable(value: never): never {
  throw new Error(`unexpected block ${JSON.stringify(value)}`);
}
