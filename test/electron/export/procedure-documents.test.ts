import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { ExportReport } from '../../../electron/export/export-result-documents.ts';
import { exportResultDocuments } from '../../../electron/export/export-result-documents.ts';
import type { ResultDocumentsInput } from '../../../electron/export/result-documents-input.ts';
import { localSigner } from '../../../electron/export/signing/local-certificate.ts';
import { verifyPdfSignature } from '../../../electron/export/signing/verify-pdf-signature.ts';
import { rankAlliances } from '../../../shared/result/result-ranking.ts';
import { pdfText } from './pdf-tools.ts';
import { CONCLUSION, DISSENT, OBSERVER, procedureFixture } from './procedure-fixture.ts';

const NOW = new Date('2027-01-21T02:00:00Z');
/** pdftotext puts table cells on lines of their own; compare without white space. */
const flat = (text: string): string => text.replace(/\s+/g, '');

let dir: string;
let input: ResultDocumentsInput;
let report: ExportReport;
let bare: ExportReport;
const text = (name: string, folder = 'pdf'): string => flat(pdfText(join(dir, folder, name)));

beforeAll(async () => {
  ({ input } = await procedureFixture());
  dir = mkdtempSync(join(tmpdir(), 'procedure-documents-'));
  const signer = await localSigner(join(dir, 'data'), { now: NOW });
  const outcome = await exportResultDocuments(input, { pdfDir: join(dir, 'pdf'), signer });
  if (!outcome.ok) throw new Error(outcome.existing.join(', '));
  report = outcome.report;
  // The same year from the sheets alone: no roster, no chair's records.
  const { procedure: _procedure, ...alone } = input;
  const second = await exportResultDocuments({ ...alone, chairNotes: undefined }, { pdfDir: join(dir, 'bare'), signer });
  if (!second.ok) throw new Error(second.existing.join(', '));
  bare = second.report;
}, 240_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the procedure documents', () => {
  it('are written with the result documents, each signed', () => {
    const names = readdirSync(join(dir, 'pdf'));
    expect(names).toEqual(
      expect.arrayContaining(['2026-专家签到表.pdf', '2026-评审专家承诺书.pdf', '2026-评审报告.pdf', ...input.result.alliances.map((a) => `2026-专家组意见-${a.allianceId}.pdf`)]),
    );
    expect(report.files.filter((f) => ['sign-in', 'pledge', 'report', 'opinion'].includes(f.kind))).toHaveLength(3 + input.result.alliances.length);
    for (const file of [...report.files, ...bare.files]) {
      const verified = verifyPdfSignature(readFileSync(file.path));
      expect(verified.ok, file.path).toBe(true);
    }
    expect(report.missingCharacters).toEqual([]);
  });

  it('the sign-in sheet lists every roster member with title, employer, China time of the sign-in, or that none is known', () => {
    const sheet = text('2026-专家签到表.pdf');
    for (const fact of ['王明E01组长', '教授', '合肥工业大学', '中国科学院合肥物质科学研究院', '刘䶮', '𠮷田春华', '张喆', '孙立', '安徽农业大学']) expect(sheet).toContain(fact);
    // 08:40 +08:00 is 08:40 in China, whatever zone the test machine has.
    expect(sheet).toContain('2027-01-2008:40');
    expect(sheet).toContain('2027-01-2008:46');
    expect(sheet).toContain('纸质承诺书2027-01-20');
    expect(sheet).toContain('无签到记录');
    expect(sheet).toContain('未签名，请手签');
  });

  it('the pledges give each member the text as signed and its signing time, or say it was signed on paper', () => {
    const pledges = pdfText(join(dir, 'pdf', '2026-评审专家承诺书.pdf'));
    const pages = pledges.split('\f').filter((page) => page.trim() !== '');
    expect(pages).toHaveLength(6);
    expect(flat(pages[0] ?? '')).toContain('二、保密：对评审材料、评审意见和评审结果严格保密');
    expect(flat(pages[0] ?? '')).toContain('承诺人：王明（E01），专家组组长');
    expect(flat(pages[1] ?? '')).toContain('签署时间：2027-01-2008:43（北京时间）');
    expect(flat(pages[1] ?? '')).toContain('密钥指纹');
    expect(flat(pages[3] ?? '')).toContain('本承诺书由专家于2027-01-20以纸质签署，周敏登记');
    expect(flat(pages[5] ?? '')).toContain('本专家的评分表未计入');
  });

  it('the report has the members with the 组长, the method, results with rank, differences, 补正, every flag note, reopenings, dissent and signature lines', () => {
    const report = text('2026-评审报告.pdf');
    expect(report).toContain('专家组组长：王明（E01）');
    expect(report).toContain('未签名的成员：孙立（E06）');
    expect(report).toContain('孙立（E06）评分表未签名');
    expect(report).toContain('汇总方法：平均分（mean）');
    // Rank and alliance on one printed row (the layout keeps a row's cells on one line).
    const layout = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', join(dir, 'pdf', '2026-评审报告.pdf'), '-'], { encoding: 'utf8' }).stdout;
    for (const { alliance, rank } of rankAlliances(input.result.alliances)) {
      expect(layout).toMatch(new RegExp(`^\\s*${rank ?? '—'}\\s+${alliance.name.slice(0, 12)}.*${alliance.total?.toFixed(2) ?? '—'}`, 'mu'));
    }
    expect(report).toContain('经合议维持：计划已经理事会审议，维持各自判断');
    expect(report).toContain('专家重新签名后一致');
    expect(report).toContain('专家已书面说明：该联盟解决了行业共性难题');
    // Each 补正 request: the alliance by name, what was missing, by when, who asked and when (China time), how it ended.
    expect(report).toContain(flat('六、材料补正'));
    const hfa003 = input.result.alliances.find((a) => a.allianceId === 'HFA-003')!.name;
    const hfa005 = input.result.alliances.find((a) => a.allianceId === 'HFA-005')!.name;
    // pdftotext puts a wrapped cell's lines between its neighbours' cells: each cell on its own.
    for (const cell of [`${hfa003}（HFA-003）`, 'I4 技术合同第 2 份缺技术市场登', '2027-01-21', '主任 孙立 2027-01-20 09:30 已补正（第 2 版） 导入于 2027-01-20 13:10']) {
      expect(report).toContain(flat(cell));
    }
    expect(report).toContain(flat(`${hfa005}（HFA-005） 审计报告缺公章页 主任 孙立 2027-01-20 09:45 未补正 2027-01-22`));
    expect(report).toContain('经合议维持原评分（第1条）');
    expect(report).toContain(flat('八、重新开启'));
    expect(report).toContain(flat('2027-01-20 16:00 主任 孙立'));
    expect(report).toContain(flat('客观评分不一致'));
    expect(report).toContain(flat('HFA-002 I2 两位专家判断不一致，复核'));
    expect(report).toContain('（未写说明）');
    expect(report).toContain(flat(`刘䶮（E02）的异议（随评分表签名）：${DISSENT}`));
    expect(report).toContain(flat(OBSERVER));
    expect(report).toContain(flat('十一、专家组签名 专家组成员确认以上内容属实，签名如下：'));
    expect(report).toContain(flat('王明（E01） 组长 已签名 2027-01-20 09:30 刘䶮（E02） 已签名'));
  });

  it('each alliance has the panel opinion: the experts’ comments, the conclusion, the 组长’s line', () => {
    const first = text('2026-专家组意见-HFA-001.pdf');
    expect(first).toContain('王明（E01）材料齐全，证明充分。');
    expect(first).toContain(flat(CONCLUSION));
    expect(first).toContain('专家组组长：王明');
    const second = text('2026-专家组意见-HFA-002.pdf');
    expect(second).toContain('改判I2为3分：仅有年度计划，缺半年工作总结');
    expect(second).toContain('组长意见：改判理由已核实。');
    const third = text('2026-专家组意见-HFA-003.pdf');
    expect(third).toContain('张喆（E04）回避：本人任该联盟牵头单位技术顾问，申请回避');
    // Without the panel's words the conclusion is the result's, said to be so.
    expect(third).toContain('按考核结果写明');
  });

  it('from the sheets alone: names, results with rank, comments and signature lines, and the chair’s records said to be absent', () => {
    const report = text('2026-评审报告.pdf', 'bare');
    expect(report).toContain('专家组组长：名册中未标明。');
    expect(report).toContain('本次导出未含主任控制台的记录');
    expect(report).toContain(flat('六、材料补正（本次导出未含主任控制台的记录，此项见主任控制台。）'));
    expect(report).not.toContain('重新开启');
    expect(report).toContain(flat('九、专家组签名 专家组成员确认以上内容属实，签名如下：'));
    expect(report).toContain(flat('王明（E01） 已签名 2027-01-20 09:30 刘䶮（E02） 已签名'));
    expect(report).not.toContain('孙立');
    const sheet = text('2026-专家签到表.pdf', 'bare');
    expect(sheet).toContain('王明');
    expect(sheet).toContain('2027-01-2008:40');
    expect(text('2026-专家组意见-HFA-001.pdf', 'bare')).toContain('材料齐全，证明充分。');
  });

  it('every page renders (pdftoppm) with no heading left alone at its foot', () => {
    for (const file of report.files.filter((f) => ['sign-in', 'pledge', 'report'].includes(f.kind))) {
      const pages = pdfText(file.path).split('\f').filter((page) => page.trim() !== '');
      for (const page of pages) {
        const lines = page.split('\n').map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('2026 年度') && !line.startsWith('第 ') && !line.startsWith('结果摘要'));
        // Neither of the last two lines of body text on a page is a section heading (一、… 十一、).
        for (const line of lines.slice(-2)) expect(line, file.path).not.toMatch(/^[一二三四五六七八九十]+、/u);
      }
      const out = join(dir, 'png');
      const rendered = spawnSync('pdftoppm', ['-png', '-r', '30', file.path, join(out, file.kind)], { encoding: 'utf8' });
      expect(rendered.status, rendered.stderr).not.toBe(null);
    }
  });
});
