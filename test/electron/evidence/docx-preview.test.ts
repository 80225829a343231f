/**
 * The Word preview read in a capped worker: a real document as LibreOffice wrote it, a
 * document that outgrows its memory cap (refused with a reason, and the next preview still
 * works), and bytes that are no Word document.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocxPreview } from '../../../electron/evidence/read-docx-preview.ts';
import { writeDocx } from '../../helpers/office-files.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';

const tempDir = useTempDir('docx-preview-');
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(resolve(import.meta.dirname, '../../fixtures/evidence', name)));

describe('readDocxPreview', () => {
  it('shows the text of a document LibreOffice wrote', async () => {
    const reading = await readDocxPreview(fixture('letter.docx'));
    expect(reading.ok).toBe(true);
    if (!reading.ok) return;
    expect(reading.blocks.length).toBeGreaterThan(0);
    expect(JSON.stringify(reading.blocks)).toMatch(/[\u4e00-\u9fff]/);
  });

  it('ends a preview that outgrows its memory cap with a reason in Chinese; the next one still works', async () => {
    const file = join(tempDir(), 'long.docx');
    await writeDocx(file, Array.from({ length: 20_000 }, (_, i) => ({ paragraph: `第 ${i} 段：联盟年度工作总结，技术合同登记与成果转化情况。`.repeat(4) })));
    const refused = await readDocxPreview(new Uint8Array(readFileSync(file)), { maxOldGenerationSizeMb: 8, timeoutMs: 60_000 });
    expect(refused).toEqual({ ok: false, message: expect.stringMatching(/内存超过了上限/) });
    expect((await readDocxPreview(fixture('letter.docx'))).ok).toBe(true);
  }, 120_000);

  it('says a file that is no Word document cannot be previewed', async () => {
    expect(await readDocxPreview(fixture('unknown.bin'))).toEqual({ ok: false, failed: true, message: expect.stringContaining('无法预览此文件') });
  });
});
