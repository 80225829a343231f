/**
 * Test fixture: a realistic year for the result documents: six alliances of different
 * strength (excellent, pass and fail), five experts with real keys and signed sheets (names
 * with the rare characters 䶮, 𠮷 and 喆), one recusal, an override, rejected claims with
 * reasons, handwritten signatures, and the flags that follow (deviation, spread, override).
 * The result is made by the real merge (shared/result/merge-sheets.ts), as the chair's is.
 */
import { createHash } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';
import type { ResultDocumentsInput } from '../../../electron/export/result-documents-input.ts';
import { loadRubric } from '../../../electron/rubrics/load-rubric.ts';
import type { MergePackage, VerifiedSheet } from '../../../shared/result/merge-sheets.ts';
import { mergeSheets } from '../../../shared/result/merge-sheets.ts';
import { selfDecisions } from '../../../shared/rubric/self-score.ts';
import type { Claims, Decisions, ListDecision, Rubric } from '../../../shared/rubric/types.ts';
import type { ReviewSpec, TestExpert } from '../../helpers/expert-sheet.ts';
import { makeExpert, makeSignedSheet } from '../../helpers/expert-sheet.ts';

export const EXPERT_NAMES = ['王明', '刘䶮', '𠮷田春华', '张喆', '陈思远'] as const;

export const ALLIANCES = [
  { id: 'HFA-001', name: '合肥市智能语音产业技术创新战略联盟', strength: 1 },
  { id: 'HFA-002', name: '合肥市新能源汽车产业技术创新战略联盟', strength: 0.85 },
  { id: 'HFA-003', name: '合肥市喆睿新材料产业技术创新战略联盟', strength: 0.7 },
  { id: 'HFA-004', name: '合肥市集成电路产业技术创新战略联盟', strength: 0.55 },
  { id: 'HFA-005', name: '合肥市生物医药产业技术创新战略联盟', strength: 0.35 },
  { id: 'HFA-006', name: '合肥市科技金融服务产业技术创新战略联盟', strength: 0.95 },
] as const;

const FLAGS = ['I1.office', 'I1.council', 'I1.platform', 'I2.plans', 'I3.policy', 'I3.report', 'I3.audit', 'I11.monthlyReports'];

function items(prefix: string, folder: string, count: number, title: string, extra: Record<string, unknown> = {}) {
  return Array.from({ length: count }, (_, i) => ({
    id: `${prefix}-${i + 1}`,
    title: `${title}（第 ${i + 1} 项）`,
    date: `2026-0${(i % 9) + 1}-1${i % 9}`,
    evidence: [`${folder}/${prefix}-${i + 1}.pdf`],
    ...extra,
  }));
}

/** Claims of an alliance of the given strength (0–1): more flags and items as it grows. */
export function claimsOf(strength: number): Claims {
  const n = (most: number): number => Math.round(most * strength);
  const claims: Record<string, unknown> = {};
  FLAGS.forEach((id, i) => {
    claims[id] = { claimed: i / FLAGS.length < strength + 0.1, evidence: [`制度建设/${id}.pdf`] };
  });
  claims['I4.techContracts'] = { items: items('tc', '成果转化', n(8), '技术合同登记') };
  claims['I4.achievements'] = { items: items('ach', '成果转化', n(3), '技术成果登记') };
  claims['I5.breakthroughs'] = { items: items('bt', '联合攻关', n(2), '关键共性技术攻关') };
  claims['I6.international'] = { items: items('int', '对外合作', n(11), '国际科技合作与展会') };
  claims['I7.services'] = { items: items('svc', '领域服务', n(5), '领域服务活动') };
  claims['I8.leadStandards'] = { items: items('ls', '标准化', n(2), '主持制定团体标准') };
  claims['I8.inventionPatents'] = { items: items('pat', '标准化', n(6), '发明专利进入实审') };
  claims['I9.organizedEvents'] = { items: items('org', '品牌建设', n(2), '组织产业对接会') };
  claims['I9.joinedEvents'] = { items: items('join', '品牌建设', n(3), '参加行业论坛') };
  claims['I10.status'] = { value: 2.5 * strength, evidence: ['白皮书/年度白皮书.pdf'] };
  claims['I11.newMembers'] = { items: items('mem', '影响力', n(12), '新成员单位入盟') };
  claims['I11.bureauEvents'] = { items: items('be', '影响力', n(4), '参加市科技局活动') };
  claims['B1.hostedEvents'] = { items: items('host', '加分项', strength > 0.9 ? 1 : 0, '在合肥举办全国性论坛') };
  claims['B2.majorProjects'] = {
    items: items('mp', '加分项', n(2), '招引重大项目落地', { amountWan: 12000 }),
  };
  // Judged values must have one decimal at most.
  (claims['I10.status'] as { value: number }).value = Math.round(25 * strength) / 10;
  return claims as Claims;
}

export function digestOf(allianceId: string, claims: Claims): string {
  return createHash('sha256').update(JSON.stringify({ allianceId, claims })).digest('hex');
}

/** A small PNG of a scribble (a handwritten signature), as a data URL. */
export function scribblePng(seed: number): string {
  const width = 180;
  const height = 60;
  const rows: Buffer[] = [];
  const ink = new Set<string>();
  for (let x = 8; x < width - 8; x += 0.25) {
    const y = height / 2 + Math.sin((x + seed * 13) / (9 + seed)) * 16 + Math.cos(x / 5) * 5;
    for (let dx = -1; dx <= 1; dx += 1) for (let dy = -1; dy <= 1; dy += 1) ink.add(`${Math.round(x) + dx},${Math.round(y) + dy}`);
  }
  for (let y = 0; y < height; y += 1) {
    const row = Buffer.alloc(1 + width * 2);
    for (let x = 0; x < width; x += 1) {
      const on = ink.has(`${x},${y}`);
      row[1 + x * 2] = on ? 20 : 255; // grey
      row[2 + x * 2] = on ? 255 : 0; // alpha
    }
    rows.push(row);
  }
  const chunk = (type: string, data: Buffer): Buffer => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 4; // grey + alpha
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  return `data:image/png;base64,${png.toString('base64')}`;
}

function rejectSome(decisions: Decisions, criterionId: string, count: number, reason: string): Decisions {
  const decision = decisions[criterionId] as ListDecision | undefined;
  if (decision === undefined) return decisions;
  const rejectedIds = decision.accepted.slice(0, count);
  const rejected: Record<string, string> = { ...decision.rejected };
  for (const id of rejectedIds) rejected[id] = reason;
  return { ...decisions, [criterionId]: { accepted: decision.accepted.slice(count), rejected } };
}

export interface ResultFixture {
  readonly rubric: Rubric;
  readonly experts: readonly TestExpert[];
  /** The packages as the merge takes them (to merge the same year again, e.g. with a paper sheet). */
  readonly packages: readonly MergePackage[];
  /** The signed sheets as the merge takes them. */
  readonly sheets: readonly VerifiedSheet[];
  readonly input: ResultDocumentsInput;
}

export async function resultFixture(): Promise<ResultFixture> {
  const rubric = await loadRubric('hefei-2017');
  if (rubric === undefined) throw new Error('hefei-2017 missing');
  const experts = EXPERT_NAMES.map((name, i) => makeExpert(`E0${i + 1}`, name));
  const packages: MergePackage[] = ALLIANCES.map((alliance) => {
    const claims = claimsOf(alliance.strength);
    return {
      source: `${alliance.id}.zip`,
      digest: digestOf(alliance.id, claims),
      year: 2026,
      rubricId: rubric.id,
      allianceId: alliance.id,
      allianceName: alliance.name,
      claims,
    };
  });

  const reviewsOf = (expertIndex: number): ReviewSpec[] =>
    packages.map((pkg): ReviewSpec => {
      const base = { allianceId: pkg.allianceId, digest: pkg.digest, claims: pkg.claims };
      // 张喆 (E04) recuses from the alliance whose name shares his character.
      if (expertIndex === 3 && pkg.allianceId === 'HFA-003') {
        return { package: base, recused: true, comment: '本人任该联盟牵头单位技术顾问，申请回避' };
      }
      let decisions = selfDecisions(rubric, pkg.claims);
      // Judged criteria vary a little by expert.
      decisions = { ...decisions, 'I10.problems': { value: Math.min(2.5, 1.5 + expertIndex * 0.2) } };
      // 𠮷田春华 (E03) is strict: rejects contracts and patents, which makes deviation flags.
      if (expertIndex === 2) {
        decisions = rejectSome(decisions, 'I4.techContracts', 6, '合同未在技术市场登记，登记号无法查验');
        decisions = rejectSome(decisions, 'I6.international', 8, '仅有参会通知，无参会或合作证明');
        decisions = rejectSome(decisions, 'I8.inventionPatents', 4, '专利尚未进入实质审查阶段');
      }
      const spec: ReviewSpec = { package: base, decisions };
      // 刘䶮 (E02) overrides I2 of HFA-002: a plan without its half-year summary.
      if (expertIndex === 1 && pkg.allianceId === 'HFA-002') {
        return { ...spec, overrides: { I2: { score: 3, reason: '仅有年度计划，缺半年工作总结' } }, comment: '年度计划完整👍，半年总结缺失，酌情改判。' };
      }
      return { ...spec, comment: expertIndex === 0 ? '材料齐全，证明充分。' : undefined } as ReviewSpec;
    });

  const sheets: VerifiedSheet[] = experts.map((expert, i) => ({
    source: `${expert.id}.sheet.json`,
    sheet: makeSignedSheet(rubric, expert, reviewsOf(i), i === 4 ? {} : { handSignature: scribblePng(i + 1) }),
    fingerprint: expert.fingerprint,
  }));

  const outcome = mergeSheets(rubric, packages, sheets, { budgetYuan: 500000 });
  if (!outcome.ok) throw new Error(outcome.problems.map((problem) => problem.message).join('\n'));
  return {
    rubric,
    experts,
    packages,
    sheets,
    input: {
      result: outcome.result,
      rubric,
      meetingName: '2026 年度合肥市产业技术创新战略联盟考核评审会',
      packages,
      sheets: outcome.sheets,
      chairNotes: { 'HFA-005': '请联盟于三个月内提交整改报告。', 'HFA-002': '改判理由已核实。' },
      chairName: '赵建国',
      budgetYuan: 500000,
      generatedAt: new Date('2027-01-21T02:00:00Z'),
    },
  };
}
