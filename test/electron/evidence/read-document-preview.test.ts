/**
 * Word-processor previews read in a capped worker: a real document as LibreOffice wrote it, a
 * document that outgrows its memory cap (refused with a reason, and the next preview still
 * works), bytes that are no document, WPS's own format (found text with its notice), and the
 * preview kept as a rendition so it is made once per file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentPreview } from '../../../shared/api/evidence-preview-types.ts';
import { readDocumentPreview, readDocumentText } from '../../../electron/evidence/read-document-preview.ts';
import { previewers } from '../../../electron/evidence/previewers.ts';
import { renditionDir } from '../../../electron/evidence/renditions.ts';
import { writeDocx } from '../../helpers/office-files.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';

const tempDir = useTempDir('document-preview-');
const fixtures = resolve(import.meta.dirname, '../../fixtures/evidence');
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(resolve(fixtures, name)));

describe('readDocumentPreview', () => {
  it.each([
    ['letter.docx', 'docx'],
    ['letter.doc', 'doc'],
    ['letter.rtf', 'rtf'],
    ['letter.odt', 'odt'],
  ] as const)('shows the text of %s as LibreOffice wrote it', async (name, format) => {
    const reading = await readDocumentPreview(fixture(name), format);
    expect(reading.ok).toBe(true);
    if (!reading.ok) return;
    expect(reading.preview.body).toContainEqual({ type: 'paragraph', text: '技术合同登记证明', heading: null });
  });

  it('gives the whole text, header included, from the worker', async () => {
    expect(await readDocumentText(fixture('documents/红头文件.doc'), 'doc')).toEqual({ ok: true, text: expect.stringMatching(/^合肥市科学技术局文件\n\n关于2026年度/) });
  });

  it('ends a preview that outgrows its memory cap with a reason in Chinese; the next one still works', async () => {
    const file = join(tempDir(), 'long.docx');
    await writeDocx(file, Array.from({ length: 20_000 }, (_, i) => ({ paragraph: `第 ${i} 段：联盟年度工作总结，技术合同登记与成果转化情况。`.repeat(4) })));
    const refused = await readDocumentPreview(new Uint8Array(readFileSync(file)), 'docx', { maxOldGenerationSizeMb: 8, timeoutMs: 60_000 });
    expect(refused).toEqual({ ok: false, message: expect.stringMatching(/这个 Word 文件展开后过大.*内存超过了上限/) });
    expect((await readDocumentPreview(fixture('documents/红头文件.docx'), 'docx')).ok).toBe(true);
  }, 120_000);

  it.each(['docx', 'doc', 'rtf', 'odt', 'wps'] as const)('says bytes that are no %s document cannot be previewed', async (format) => {
    expect(await readDocumentPreview(fixture('unknown.bin'), format)).toEqual({ ok: false, failed: true, message: expect.stringContaining('无法预览此文件') });
  });

  it('shows the text found in a file of WPS’s own format, saying it may be incomplete', async () => {
    // A compound file read as WPS's own format: the text runs of its streams are found without
    // knowing the format (here LibreOffice's .doc, whose WordDocument stream holds UTF-16 text).
    const reading = await readDocumentPreview(fixture('documents/红头文件.doc'), 'wps');
    expect(reading.ok).toBe(true);
    if (!reading.ok) return;
    expect(reading.preview.notice).toMatch(/WPS 文字自有的旧格式.*可能不全/);
    const texts = reading.preview.body.map((b) => (b.type === 'paragraph' ? b.text : ''));
    expect(texts).toContain('合肥市科学技术局文件');
    expect(texts).toContain('各有关单位：根据《合肥市产业技术创新战略联盟管理办法》，现将考核结果通知如下。');
    // Pairs of ASCII letters read as UTF-16 look like Chinese; they are not shown.
    expect(texts.some((t) => /^[\u4e00-\u9fff]{4}$/.test(t) && [...t].every((c) => (c.charCodeAt(0) & 0xff) >= 0x20 && (c.charCodeAt(0) & 0xff) <= 0x7e))).toBe(false);
  });
});

describe('the document previewer', () => {
  it('makes the preview once per file and answers from the rendition after that', async () => {
    const dataDir = tempDir();
    const bytes = fixture('documents/红头文件.odt');
    const sha256 = 'ab'.repeat(32);
    const previewer = previewers.odt;
    if (previewer === undefined) throw new Error('no odt previewer');
    const input = { bytes, sha256, path: '证明/红头文件.odt', fileName: '红头文件.odt', dataDir };
    const first = (await previewer(input)) as DocumentPreview;
    const stored = join(renditionDir(dataDir, sha256, { name: 'document-odt', version: 1 }), 'preview.json');
    expect(existsSync(stored)).toBe(true);
    expect(first.header).toEqual([{ type: 'paragraph', text: '合肥市科学技术局文件', heading: null, align: 'center' }]);
    // The second answer comes from the stored file, not from the bytes (which are now junk).
    const second = await previewer({ ...input, bytes: fixture('unknown.bin') });
    expect(second).toEqual(first);
  });
});
