/**
 * Word preview: a .docx evidence file as plain blocks of text (paragraphs, headings, tables),
 * read by mammoth in the main process. No HTML crosses to the renderer: it shows these blocks
 * as text, so nothing in an alliance's document can run or style itself in the app.
 *
 * - block: a paragraph (with its heading level when its style is a heading) or a table (rows
 *   of cell texts). Images are shown as the word 〔图片〕; the file itself can still be opened
 *   in the system's viewer.
 * - limit: the first 3000 blocks; a longer document is marked truncated.
 */
import mammoth from 'mammoth';
import type { DocumentBlock } from '../../shared/api/evidence-preview-types.ts';

const MAX_BLOCKS = 3000;

interface DocNode {
  readonly type: string;
  readonly value?: string;
  readonly styleName?: string | null;
  readonly children?: readonly DocNode[];
}

export async function docxPreview(bytes: Buffer): Promise<{ blocks: DocumentBlock[]; truncated: boolean }> {
  let document: DocNode | null = null;
  await mammoth.convertToHtml(
    { buffer: bytes },
    {
      // Keep mammoth from fetching linked files or decoding images we would not show.
      externalFileAccess: false,
      convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
      transformDocument: (element: DocNode) => {
        document = element;
        return element;
      },
    },
  );
  const blocks: DocumentBlock[] = [];
  const root = document as DocNode | null;
  for (const node of root?.children ?? []) {
    if (blocks.length >= MAX_BLOCKS) return { blocks, truncated: true };
    const block = toBlock(node);
    if (block !== null) blocks.push(block);
  }
  return { blocks, truncated: false };
}

function toBlock(node: DocNode): DocumentBlock | null {
  if (node.type === 'table') {
    const rows = (node.children ?? [])
      .filter((row) => row.type === 'tableRow')
      .map((row) => (row.children ?? []).filter((cell) => cell.type === 'tableCell').map((cell) => textOf(cell).trim()));
    return rows.length === 0 ? null : { type: 'table', rows };
  }
  // A paragraph's own line end is the block's end; line breaks inside it stay.
  const text = textOf(node).replace(/\n$/, '');
  if (text.trim() === '') return null;
  return { type: 'paragraph', text, heading: headingLevel(node.styleName ?? null) };
}

function textOf(node: DocNode): string {
  switch (node.type) {
    case 'text':
      return node.value ?? '';
    case 'tab':
      return '\t';
    case 'break':
      return '\n';
    case 'image':
      return '〔图片〕';
    case 'paragraph':
      return `${(node.children ?? []).map(textOf).join('')}\n`;
    default:
      return (node.children ?? []).map(textOf).join('');
  }
}

/** "Heading 2" (English Word) or "标题 2" (Chinese Word) → 2. */
function headingLevel(styleName: string | null): number | null {
  const match = styleName === null ? null : /^(?:heading|标题)\s*([1-6])$/i.exec(styleName.trim());
  return match?.[1] === undefined ? null : Number(match[1]);
}
