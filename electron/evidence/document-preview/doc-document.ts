/**
 * .doc (Word 97–2003 binary, and a .doc saved under WPS's name .wps): the text by
 * word-extractor, the pictures by doc-pictures.ts.
 *
 * word-extractor is the one maintained pure-JavaScript reader of Word's binary format: it
 * follows the piece table, decodes 8-bit and UTF-16 runs, and gives the body, the headers, the
 * footers, the footnotes and endnotes and the text boxes apart. It gives text only, so:
 * - tables: Word ends every cell with a cell mark and every row with a row mark, which
 *   word-extractor writes as a tab each; a line ending in a tab is a table row, its cells
 *   apart by tabs (a row with fewer cells than its table has its last cell span the rest:
 *   merged cells are not marked in the text);
 * - pictures: listed after the body (their place in the text is not known), with a notice
 *   saying so;
 * - emphasis, alignment and headings are not in the text and are not shown.
 */
import WordExtractor from 'word-extractor';
import type { DocumentBlock, DocumentTableCell } from '../../../shared/api/evidence-preview-types.ts';
import { BlockList, cell, MAX_BODY_BLOCKS, MAX_PART_BLOCKS, paragraph } from './document-blocks.ts';
import { documentContent, type DocumentContent } from './document-content.ts';
import { ImageBudget } from './document-images.ts';
import { docPictures } from './doc-pictures.ts';

export const docNotice =
  '旧版 Word 格式（.doc）的预览只有文字、表格和图片：图片集中列在正文之后，不在原来的位置；合并的表格单元格、字号颜色和对齐方式不显示。需要看原样式时请用系统程序打开。';

export async function readDoc(bytes: Uint8Array): Promise<DocumentContent> {
  const document = await new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const body = new BlockList(MAX_BODY_BLOCKS);
  for (const block of textBlocks(document.getBody())) body.push(block);
  for (const block of textBlocks(document.getTextboxes({ includeHeadersAndFooters: false, includeBody: true }))) body.push(block);
  const images = new ImageBudget();
  const pictures = docPictures(bytes);
  for (const picture of pictures) body.push(picture.bytes === null ? { ...images.block(null), label: `〔图片：${picture.format} 格式，无法显示〕` } : images.block(picture.bytes));
  const header = new BlockList(MAX_PART_BLOCKS);
  for (const block of distinct([...textBlocks(document.getHeaders({ includeFooters: false })), ...textBlocks(document.getTextboxes({ includeHeadersAndFooters: true, includeBody: false }))])) header.push(block);
  const footer = new BlockList(MAX_PART_BLOCKS);
  for (const block of distinct(textBlocks(document.getFooters()))) footer.push(block);
  const notes = new BlockList(MAX_PART_BLOCKS);
  for (const block of textBlocks(`${document.getFootnotes()}\n${document.getEndnotes()}`)) notes.push(block);
  return documentContent({ header, body, footer, notes }, docNotice);
}

/** Lines as paragraphs; a run of lines ending in a cell mark (a tab) as one table. */
export function textBlocks(text: string): DocumentBlock[] {
  const blocks: DocumentBlock[] = [];
  let rows: string[][] = [];
  const flushTable = (): void => {
    if (rows.length === 0) return;
    const width = Math.max(...rows.map((r) => r.length));
    const tableRows: DocumentTableCell[][] = rows.map((r) =>
      r.map((c, i) => cell(paragraphOf(c), i === r.length - 1 ? width - r.length + 1 : 1)),
    );
    blocks.push({ type: 'table', rows: tableRows });
    rows = [];
  };
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (line.endsWith('\t') && line.trim() !== '') {
      rows.push(line.slice(0, -1).split('\t'));
      continue;
    }
    flushTable();
    const block = paragraph(line);
    if (block !== null) blocks.push(block);
  }
  flushTable();
  return blocks;
}

function paragraphOf(text: string): DocumentBlock[] {
  const block = paragraph(text);
  return block === null ? [] : [block];
}

/** The same header on first, odd and even pages is listed once. */
function distinct(blocks: readonly DocumentBlock[]): DocumentBlock[] {
  const seen = new Set<string>();
  return blocks.filter((block) => {
    const key = JSON.stringify(block);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
