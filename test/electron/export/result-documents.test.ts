import { spawnSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { ExportProgress, ExportReport } from '../../../electron/export/export-result-documents.ts';
import { exportResultDocuments } from '../../../electron/export/export-result-documents.ts';
import { faceHas } from '../../../electron/export/fonts/font-runs.ts';
import { loadShippedFonts } from '../../../electron/export/fonts/shipped-fonts.ts';
import type { ResultDocumentsInput } from '../../../electron/export/result-documents-input.ts';
import { resultDigest } from '../../../electron/export/result-documents-input.ts';
import { planResultPdfs, renderPlannedPdf, signingCertificateOf } from '../../../electron/export/result-pdfs.ts';
import { localSigner } from '../../../electron/export/signing/local-certificate.ts';
import type { ResultSigner } from '../../../electron/export/signing/result-signer.ts';
import { verifyPdfSignature } from '../../../electron/export/signing/verify-pdf-signature.ts';
import { dec } from '../../../shared/decimal/decimal.ts';
import { formatScore } from '../../../shared/decimal/print-score.ts';
import { cliBin } from '../../helpers/run-cli.ts';
import { opensslVerify, pdfFonts, pdfsig, pdfText, signaturePieces } from './pdf-tools.ts';
import type { ResultFixture } from './result-fixture.ts';
import { resultFixture } from './result-fixture.ts';

const NOW = new Date('2027-01-21T02:00:00Z');

let fixture: ResultFixture;
let input: ResultDocumentsInput;
let dir: string;
let signer: ResultSigner;
let report: ExportReport;
const progress: ExportProgress[] = [];

const pdfDir = (): string => join(dir, 'pdf');
const pdfPath = (name: string): string => join(pdfDir(), name);
const fixed = (value: number | null): string => (value === null ? '—' : formatScore(dec(value), { fixed: true }));
const plain = (value: number | null): string => (value === null ? '—' : formatScore(dec(value)));
/** pdftotext puts table cells on lines of their own; compare without line breaks. */
const flat = (text: string): string => text.replace(/\s+/g, '');

beforeAll(async () => {
  fixture = await resultFixture();
  input = fixture.input;
  dir = mkdtempSync(join(tmpdir(), 'result-documents-'));
  signer = await localSigner(join(dir, 'data'), { now: NOW });
  const outcome = await exportResultDocuments(input, {
    pdfDir: pdfDir(),
    xlsxPath: join(dir, '2026-考核结果.xlsx'),
    signer,
    onProgress: (event) => progress.push(event),
  });
  if (!outcome.ok) throw new Error(`refused: ${outcome.existing.join(', ')}`);
  report = outcome.report;
}, 180_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('the result documents of a year', () => {
  it('are the summary, the publication list, a detail sheet per alliance, a sheet per expert and the workbook', () => {
    expect(readdirSync(pdfDir()).sort()).toEqual(
      [
        '2026-考核结果汇总表.pdf',
        '2026-考核优秀联盟公示名单.pdf',
        ...input.result.alliances.map((alliance) => `2026-联盟评分明细表-${alliance.allianceId}.pdf`),
        ...['E01', 'E02', 'E03', 'E04', 'E05'].map((id) => `2026-专家评分表-${id}.pdf`),
      ].sort(),
    );
    expect(report.files.map((file) => file.kind)).toEqual([
      'summary',
      'publication',
      ...input.result.alliances.map(() => 'detail'),
      ...['E01', 'E02', 'E03', 'E04', 'E05'].map(() => 'expert'),
      'workbook',
    ]);
    expect(report.missingCharacters).toEqual([]);
    expect(report.resultDigest).toBe(resultDigest(input.result));
  });

  it('reports progress for every step, counting up to the total', () => {
    expect(progress.map((event) => event.done)).toEqual(progress.map((_, i) => i + 1));
    expect(progress.at(-1)?.done).toBe(progress[0]?.total);
    expect(progress.filter((event) => event.step === 'write')).toHaveLength(report.files.length);
  });

  it('summary: every alliance ranked with each expert total, the panel score, grade, consequence, award, flags and notes', () => {
    const text = pdfText(pdfPath('2026-考核结果汇总表.pdf'));
    const compact = flat(text);
    for (const name of ['王明', '刘䶮', '𠮷田春华', '张喆', '陈思远']) expect(compact).toContain(name);
    for (const alliance of input.result.alliances) {
      expect(compact).toContain(flat(alliance.name));
      expect(compact).toContain(fixed(alliance.total));
      for (const expert of alliance.experts) expect(compact).toContain(expert.recused ? '回避' : plain(expert.total));
      for (const flag of alliance.flags) expect(compact).toContain(flat(flag.detail));
    }
    expect(compact).toContain('请联盟于三个月内提交整改报告');
    expect(compact).toContain('166,666');
    expect(compact).toContain('限期整改');
    // Ranked by score: HFA-001 (102) before HFA-006 (101.7) before HFA-002 (91.8).
    expect(compact.indexOf('HFA-001')).toBeLessThan(compact.indexOf('HFA-006'));
    expect(compact.indexOf('HFA-006')).toBeLessThan(compact.indexOf('HFA-002'));
    // The signature block: every expert's fingerprint, the chair, the certificate's fingerprint.
    for (const expert of fixture.experts) expect(text).toContain(expert.fingerprint);
    expect(compact).toContain('赵建国');
    expect(text).toContain(new X509Certificate(signer.certificate).fingerprint256);
    expect(compact).toContain('专家评分分布图');
  });

  it('detail sheets: scores per indicator and criterion, rejected claims with reasons and evidence, the override, the recusal', () => {
    for (const alliance of input.result.alliances) {
      const compact = flat(pdfText(pdfPath(`2026-联盟评分明细表-${alliance.allianceId}.pdf`)));
      expect(compact).toContain(flat(alliance.name));
      expect(compact).toContain(alliance.packageDigest);
      expect(compact).toContain(`专家组得分：${fixed(alliance.total)}`);
      for (const criterionId of ['I1.office', 'I4.techContracts', 'I10.status', 'B2.majorProjects']) expect(compact).toContain(criterionId);
    }
    const hfa002 = flat(pdfText(pdfPath('2026-联盟评分明细表-HFA-002.pdf')));
    expect(hfa002).toContain('合同未在技术市场登记，登记号无法查验');
    expect(hfa002).toContain('成果转化/tc-1.pdf');
    expect(hfa002).toContain('仅有年度计划，缺半年工作总结');
    expect(hfa002).toContain('改判（1项）');
    const hfa003 = flat(pdfText(pdfPath('2026-联盟评分明细表-HFA-003.pdf')));
    expect(hfa003).toContain('回避：本人任该联盟牵头单位技术顾问，申请回避');
  });

  it('expert sheets: the expert own totals for every alliance, recusals and signature', () => {
    for (const expert of fixture.experts) {
      const text = pdfText(pdfPath(`2026-专家评分表-${expert.id}.pdf`));
      const compact = flat(text);
      expect(compact).toContain(`${expert.name}（${expert.id}）`);
      expect(text).toContain(expert.fingerprint);
      for (const alliance of input.result.alliances) {
        const own = alliance.experts.find((candidate) => candidate.id === expert.id);
        expect(compact).toContain(own?.recused === true ? `${alliance.allianceId}${flat(alliance.name)}回避` : plain(own?.total ?? null));
      }
    }
  });

  it('publication list: exactly the excellent alliances, by score', () => {
    const compact = flat(pdfText(pdfPath('2026-考核优秀联盟公示名单.pdf')));
    for (const alliance of input.result.alliances) {
      expect(compact.includes(flat(alliance.name))).toBe(alliance.grade === 'excellent');
    }
    expect(compact).toMatch(/1合肥市智能语音产业技术创新战略联盟HFA-001102\.00优秀2合肥市科技金融服务/);
  });

  it('every page carries the year, the meeting, its number of the total and the result digest', () => {
    for (const file of report.files.filter((entry) => entry.pages !== null)) {
      const pages = pdfText(file.path).split('\f').filter((page) => page.trim() !== '');
      expect(pages).toHaveLength(file.pages ?? 0);
      pages.forEach((page, i) => {
        expect(page).toContain('2026 年度');
        expect(page).toContain(input.meetingName);
        expect(flat(page)).toContain(`第${i + 1}页/共${pages.length}页`);
        expect(page).toContain(report.resultDigest);
      });
    }
  });

  it('sets every character in a face that has it, the rare ones included, and embeds only subsets', async () => {
    const fonts = loadShippedFonts();
    const faces = new Map([...fonts.regular, ...fonts.bold].map((face) => [face.name, face]));
    const drawnBy = new Map<string, Set<string>>();
    for (const plan of planResultPdfs(input, signingCertificateOf(signer))) {
      const pdf = await renderPlannedPdf(input, plan, fonts, 'test');
      expect([...pdf.missing]).toEqual([]);
      for (const [faceName, chars] of pdf.drawn) {
        const face = faces.get(faceName);
        expect(face, faceName).toBeDefined();
        for (const char of chars) {
          expect(face !== undefined && faceHas(face, char), `${char} U+${char.codePointAt(0)?.toString(16)} in ${faceName}`).toBe(true);
          let set = drawnBy.get(faceName);
          if (set === undefined) drawnBy.set(faceName, (set = new Set()));
          set.add(char);
        }
      }
    }
    // 䶮 (Extension A) and 喆 are in Noto Sans SC; 𠮷 (Extension B) only in the fallback.
    expect(drawnBy.get('main-regular')?.has('䶮')).toBe(true);
    expect(drawnBy.get('main-regular')?.has('喆')).toBe(true);
    expect(drawnBy.get('fallback-regular')?.has('𠮷')).toBe(true);
    expect(drawnBy.get('main-regular')?.has('𠮷') ?? false).toBe(false);
    for (const file of report.files.filter((entry) => entry.pages !== null)) {
      const fontsOfFile = pdfFonts(file.path);
      expect(fontsOfFile.length).toBeGreaterThan(0);
      for (const font of fontsOfFile) expect(font, `${file.path} ${font.name}`).toMatchObject({ embedded: true, subset: true, unicode: true });
    }
    expect(pdfFonts(pdfPath('2026-考核结果汇总表.pdf')).map((font) => font.name.replace(/^[A-Z]{6}\+/, ''))).toContain('SourceHanSansSC-Regular');
  });

  it('shows a character no shipped font has as 〓 and reports it', async () => {
    const rare = '𪚥';
    const withRare: ResultDocumentsInput = { ...input, meetingName: `${input.meetingName}（${rare}）` };
    const fonts = loadShippedFonts();
    const plan = planResultPdfs(withRare, signingCertificateOf(signer)).find((entry) => entry.kind === 'publication');
    if (plan === undefined) throw new Error('no publication list');
    const pdf = await renderPlannedPdf(withRare, plan, fonts, 'test');
    expect([...pdf.missing]).toEqual([rare]);
    const path = join(dir, 'rare.pdf');
    writeFileSync(path, pdf.bytes);
    expect(pdfText(path)).toContain('考核评审会（〓）');
  });

  it('keeps a text-only page under 200 KB: the fonts are subsetted', () => {
    const list = report.files.find((file) => file.kind === 'publication');
    expect(list?.pages).toBe(1);
    expect(list?.bytes).toBeLessThan(200 * 1024);
  });
});

describe('the signature of every result PDF', () => {
  const certificatePem = (): string => new X509Certificate(signer.certificate).toString();

  it('is valid for pdfsig over the whole document, for openssl cms and for our verifier', () => {
    for (const file of report.files.filter((entry) => entry.pages !== null)) {
      const check = pdfsig(file.path);
      expect(check.valid, check.text).toBe(true);
      expect(check.wholeDocument, check.text).toBe(true);
      expect(check.commonName).toBe('合肥市科学技术局 考核结果签名（本机自签名）');
      const bytes = readFileSync(file.path);
      expect(opensslVerify(bytes, certificatePem(), dir, NOW).ok).toBe(true);
      const ours = verifyPdfSignature(bytes);
      expect(ours.problems).toEqual([]);
      expect(ours.resultDigest).toBe(report.resultDigest);
      expect(ours.signingTime?.toISOString()).toBe(NOW.toISOString());
    }
  });

  it('fails everywhere once one byte is changed', () => {
    const path = pdfPath('2026-考核结果汇总表.pdf');
    const original = readFileSync(path);
    const range = verifyPdfSignature(original).byteRange ?? [];
    const [, gapStart = 0, gapEnd = 0] = range;
    const { cms } = signaturePieces(original);
    // Hex digits of the CMS start at gapStart + 1; its last bytes are the signature value.
    const positions = {
      'page content': Math.floor((gapEnd + original.length) / 2),
      'the certificate inside the signature': gapStart + 1 + 2 * 300,
      'the signature value': gapStart + 1 + 2 * (cms.length - 10),
      'the padding after the signature': gapEnd - 20,
    };
    for (const [where, at] of Object.entries(positions)) {
      const changed = Buffer.from(original);
      changed[at] = (changed[at] ?? 0) === 0x30 ? 0x31 : 0x30;
      const flippedPath = join(dir, 'changed.pdf');
      writeFileSync(flippedPath, changed);
      expect(verifyPdfSignature(changed).ok, where).toBe(false);
      const cli = spawnSync(process.execPath, [cliBin, 'verify', flippedPath], { encoding: 'utf8' });
      expect(cli.status, where).toBe(1);
      expect(cli.stderr, where).toContain('✗ 验证失败 verification failed');
      if (where === 'page content') {
        expect(pdfsig(flippedPath).valid).toBe(false);
        expect(opensslVerify(changed, certificatePem(), dir, NOW).ok).toBe(false);
      }
    }
  });

  it('is reported by alliance-review verify with the signer and the certificate fingerprint', () => {
    const path = pdfPath('2026-考核结果汇总表.pdf');
    const cli = spawnSync(process.execPath, [cliBin, 'verify', path], { encoding: 'utf8' });
    expect(cli.stderr).toBe('');
    expect(cli.status).toBe(0);
    expect(cli.stdout).toContain('✓ 签名有效 signature valid：2026-考核结果汇总表.pdf');
    expect(cli.stdout).toContain('签名人 signer：合肥市科学技术局 考核结果签名（本机自签名）');
    expect(cli.stdout).toContain(new X509Certificate(signer.certificate).fingerprint256);
    expect(cli.stdout).toContain(`结果摘要 result digest：${report.resultDigest}`);
  });
});

describe('writing the documents', () => {
  it('refuses to replace existing files and writes nothing, unless asked to overwrite', async () => {
    const target = mkdtempSync(join(tmpdir(), 'result-documents-again-'));
    try {
      const xlsxPath = join(target, 'result.xlsx');
      writeFileSync(xlsxPath, 'an older workbook');
      const refused = await exportResultDocuments(input, { pdfDir: join(target, 'pdf'), xlsxPath, signer });
      expect(refused).toEqual({ ok: false, existing: [xlsxPath] });
      expect(readdirSync(target)).toEqual(['result.xlsx']);
      expect(readFileSync(xlsxPath, 'utf8')).toBe('an older workbook');

      const replaced = await exportResultDocuments(input, { xlsxPath, overwrite: true });
      expect(replaced.ok).toBe(true);
      expect(readFileSync(xlsxPath).subarray(0, 2).toString('latin1')).toBe('PK');
      // No temporary file is left behind.
      expect(readdirSync(target)).toEqual(['result.xlsx']);
    } finally {
      rmSync(target, { recursive: true, force: true });
    }
  });
});
