/**
 * The RTF reader on what Chinese Word writes and LibreOffice does not: GBK bytes as \'xx pairs
 * under \ansicpg936 or a \fcharset134 font, \uN with \ucN fallbacks, vertically and
 * horizontally merged cells, a JPEG and an EMF picture, unknown \* destinations, first-page
 * and default headers, and nesting too deep to read. The RTF here is written out by hand in
 * Word's own shape (Word is not available to the tests), the JPEG is the ImageMagick fixture.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentBlock } from '../../../../shared/api/evidence-preview-types.ts';
import { readRtf } from '../../../../electron/evidence/document-preview/rtf-document.ts';

const rtf = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'latin1'));
/** Chinese text as Word writes it in an \ansicpg936 document: each GBK byte as \'xx. */
const gbk = (text: string): string => [...gbkBytes(text)].map((b) => `\\'${b.toString(16).padStart(2, '0')}`).join('');
function gbkBytes(text: string): Uint8Array {
  // Node has no GBK encoder; these are the GB 2312 codes of the characters the tests use.
  const table: Record<string, number[]> = { 合: [0xba, 0xcf], 肥: [0xb7, 0xca], 市: [0xca, 0xd0], 科: [0xbf, 0xc6], 技: [0xbc, 0xbc], 局: [0xbe, 0xd6], 文: [0xce, 0xc4], 件: [0xbc, 0xfe] };
  return Uint8Array.from([...text].flatMap((c) => table[c] ?? [c.charCodeAt(0)]));
}
/** Text as \\uN? escapes, as Word writes characters outside the code page. */
const u = (text: string): string => [...text].map((c) => `\\u${c.charCodeAt(0)}?`).join('');
const texts = (blocks: readonly DocumentBlock[]): string[] => blocks.flatMap((b) => (b.type === 'paragraph' ? [b.text] : []));

describe('readRtf', () => {
  it('decodes GBK \\\'xx pairs by the document code page and by a GB2312 font', () => {
    const byCodePage = readRtf(rtf(`{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0\\fnil 宋体;}}\\pard ${gbk('合肥市科技局')}\\par}`));
    expect(texts(byCodePage.body)).toEqual(['合肥市科技局']);
    const byFont = readRtf(rtf(`{\\rtf1\\ansi\\ansicpg1252{\\fonttbl{\\f0\\fswiss Arial;}{\\f1\\fnil\\fcharset134 SimSun;}}\\pard\\f1 ${gbk('文件')}\\f0  ok\\par}`));
    expect(texts(byFont.body)).toEqual(['文件 ok']);
  });

  it('reads \\uN and skips its \\ucN fallback, including a fallback written as \\\'xx', () => {
    const read = readRtf(rtf(`{\\rtf1\\ansi\\uc1\\pard \\u21512\\'3f\\u32933?\\uc2\\u24066\\'ca\\'d0 end\\par}`));
    expect(texts(read.body)).toEqual(['合肥市 end']);
  });

  it('puts first-page and default headers in the header once each, footers in the footer, and skips unknown destinations', () => {
    const read = readRtf(
      rtf(
        `{\\rtf1\\ansi{\\*\\generator Word;}{\\*\\unknownthing secret}` +
          `{\\headerf \\pard\\qc \\u21512?\\u32933?\\par}{\\header \\pard\\qr ${u('默认页眉')}\\par}{\\headerr \\pard\\qr ${u('默认页眉')}\\par}` +
          '{\\footer \\pard\\qc Page {\\field{\\*\\fldinst PAGE}{\\fldrslt 3}}\\par}' +
          '\\pard body\\par}',
      ),
    );
    expect(read.header).toEqual([
      { type: 'paragraph', text: '合肥', heading: null, align: 'center' },
      { type: 'paragraph', text: '默认页眉', heading: null, align: 'right' },
    ]);
    expect(texts(read.footer)).toEqual(['Page 3']);
    expect(texts(read.body)).toEqual(['body']);
    expect(JSON.stringify(read)).not.toContain('secret');
  });

  it('merges cells across columns (\\clmgf/\\clmrg) and down rows (\\clvmgf/\\clvmrg)', () => {
    const row = (defs: string, cells: string[]) => `\\trowd${defs}${cells.map((c) => `\\pard\\intbl ${c}\\cell`).join('')}\\row`;
    const read = readRtf(
      rtf(
        '{\\rtf1\\ansi' +
          row('\\clvmgf\\cellx1000\\cellx2000\\cellx3000', ['A', 'B', 'C']) +
          row('\\clvmrg\\cellx1000\\clmgf\\cellx2000\\clmrg\\cellx3000', ['', 'D', '']) +
          '\\pard after\\par}',
      ),
    );
    const table = read.body[0];
    expect(table?.type).toBe('table');
    if (table?.type !== 'table') return;
    expect(table.rows.map((r) => r.map((c) => [texts(c.blocks).join(''), c.colSpan, c.rowSpan]))).toEqual([
      [
        ['A', 1, 2],
        ['B', 1, 1],
        ['C', 1, 1],
      ],
      [['D', 2, 1]],
    ]);
    expect(read.body[1]).toEqual({ type: 'paragraph', text: 'after', heading: null });
  });

  it('shows a JPEG picture as itself and names an EMF one it cannot draw', () => {
    const jpeg = readFileSync(resolve(import.meta.dirname, '../../../fixtures/evidence/photo.jpg'));
    const read = readRtf(
      rtf(`{\\rtf1\\ansi\\pard ${u('证书')}{\\pict\\jpegblip\\picw32\\pich24 ${jpeg.toString('hex')}}\\par\\pard {\\pict\\emfblip 0100000000}\\par}`),
    );
    const images = read.body.filter((b) => b.type === 'image');
    expect(images).toEqual([
      { type: 'image', src: `data:image/jpeg;base64,${jpeg.toString('base64')}`, mime: 'image/jpeg', width: 32, height: 24, label: '图片' },
      { type: 'image', src: null, mime: null, width: null, height: null, label: '〔图片：EMF 格式，无法显示〕' },
    ]);
  });

  it('names a picture over 10 MB instead of decoding it', () => {
    const hex = '89504e470d0a1a0a' + '00'.repeat(10 * 1024 * 1024);
    const read = readRtf(rtf(`{\\rtf1\\ansi\\pard {\\pict\\pngblip\n${hex}}\\par}`));
    expect(read.body).toEqual([expect.objectContaining({ type: 'image', src: null, label: expect.stringMatching(/超过 10 MB/) })]);
  });

  it('refuses groups nested deeper than it reads, instead of running out of stack', () => {
    expect(() => readRtf(rtf(`{\\rtf1${'{'.repeat(5000)}x${'}'.repeat(5000)}}`))).toThrow(/nested too deep/);
  });
});
