/**
 * WPS 文字's own old format (.wps that holds no Word document: a compound file of WPS Office's
 * streams). No library, on npm or elsewhere, documents or reads it, so the preview shows what
 * text can be found in it: every stream is searched for runs of UTF-16 text (the encoding WPS
 * keeps its text in) of at least four characters with Chinese characters or words in them,
 * each run a paragraph, in stream order, with a notice that it may be incomplete or out of
 * order. It is never shown blank: a file with no such text says so. WPS 表格's own .et, when
 * no spreadsheet library reads it, is searched the same way (`readEt`).
 *
 * Bounded: one pass over each stream of the file, at most MAX_BODY_BLOCKS runs.
 */
import type { DocumentBlock } from '../../../shared/api/evidence-preview-types.ts';
import { readCompoundFile } from '../../package-reader/inspect/ole-compound-file.ts';
import { BlockList, MAX_BODY_BLOCKS, paragraph } from './document-blocks.ts';
import { NotThisFormat, type DocumentContent } from './document-content.ts';

export const wpsNotice =
  '这是 WPS 文字自有的旧格式（.wps），没有可用的程序库能完整读取它。下面只是从文件中找出的文字，可能不全、顺序可能有误，也不含页眉页脚、表格和图片；请用 WPS 打开原文件核对。';

export const wpsNoTextNotice =
  '这是 WPS 文字自有的旧格式（.wps），没有可用的程序库能读取它，也没能从文件中找出文字。请用 WPS 打开原文件查看。';

/** A character that text is made of: CJK, CJK punctuation and full-width forms, Latin, digits, common punctuation. */
function isTextChar(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3000 && code <= 0x303f) ||
    (code >= 0xff00 && code <= 0xffef) ||
    (code >= 0x20 && code <= 0x7e) ||
    code === 0x2014 ||
    code === 0x2026 ||
    (code >= 0x2018 && code <= 0x201d)
  );
}

export const etNotice =
  '这是 WPS 表格自有的格式（.et），没有可用的程序库能读出其中的表格。下面只是从文件中找出的文字，不是表格的样子，可能不全、顺序可能有误，数字和日期可能缺失；请用 WPS 打开原文件核对，或请联盟另存为 .xlsx 后重新提供。';

export const etNoTextNotice =
  '这是 WPS 表格自有的格式（.et），没有可用的程序库能读出其中的表格，也没能从文件中找出文字。请用 WPS 打开原文件查看，或请联盟另存为 .xlsx 后重新提供。';

export function readWps(bytes: Uint8Array): DocumentContent {
  return textRuns(bytes, wpsNotice, wpsNoTextNotice);
}

/**
 * WPS 表格's own .et that the spreadsheet reader could not read (previewers.ts): the same
 * search for UTF-16 text runs. The format is not documented, so what is found may be little;
 * the notice says so, and an expert still sees text or a notice, never a blank.
 */
export function readEt(bytes: Uint8Array): DocumentContent {
  return textRuns(bytes, etNotice, etNoTextNotice);
}

function textRuns(bytes: Uint8Array, notice: string, noTextNotice: string): DocumentContent {
  const file = readCompoundFile(bytes);
  if (file === null) throw new NotThisFormat('not a compound file');
  const body = new BlockList(MAX_BODY_BLOCKS);
  for (const stream of file.streams) {
    const data = stream.size > 0 ? file.read(stream) : null;
    if (data === null) continue;
    for (const run of utf16Runs(data)) body.push(paragraph(run));
    if (body.full) break;
  }
  const blocks: DocumentBlock[] = body.blocks;
  return {
    header: [],
    body: blocks,
    footer: [],
    notes: [],
    notice: blocks.length === 0 ? noTextNotice : notice,
    truncated: body.truncated,
  };
}

/**
 * Whether a run's Chinese characters are all pairs of ASCII letters read as UTF-16 ("Mi" is
 * U+694D: 8-bit text, a font or style name) or a byte and a zero (numbers in binary data):
 * not Chinese. A real Chinese run almost always has a character whose low byte is neither.
 */
function asciiPairs(run: string): boolean {
  const chinese = [...run].filter((c) => /[\u4e00-\u9fff]/.test(c));
  return chinese.every((c) => {
    const low = c.charCodeAt(0) & 0xff;
    return low === 0 || (low >= 0x20 && low <= 0x7e);
  });
}

/** Runs of UTF-16LE text characters (at either byte alignment) worth showing as text. */
export function utf16Runs(data: Uint8Array): string[] {
  // Tried at even byte offsets first, then at odd ones if the even ones found nothing.
  const runs: string[] = [];
  for (const start of [0, 1]) {
    let run = '';
    const end = (): void => {
      // Four characters at least, and Chinese or a sentence of letters: not stray bytes.
      // Latin-only runs must be sentence-long: short ones are font and style names.
      const trimmed = run.trim();
      if (trimmed.length >= 4 && (/[\u4e00-\u9fff]/.test(trimmed) ? !asciiPairs(trimmed) : trimmed.length >= 24 && /[A-Za-z]{4}/.test(trimmed))) runs.push(trimmed);
      run = '';
    };
    for (let at = start; at + 1 < data.length; at += 2) {
      const code = (data[at] ?? 0) | ((data[at + 1] ?? 0) << 8);
      if (isTextChar(code)) run += String.fromCharCode(code);
      else if (code === 0x0d || code === 0x0a) end();
      else end();
    }
    end();
    if (runs.length > 0) break;
  }
  return runs;
}
