import { spawnSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { fromBuffer } from 'yauzl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { ExportProgress, ExportReport } from '../../../electron/export/export-result-documents.ts';
import { exportResultDocuments } from '../../../electron/export/export-result-documents.ts';
import { wrappedLines } from '../../../electron/export/excel/sheet-style.ts';
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
import { agreementReading, leniencyText } from '../../../shared/panel/agreement-reading.ts';
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
  it('are the summary, the publication list, a detail sheet per alliance, a sheet per expert, the procedure documents and the workbook', () => {
    expect(readdirSync(pdfDir()).sort()).toEqual(
      [
        '2026-考核结果汇总表.pdf',
        '2026-考核优秀联盟公示名单.pdf',
        ...input.result.alliances.map((alliance) => `2026-联盟评分明细表-${alliance.allianceId}.pdf`),
        ...['E01', 'E02', 'E03', 'E04', 'E05'].map((id) => `2026-专家评分表-${id}.pdf`),
        '2026-专家签到表.pdf',
        '2026-评审专家承诺书.pdf',
        '2026-评审报告.pdf',
        ...input.result.alliances.map((alliance) => `2026-专家组意见-${alliance.allianceId}.pdf`),
      ].sort(),
    );
    expect(report.files.map((file) => file.kind)).toEqual([
      'summary',
      'publication',
      ...input.result.alliances.map(() => 'detail'),
      ...['E01', 'E02', 'E03', 'E04', 'E05'].map(() => 'expert'),
      'sign-in',
      'pledge',
      'report',
      ...input.result.alliances.map(() => 'opinion'),
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

  it('summary annex: the unstable alliances, the agreement per indicator with its reading, each expert\'s leniency', () => {
    const compact = flat(pdfText(pdfPath('2026-考核结果汇总表.pdf')));
    const annex = compact.slice(compact.indexOf(flat('附：专家组一致性分析（仅供参考）')));
    expect(annex.length).toBeLessThan(compact.length);
    const analysis = input.result.analysis;
    if (analysis === undefined) throw new Error('the fixture result has an analysis');
    for (const [id, agreement] of Object.entries(analysis.indicators)) {
      expect(annex).toContain(id);
      expect(annex).toContain(flat(agreementReading('icc', agreement).text));
      expect(annex).toContain(flat(`${agreement.alliances} × ${agreement.experts}`));
    }
    for (const [id, expert] of Object.entries(analysis.experts)) {
      expect(annex).toContain(flat(`${id} ${fixture.experts.find((e) => e.id === id)?.name ?? ''}`));
      expect(annex).toContain(leniencyText(expert.leniency));
    }
    const unstable = input.result.alliances.flatMap((a) => a.flags.filter((f) => f.kind === 'unstable'));
    if (unstable.length === 0) expect(annex).toContain('无：去掉任何一位专家');
    for (const flag of unstable) expect(annex).toContain(flat(flag.detail));
    if (process.env['ANNEX_PNG'] !== undefined) {
      const pages = spawnSync('pdfinfo', [pdfPath('2026-考核结果汇总表.pdf')], { encoding: 'utf8' }).stdout.match(/Pages:\s+(\d+)/)?.[1] ?? '1';
      spawnSync('pdftoppm', ['-png', '-r', '80', '-f', String(Math.max(1, Number(pages) - 1)), '-l', pages, pdfPath('2026-考核结果汇总表.pdf'), process.env['ANNEX_PNG']]);
    }
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
    // 䶮 (Extension A) and 喆 are in the main font; 𠮷 (Extension B) only in the fallback.
    expect(drawnBy.get('main-regular')?.has('䶮')).toBe(true);
    expect(drawnBy.get('main-regular')?.has('喆')).toBe(true);
    expect(drawnBy.get('fallback-regular')?.has('𠮷')).toBe(true);
    expect(drawnBy.get('main-regular')?.has('𠮷') ?? false).toBe(false);
    for (const file of report.files.filter((entry) => entry.pages !== null)) {
      const fontsOfFile = pdfFonts(file.path);
      expect(fontsOfFile.length).toBeGreaterThan(0);
      for (const font of fontsOfFile) expect(font, `${file.path} ${font.name}`).toMatchObject({ embedded: true, subset: true, unicode: true });
      // 'Source' is Adobe's reserved font name: a subset of its fonts may not be called so.
      for (const font of fontsOfFile) expect(font.name).not.toMatch(/source/i);
    }
    expect(pdfFonts(pdfPath('2026-考核结果汇总表.pdf')).map((font) => font.name.replace(/^[A-Z]{6}\+/, ''))).toContain('NotoSansCJKscFallback-Regular');
  }, 120_000);

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

  it('prints an emoji by its Chinese name and drops control characters, reporting neither as missing', async () => {
    const withEmoji: ResultDocumentsInput = { ...input, meetingName: `${input.meetingName}\u0007🎉` };
    const plan = planResultPdfs(withEmoji, signingCertificateOf(signer)).find((entry) => entry.kind === 'publication');
    if (plan === undefined) throw new Error('no publication list');
    const pdf = await renderPlannedPdf(withEmoji, plan, loadShippedFonts(), 'test');
    expect([...pdf.missing]).toEqual([]);
    const path = join(dir, 'emoji.pdf');
    writeFileSync(path, pdf.bytes);
    expect(pdfText(path)).toContain('考核评审会〔拉炮彩带〕');
    // The expert's comment with an emoji, in the detail sheet.
    expect(flat(pdfText(pdfPath('2026-联盟评分明细表-HFA-002.pdf')))).toContain('年度计划完整〔拇指向上〕');
  });

  it('never leaves a heading or a signature box alone on a page, and never splits a fact of a heading line', () => {
    const pages = (file: string): string[] => pdfText(pdfPath(file)).split('\f');
    // The chart heading shares its page with the chart's legend.
    const summary = pages('2026-考核结果汇总表.pdf');
    const chartPage = summary.find((page) => page.includes('专家评分分布图'));
    expect(chartPage).toContain('专家总分');
    // Each expert's signature box shares its page with a row of the table above it.
    for (const expert of fixture.experts) {
      const sheet = pages(`2026-专家评分表-${expert.id}.pdf`);
      const signaturePage = sheet.find((page) => page.includes('专家签名'));
      expect(signaturePage, expert.id).toMatch(/HFA-\d{3}/);
    }
    // The facts under the summary's title break only between facts.
    const facts = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-f', '1', '-l', '1', pdfPath('2026-考核结果汇总表.pdf'), '-'], { encoding: 'utf8' }).stdout;
    expect(facts).toMatch(new RegExp(`联盟 ${input.result.alliances.length} 个，专家 \\d+ 位`));
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

/**
 * Enough of Excel to recompute the workbook's formulas: references (same or other sheet),
 * ranges, SUM, AVERAGE, COUNT, ROUND, TRIMMEAN, IF, ISNUMBER, RANK, comparisons and strings.
 * Text cells (回避) are skipped by the aggregates, as in Excel.
 */
function evaluator(workbook: ExcelJS.Workbook) {
  const value = (sheetName: string, address: string): unknown => {
    const sheet = workbook.getWorksheet(sheetName);
    const cell = sheet?.getCell(address.replace(/\$/g, ''));
    const raw = cell?.value as unknown;
    if (raw !== null && typeof raw === 'object' && 'formula' in raw) return evaluate(sheetName, (raw as { formula: string }).formula);
    return raw ?? null;
  };
  const range = (sheetName: string, from: string, to: string): unknown[] => {
    const [, c1 = '', r1 = ''] = /^\$?([A-Z]+)\$?(\d+)$/.exec(from) ?? [];
    const [, c2 = '', r2 = ''] = /^\$?([A-Z]+)\$?(\d+)$/.exec(to) ?? [];
    const col = (letters: string): number => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    const letter = (n: number): string => (n > 26 ? letter(Math.floor((n - 1) / 26)) : '') + String.fromCharCode(65 + ((n - 1) % 26));
    const values: unknown[] = [];
    for (let r = Number(r1); r <= Number(r2); r += 1) for (let c = col(c1); c <= col(c2); c += 1) values.push(value(sheetName, `${letter(c)}${r}`));
    return values;
  };
  const numbers = (values: unknown[]): number[] => values.flat().filter((entry): entry is number => typeof entry === 'number');
  const round2 = (n: number): number => Math.round(n * 100 + 1e-9) / 100;
  function evaluate(sheetName: string, formula: string): unknown {
    // Tokenise into a JS expression over helper functions; the formulas we write are simple.
    const js = formula
      .replace(/'([^']+)'!(\$?[A-Z]+\$?\d+)/g, (_, other: string, address: string) => `V(${JSON.stringify(other)},${JSON.stringify(address)})`)
      .replace(/(\$?[A-Z]+\$?\d+):(\$?[A-Z]+\$?\d+)/g, (_, a: string, b: string) => `R(${JSON.stringify(a)},${JSON.stringify(b)})`)
      .replace(/(?<![A-Za-z"$])(\$?[A-Z]{1,2}\$?\d+)(?![\w"(])/g, (_, address: string) => `V(S,${JSON.stringify(address)})`)
      .replace(/>=/g, '>=')
      .replace(/(?<![<>!=])=(?!=)/g, '===');
    const fns = {
      S: sheetName,
      V: value,
      R: (a: string, b: string) => range(sheetName, a, b),
      SUM: (...args: unknown[]) => numbers(args).reduce((sum, n) => sum + n, 0),
      AVERAGE: (...args: unknown[]) => {
        const list = numbers(args);
        return list.reduce((sum, n) => sum + n, 0) / list.length;
      },
      COUNT: (...args: unknown[]) => numbers(args).length,
      ROUND: (n: number, places: number) => (places === 2 ? round2(n) : Number(n.toFixed(places))),
      TRIMMEAN: (values: unknown[], _share: number) => {
        const list = numbers(values).sort((a, b) => a - b).slice(1, -1);
        return list.reduce((sum, n) => sum + n, 0) / list.length;
      },
      IF: (test: unknown, yes: unknown, no: unknown) => (test === true ? yes : no),
      ISNUMBER: (v: unknown) => typeof v === 'number',
      RANK: (n: number, values: unknown[]) => numbers(values).filter((other) => other > n).length + 1,
    };
    return new Function(...Object.keys(fns), `return (${js});`)(...Object.values(fns));
  }
  return { value, evaluate };
}

describe('the result workbook', () => {
  let workbook: ExcelJS.Workbook;

  beforeAll(async () => {
    workbook = new ExcelJS.Workbook();
    // exceljs's types predate Node's Buffer generics; it reads a Buffer.
    await workbook.xlsx.load(readFileSync(join(dir, '2026-考核结果.xlsx')) as unknown as ArrayBuffer);
  });

  let sheetXml: Map<string, string>;
  beforeAll(async () => {
    sheetXml = await zipTexts(readFileSync(join(dir, '2026-考核结果.xlsx')));
  });

  /**
   * The cached value of a cell. exceljs 4.4 drops a cached 0 when it reads a formula cell back
   * (it writes it), so a formula read back without its value is looked up in the sheet's XML.
   */
  const cached = (cell: ExcelJS.Cell): unknown => {
    const raw = cell.value as unknown;
    if (raw === null || typeof raw !== 'object' || !('formula' in raw)) return raw;
    const { result } = raw as { result?: unknown };
    if (result !== undefined) return result;
    const xml = sheetXml.get(`xl/worksheets/sheet${cell.worksheet.id}.xml`) ?? '';
    const value = new RegExp(`<c r="${cell.address}"[^>]*><f>[^<]*</f><v>([^<]*)</v>`).exec(xml)?.[1];
    return value === undefined ? undefined : Number(value);
  };

  it('has the sheets 汇总, 明细, 原始评分, 专家名单, 说明 (and 一致性分析, the result having an analysis), frozen headers and A4 print setup', () => {
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['汇总', '明细', '原始评分', '专家名单', '说明', '一致性分析']);
    for (const sheet of workbook.worksheets) {
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.pageSetup.paperSize).toBe(9);
      expect(sheet.pageSetup.fitToWidth).toBe(1);
      // exceljs leaves out widths equal to its default (9); the others are written.
      expect(Math.max(...[1, 2, 3].map((n) => sheet.getColumn(n).width ?? 9))).toBeGreaterThan(10);
    }
  });

  it('shows whole scores without a trailing point and sets row heights for wrapped text (LibreOffice and WPS keep stored heights)', () => {
    // `0.##` makes Excel and WPS show 7 as "7.".
    const styles = sheetXml.get('xl/styles.xml') ?? '';
    expect(styles).not.toContain('0.##');
    for (const sheet of workbook.worksheets) {
      sheet.eachRow((row, number) => {
        if (number === 1) return;
        row.eachCell((cell, column) => {
          if (cell.alignment?.wrapText !== true) return;
          const raw = cell.value as unknown;
          const text = raw !== null && typeof raw === 'object' && 'result' in raw ? String((raw as { result: unknown }).result) : String(raw ?? '');
          const lines = wrappedLines(text, sheet.getColumn(column).width ?? 9);
          if (lines > 1) expect(row.height, `${sheet.name}!${cell.address}`).toBeGreaterThanOrEqual(Math.min(409, lines * 15));
        });
      });
    }
    // The summary holds several flags for some alliance: its row really is taller than one line.
    const summary = workbook.getWorksheet('汇总');
    const heights: number[] = [];
    summary?.eachRow((row, number) => {
      if (number > 1) heights.push(row.height ?? 15);
    });
    expect(Math.max(...heights)).toBeGreaterThan(45);
  });

  it('汇总 fits one landscape A4 page wide at a readable scale (columns add up to at most about 190 characters)', () => {
    const summary = workbook.getWorksheet('汇总');
    if (summary === undefined) throw new Error('no 汇总');
    let total = 0;
    for (let column = 1; column <= summary.columnCount; column += 1) total += summary.getColumn(column).width ?? 9;
    // About 146 characters fit a landscape A4 line at 100%; 190 prints at about 75%, where 11 pt stays legible.
    expect(total).toBeLessThanOrEqual(190);
  });

  it('汇总: every number equals the result JSON, and the formulas recompute it', () => {
    const sheet = workbook.getWorksheet('汇总');
    if (sheet === undefined) throw new Error('no 汇总');
    const header = Array.from(sheet.getRow(1).values as unknown[], (entry) => String(entry));
    const column = (title: string): number => header.indexOf(title);
    const { evaluate } = evaluator(workbook);
    const seen: string[] = [];
    sheet.eachRow((row, r) => {
      if (r === 1) return;
      const alliance = input.result.alliances.find((entry) => entry.allianceId === row.getCell(column('联盟编号')).value);
      if (alliance === undefined) throw new Error(`row ${r}: unknown alliance`);
      seen.push(alliance.allianceId);
      expect(cached(row.getCell(column('专家组得分')))).toBe(alliance.total);
      expect(cached(row.getCell(column('自评分')))).toBe(alliance.selfTotal);
      expect(cached(row.getCell(column('等级')))).toBe({ excellent: '优秀', pass: '合格', fail: '不合格' }[alliance.grade ?? 'pass']);
      expect(cached(row.getCell(column('奖励（元）')))).toBe(alliance.award ?? '—');
      for (const expert of alliance.experts) {
        const cell = row.getCell(column(`${expert.id} ${fixture.experts.find((entry) => entry.id === expert.id)?.name ?? ''}`));
        expect(cached(cell)).toBe(expert.recused ? '回避' : expert.total);
      }
      row.eachCell((cell) => {
        const raw = cell.value as unknown;
        if (raw !== null && typeof raw === 'object' && 'formula' in raw) {
          const { formula } = raw as { formula: string };
          const result = cached(cell);
          const recomputed = evaluate('汇总', formula);
          if (typeof result === 'number') expect(recomputed as number, `${cell.address} ${formula}`).toBeCloseTo(result, 9);
          else expect(recomputed, `${cell.address} ${formula}`).toBe(result);
        }
      });
    });
    expect(seen.sort()).toEqual(input.result.alliances.map((alliance) => alliance.allianceId).sort());
  });

  it('明细: every indicator score of every expert and of the panel, and every total, as in the result', () => {
    const sheet = workbook.getWorksheet('明细');
    if (sheet === undefined) throw new Error('no 明细');
    const header = Array.from(sheet.getRow(1).values as unknown[], (entry) => String(entry));
    const { evaluate } = evaluator(workbook);
    let checked = 0;
    sheet.eachRow((row, r) => {
      if (r === 1) return;
      const alliance = input.result.alliances.find((entry) => entry.allianceId === row.getCell(1).value);
      if (alliance === undefined) throw new Error(`row ${r}: unknown alliance`);
      const indicatorId = String(row.getCell(3).value);
      const isTotal = indicatorId === '总分';
      const panel = cached(row.getCell(header.indexOf('专家组')));
      expect(panel).toBe(isTotal ? alliance.total : alliance.indicators[indicatorId]);
      for (const expert of alliance.experts) {
        const cell = row.getCell(header.findIndex((title) => title.startsWith(`${expert.id} `)));
        const expected = expert.recused ? '回避' : isTotal ? expert.total : expert.indicators?.[indicatorId];
        expect(cached(cell), `${alliance.allianceId} ${indicatorId} ${expert.id}`).toBe(expected);
        checked += 1;
      }
      row.eachCell((cell) => {
        const raw = cell.value as unknown;
        if (raw !== null && typeof raw === 'object' && 'formula' in raw) {
          const { formula } = raw as { formula: string };
          expect(evaluate('明细', formula) as number, `${cell.address} ${formula}`).toBeCloseTo(cached(cell) as number, 9);
        }
      });
    });
    expect(checked).toBe(input.result.alliances.reduce((sum, alliance) => sum + alliance.experts.length, 0) * 14);
  });

  it('一致性分析: each indicator\'s ICC and alpha as numbers with their reading, each expert\'s leniency, the unstable alliances', () => {
    const sheet = workbook.getWorksheet('一致性分析');
    const analysis = input.result.analysis;
    if (sheet === undefined || analysis === undefined) throw new Error('no analysis sheet');
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const indicators = Object.entries(analysis.indicators);
    indicators.forEach(([id, agreement], i) => {
      const row = rows[i + 1] ?? [];
      expect(String(row[0])).toMatch(new RegExp(`^${id} `));
      expect(row.slice(1, 7)).toEqual([
        agreement.icc ?? undefined,
        agreementReading('icc', agreement).text,
        agreement.alpha ?? undefined,
        agreementReading('alpha', agreement).text,
        agreement.alliances,
        agreement.experts,
      ]);
    });
    for (const [id, expert] of Object.entries(analysis.experts)) {
      const row = rows.find((r) => typeof r[0] === 'string' && r[0].startsWith(`${id} `) && r.length > 3 && typeof r[5] === 'number');
      expect(row?.[1] ?? null).toBe(expert.leniency);
      expect(row?.[5]).toBe(expert.alliances);
    }
    const details = rows.map((r) => r[1]);
    for (const alliance of input.result.alliances) {
      for (const flag of alliance.flags.filter((f) => f.kind === 'unstable')) expect(details).toContain(flag.detail);
    }
  });

  it('原始评分: every decision of every expert, with reasons; 专家名单: fingerprints; 说明: the digest', () => {
    const decisions = workbook.getWorksheet('原始评分');
    const rows: string[][] = [];
    decisions?.eachRow((row, r) => {
      if (r > 1) rows.push((row.values as unknown[]).slice(1).map((entry) => (entry === null || entry === undefined ? '' : String(entry))));
    });
    const rejected = rows.filter((row) => row[6] === '不认定');
    expect(rejected.length).toBeGreaterThan(0);
    expect(rejected.every((row) => row[0] === 'E03' && (row[8] ?? '') !== '' && (row[9] ?? '') !== '')).toBe(true);
    expect(rows).toContainEqual(expect.arrayContaining(['E02', '刘䶮', 'HFA-002', 'I2', '改判', '3', '仅有年度计划，缺半年工作总结']));
    expect(rows.filter((row) => row[6] === '回避')).toEqual([expect.arrayContaining(['E04', '张喆', 'HFA-003'])]);
    // Every accepted or rejected item of every list decision is a row of its own.
    let items = 0;
    for (const entry of input.sheets) {
      for (const review of entry.sheet.reviews) {
        for (const decision of Object.values(review.decisions ?? {})) {
          items += 'accepted' in decision ? decision.accepted.length + Object.keys(decision.rejected).length : 1;
        }
      }
    }
    expect(rows.filter((row) => ['认定', '不认定', '评分'].includes(row[6] ?? ''))).toHaveLength(items);

    const experts = workbook.getWorksheet('专家名单');
    for (const expert of fixture.experts) {
      const row = experts?.getRows(2, fixture.experts.length)?.find((candidate) => candidate.getCell(1).value === expert.id);
      expect(row?.getCell(2).value).toBe(expert.name);
      expect(row?.getCell(3).value).toBe(expert.fingerprint);
    }
    const notes = workbook.getWorksheet('说明');
    const noteValues: string[] = [];
    notes?.eachRow((row) => noteValues.push(String(row.getCell(2).value)));
    expect(noteValues).toContain(report.resultDigest);
  });
});

/** Every text entry of a zip (an .xlsx), by name. */
function zipTexts(buffer: Buffer): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    fromBuffer(buffer, { lazyEntries: true }, (error, zip) => {
      if (error !== null) return reject(error);
      const texts = new Map<string, string>();
      zip.on('entry', (entry: { fileName: string }) => {
        zip.openReadStream(entry as never, (streamError, stream) => {
          if (streamError !== null) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            texts.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(texts));
      zip.readEntry();
    });
  });
}

describe('an alliance nobody scored', () => {
  it('is listed last without rank, total or grade, with its quorum flag, in the PDF and the workbook', async () => {
    const alliances = input.result.alliances.map((alliance) =>
      alliance.allianceId !== 'HFA-003'
        ? alliance
        : {
            ...alliance,
            experts: alliance.experts.map((expert) => ({ ...expert, recused: true, total: null, indicators: null })),
            indicators: Object.fromEntries(Object.keys(alliance.indicators).map((id) => [id, null])),
            total: null,
            grade: null,
            consequence: null,
            award: null,
            flags: [{ kind: 'quorum' as const, detail: '全部专家回避，没有评分' }],
          },
    );
    const nobody: ResultDocumentsInput = { ...input, result: { ...input.result, alliances } };
    const target = mkdtempSync(join(tmpdir(), 'result-documents-nobody-'));
    try {
      const outcome = await exportResultDocuments(nobody, { pdfDir: target, xlsxPath: join(target, 'r.xlsx'), signer });
      expect(outcome.ok).toBe(true);
      const compact = flat(pdfText(join(target, '2026-考核结果汇总表.pdf')));
      expect(compact).toContain('HFA-003合肥市喆睿新材料产业技术创新战略联盟回避回避回避回避回避');
      expect(compact).toContain('[人数不足]：全部专家回避，没有评分');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(readFileSync(join(target, 'r.xlsx')) as unknown as ArrayBuffer);
      const last = workbook.getWorksheet('汇总')?.getRow(input.result.alliances.length + 1);
      expect(last?.getCell(2).value).toBe('HFA-003');
      expect(last?.getCell(1).value).toBe('—');
      expect(last?.getCell(10).value).toBe('—');
    } finally {
      rmSync(target, { recursive: true, force: true });
    }
  }, 120_000);
});
