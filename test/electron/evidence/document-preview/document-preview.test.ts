/**
 * The document preview of one 红头文件 as LibreOffice saves it in every word-processor format
 * (test/fixtures/evidence/documents/make-documents.sh): each format's reader finds the issuing
 * body in the page header, the page number in the footer, the heading, the table with its
 * merged cell, the footnote and the embedded certificate (a 160 × 100 PNG, byte for byte),
 * and the document's whole text has the header and footer in it.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentBlock, DocumentFormat, DocumentImage, DocumentPreview } from '../../../../shared/api/evidence-preview-types.ts';
import { documentPreview, documentText } from '../../../../electron/evidence/document-preview/document-preview.ts';

const dir = resolve(import.meta.dirname, '../../../fixtures/evidence/documents');
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(resolve(dir, name)));
const certificate = readFileSync(resolve(dir, 'certificate.png'));

/** Every block, cells' blocks included, in document order. */
function flat(blocks: readonly DocumentBlock[]): DocumentBlock[] {
  return blocks.flatMap((b) => (b.type === 'table' ? [b, ...b.rows.flatMap((r) => r.flatMap((c) => flat(c.blocks)))] : [b]));
}
const texts = (blocks: readonly DocumentBlock[]): string[] => flat(blocks).flatMap((b) => (b.type === 'paragraph' ? [b.text] : []));
const images = (preview: DocumentPreview): DocumentImage[] =>
  flat([...preview.header, ...preview.body, ...preview.footer]).filter((b): b is DocumentImage => b.type === 'image');

// LibreOffice re-encodes the picture when it writes RTF (a palette PNG becomes an RGB one), so
// there the picture is checked as a whole PNG of the same size instead of the same bytes.
const cases: readonly { file: string; format: DocumentFormat; headings: boolean; align: boolean; notice: RegExp | null; sameBytes?: false }[] = [
  { file: '红头文件.docx', format: 'docx', headings: true, align: true, notice: null },
  { file: '红头文件.doc', format: 'doc', headings: false, align: false, notice: /图片集中列在正文之后/ },
  { file: '红头文件.wps', format: 'doc', headings: false, align: false, notice: /图片集中列在正文之后/ },
  { file: '红头文件.rtf', format: 'rtf', headings: true, align: true, notice: null, sameBytes: false },
  { file: '红头文件.odt', format: 'odt', headings: true, align: true, notice: null },
];

describe.each(cases)('$file read as $format', ({ file, format, headings, align, notice, sameBytes }) => {
  it('shows the issuing body in the header and the page number in the footer', async () => {
    const preview = await documentPreview(fixture(file), format);
    expect(preview.kind).toBe('document');
    expect(preview.format).toBe(format);
    expect(texts(preview.header)).toEqual(['合肥市科学技术局文件']);
    expect(texts(preview.footer)).toEqual(['第 1 页']);
    if (align) expect(preview.header[0]).toMatchObject({ type: 'paragraph', align: 'center' });
  });

  it('shows the body: heading, paragraphs, the table with its merged row, and the footnote', async () => {
    const preview = await documentPreview(fixture(file), format);
    const body = texts(preview.body);
    // The .odt keeps the footnote's number where it stands in the sentence.
    expect(body.some((t) => t.startsWith('各有关单位：根据《合肥市产业技术创新战略联盟管理办法》，现将考核结果通知如下。'))).toBe(true);
    expect(preview.body[0]).toEqual(
      headings
        ? { type: 'paragraph', text: '关于2026年度产业技术创新战略联盟考核结果的通知', heading: 1 }
        : { type: 'paragraph', text: '关于2026年度产业技术创新战略联盟考核结果的通知', heading: null },
    );
    const table = preview.body.find((b) => b.type === 'table');
    expect(table).toBeDefined();
    if (table?.type !== 'table') return;
    expect(table.rows.map((r) => r.map((c) => texts(c.blocks).join('')))).toEqual([
      ['联盟名称', '考核得分', '等次'],
      ['合肥市智能语音产业技术创新战略联盟', '92.5', '优秀'],
      ['备注：得分保留一位小数'],
    ]);
    expect(table.rows[2]?.[0]?.colSpan).toBe(3);
    expect(texts(preview.notes).join('')).toContain('考核依据为联盟提交的自评材料。');
    expect(preview.notice).toEqual(notice === null ? null : expect.stringMatching(notice));
    expect(preview.truncated).toBe(false);
  });

  it('shows the embedded certificate: a PNG of 160 × 100 pixels, as LibreOffice stored it', async () => {
    const preview = await documentPreview(fixture(file), format);
    const pictures = images(preview);
    expect(pictures).toHaveLength(1);
    const [picture] = pictures;
    expect(picture).toMatchObject({ mime: 'image/png', width: 160, height: 100 });
    expect(picture?.src?.startsWith('data:image/png;base64,')).toBe(true);
    const bytes = Buffer.from(picture?.src?.slice('data:image/png;base64,'.length) ?? '', 'base64');
    if (sameBytes === false) expect(bytes.subarray(-12).toString('hex')).toBe('0000000049454e44ae426082');
    else expect(bytes.equals(certificate)).toBe(true);
  });

  it('gives the whole text with the header first and the footer after the body', async () => {
    const text = await documentText(fixture(file), format);
    expect(text.startsWith('合肥市科学技术局文件\n\n')).toBe(true);
    expect(text).toContain('合肥市智能语音产业技术创新战略联盟\t92.5\t优秀');
    expect(text.indexOf('第 1 页')).toBeGreaterThan(text.indexOf('合肥市科学技术局\n'));
    expect(text).not.toContain('data:');
  });
});

describe('the picture in the .docx body', () => {
  it('stands where the document has it: after the paragraph that announces it', async () => {
    const preview = await documentPreview(fixture('红头文件.docx'), 'docx');
    const at = preview.body.findIndex((b) => b.type === 'image');
    expect(preview.body[at - 1]).toMatchObject({ type: 'paragraph', text: '附件：高新技术企业证书' });
    expect(preview.body[at + 1]).toMatchObject({ type: 'paragraph', text: '合肥市科学技术局' });
  });
});

describe('a document cut short (an interrupted copy)', () => {
  it.each(cases)('$file: refused with an error or shown in part, never hanging', async ({ file, format }) => {
    const whole = fixture(file);
    for (const fraction of [0.3, 0.6, 0.9]) {
      const cut = whole.subarray(0, Math.floor(whole.length * fraction));
      const outcome = await documentPreview(cut, format).then(
        (preview) => ({ ok: true as const, preview }),
        (error: unknown) => ({ ok: false as const, error }),
      );
      if (outcome.ok) expect(outcome.preview.kind).toBe('document');
      else expect(outcome.error).toBeInstanceOf(Error);
    }
  });
});
