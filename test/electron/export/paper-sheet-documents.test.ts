/**
 * An expert who scored on paper (typed in twice in the chair's console): no drawn signature and
 * no key, so the documents must not print a fingerprint `paper` or ask for a key; they say
 * 纸质录入 and who typed the sheet in and who confirmed it, on the summary's signature block,
 * the expert's own sheet and the workbook's 专家名单.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildResultWorkbook } from '../../../electron/export/excel/result-workbook.ts';
import { loadShippedFonts } from '../../../electron/export/fonts/shipped-fonts.ts';
import type { ResultDocumentsInput } from '../../../electron/export/result-documents-input.ts';
import { planResultPdfs, renderPlannedPdf, signingCertificateOf } from '../../../electron/export/result-pdfs.ts';
import { localSigner } from '../../../electron/export/signing/local-certificate.ts';
import { mergeSheets } from '../../../shared/result/merge-sheets.ts';
import type { PaperSheet } from '../../../shared/result/paper-sheet.ts';
import { pdfText } from './pdf-tools.ts';
import { resultFixture } from './result-fixture.ts';

const NOW = new Date('2027-01-21T02:00:00Z');
let dir: string;
let input: ResultDocumentsInput;
const flat = (text: string): string => text.replace(/\s+/g, '');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'paper-documents-'));
  const fixture = await resultFixture();
  const signed = fixture.sheets.filter((entry) => entry.sheet.expert.id !== 'E05');
  const e05 = fixture.sheets.find((entry) => entry.sheet.expert.id === 'E05');
  if (e05 === undefined) throw new Error('E05 missing');
  const { signature: _signature, ...unsigned } = e05.sheet;
  const paper: PaperSheet = { source: '纸质评分表 E05', sheet: unsigned, enteredBy: '会务 周敏', confirmedBy: '秘书 吴刚' };
  const outcome = mergeSheets(fixture.rubric, fixture.packages, signed, { budgetYuan: 500000, paperSheets: [paper] });
  if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join('\n'));
  expect(outcome.result.alliances[0]?.experts.find((e) => e.id === 'E05')?.fingerprint).toBe('paper');
  input = {
    ...fixture.input,
    result: outcome.result,
    sheets: [...signed, { sheet: paper.sheet, fingerprint: 'paper', paper: { enteredBy: paper.enteredBy, confirmedBy: paper.confirmedBy } }],
  };
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function textOf(kind: 'summary' | 'expert', subject: string | null): Promise<string> {
  const signer = await localSigner(join(dir, 'data'), { now: NOW });
  const plan = planResultPdfs(input, signingCertificateOf(signer)).find((entry) => entry.kind === kind && (subject === null || entry.subject === subject));
  if (plan === undefined) throw new Error(`no ${kind} ${subject ?? ''}`);
  const pdf = await renderPlannedPdf(input, plan, loadShippedFonts(), 'test');
  const path = join(dir, plan.fileName);
  writeFileSync(path, pdf.bytes);
  return flat(pdfText(path));
}

describe('a paper-entered expert in the result documents', () => {
  it('signature block of the summary: 纸质录入 with who typed and confirmed, no key fingerprint; signed experts keep theirs', async () => {
    const text = await textOf('summary', null);
    // pdftotext reads the row of boxes line by line across them: check each line of the box.
    for (const line of ['无电子签名，手写签名见纸质原件', '陈思远（E05）', '会务 周敏 录入，秘书 吴刚 复核', '纸质评分表签于 2027-01-20']) expect(text).toContain(flat(line));
    expect(text).not.toContain('密钥指纹paper');
    expect(text.match(/密钥指纹[0-9a-f]{4}[0-9a-f]{4}[0-9a-f]{4}[0-9a-f]{4}/g)).toHaveLength(4);
    // The flag the merge adds is printed with the alliance's flags.
    expect(text).toContain(flat('[纸质录入] E05 陈思远'));
  }, 60_000);

  it('the expert’s own sheet says 纸质录入 where the fingerprint would be', async () => {
    const text = await textOf('expert', 'E05');
    expect(text).toContain(flat('纸质录入：会务 周敏 录入，秘书 吴刚 复核（无电子签名，无密钥指纹）'));
    expect(text).not.toContain('paper');
    const signedText = await textOf('expert', 'E01');
    expect(signedText).toMatch(/密钥指纹：[0-9a-f]{4}/);
    expect(signedText).not.toContain('纸质录入');
  }, 60_000);

  it('专家名单 in the workbook: no key, who typed and confirmed', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await buildResultWorkbook(input)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('专家名单');
    expect(sheet?.getRow(1).getCell(9).value).toBe('纸质录入');
    const rows = new Map((sheet?.getRows(2, 5) ?? []).map((row) => [row.getCell(1).value, row]));
    const e05 = rows.get('E05');
    expect([3, 4, 8, 9].map((col) => e05?.getCell(col).value ?? '')).toEqual(['纸质录入（无密钥）', '', '见纸质原件', '会务 周敏 录入，秘书 吴刚 复核']);
    expect(String(rows.get('E01')?.getCell(3).value)).toMatch(/^[0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4}$/);
    expect(rows.get('E01')?.getCell(9).value ?? '').toBe('');
  });
});
