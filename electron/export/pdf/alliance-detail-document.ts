/**
 * 联盟评分明细表 (one alliance's detail sheet): every indicator and criterion of the rubric
 * with its cap, the alliance's self-score, each expert's score and the panel's; then every
 * claim an expert rejected, with the reason and the evidence files the claim cited; every
 * override with its reason; the experts' comments and notes; recusals; and the flags.
 *
 * Indicator scores, totals, grade and flags are the result's. Criterion scores are not in the
 * result, so they come from the shared engine applied to the expert's own decisions
 * (`scoreReview`) and to the package (`selfScore`), exactly as the merge computed them.
 */
import type { Decimal } from '../../../shared/decimal/decimal.ts';
import { formatScore } from '../../../shared/decimal/print-score.ts';
import type { AllianceResult } from '../../../shared/panel/types.ts';
import { indicatorsOf } from '../../../shared/rubric/rubric-index.ts';
import type { ReviewScore } from '../../../shared/rubric/score-review.ts';
import { scoreReview } from '../../../shared/rubric/score-review.ts';
import { selfScore } from '../../../shared/rubric/self-score.ts';
import type {
  Claim,
  ClaimItem,
  Criterion,
  Decision,
  FlagClaim,
  FlagDecision,
  ListClaim,
  ListDecision,
  Rubric,
} from '../../../shared/rubric/types.ts';
import { reviewOf } from '../../../shared/sheet/check-sheet-against-packages.ts';
import type { ResultDocumentsInput, ResultIndex } from '../result-documents-input.ts';
import { awardText, consequenceText, flagText, gradeText, scoreText } from '../result-labels.ts';
import type { Column, Row } from './draw-table.ts';
import { drawTable } from './draw-table.ts';
import type { PdfCanvas } from './pdf-canvas.ts';

export const DETAIL_TITLE = '联盟评分明细表';

interface ExpertColumn {
  readonly id: string;
  readonly recused: boolean;
  readonly score: ReviewScore | null;
}

export function drawAllianceDetail(
  canvas: PdfCanvas,
  input: ResultDocumentsInput,
  index: ResultIndex,
  alliance: AllianceResult,
): void {
  const { rubric } = input;
  const pkg = index.packageOf(alliance);
  const claims = pkg?.claims ?? {};
  const self = selfScore(rubric, claims);
  const experts: ExpertColumn[] = alliance.experts.map((expert) => {
    const review = index.reviewOf(expert.id, alliance.allianceId);
    return {
      id: expert.id,
      recused: expert.recused,
      score: expert.recused || review === undefined ? null : scoreReview(rubric, claims, reviewOf(review)),
    };
  });

  canvas.paragraph(`${input.result.year} 年度${DETAIL_TITLE}`, { size: 15, weight: 'bold' }, { align: 'center', after: 2 });
  canvas.paragraph(`${alliance.allianceId}\u3000${alliance.name}`, { size: 12, weight: 'bold' }, { align: 'center', after: 6 });
  canvas.paragraph(
    [
      `专家组得分：${scoreText(alliance.total, { fixed: true })}`,
      `等级：${gradeText(alliance.grade)}`,
      `结果运用：${consequenceText(alliance.consequence)}`,
      `奖励：${alliance.award === null ? '—' : `${awardText(alliance.award)} 元`}`,
      `自评分：${scoreText(alliance.selfTotal)}`,
    ].join('\u3000\u3000'),
    { size: 9.5 },
    { align: 'center', after: 2 },
  );
  canvas.paragraph(`材料包摘要 SHA-256：${alliance.packageDigest}`, { size: 7.5, color: '#444444' }, { align: 'center', after: 8 });

  const columns: Column[] = [
    { header: '指标 / 评分项', flex: 1 },
    { header: '分值', width: 50, align: 'center' },
    { header: '自评', width: 34, align: 'right' },
    ...experts.map((expert): Column => ({ header: `${expert.id}\n${index.expertName(expert.id)}`, width: 38, align: 'right' })),
    { header: '专家组', width: 40, align: 'right' },
  ];
  const rows: Row[] = [];
  const recusedCell = { text: '回避', color: '#777777', align: 'center' as const };
  for (const group of rubric.groups) {
    rows.push({ cells: [`${group.label}${group.cap === null ? '（不设上限）' : `（${group.cap} 分）`}`], span: true, fill: '#dfe6ee' });
    for (const indicator of group.indicators) {
      rows.push({
        fill: '#f3f5f8',
        cells: [
          { text: `${indicator.id} ${indicator.label}`, bold: true },
          indicator.cap === null ? '不设上限' : `上限 ${indicator.cap}`,
          formatDecimal(self.indicators[indicator.id]?.score),
          ...alliance.experts.map((expert) => {
            if (expert.recused) return recusedCell;
            const overridden = index.reviewOf(expert.id, alliance.allianceId)?.overrides?.[indicator.id] !== undefined;
            return { text: `${scoreText(expert.indicators?.[indicator.id])}${overridden ? '*' : ''}`, bold: true };
          }),
          { text: scoreText(alliance.indicators[indicator.id]), bold: true },
        ],
      });
      for (const criterion of indicator.criteria) {
        rows.push({
          cells: [
            `\u3000${criterion.id} ${criterion.label}`,
            pointsText(criterion),
            formatDecimal(self.criteria[criterion.id]),
            ...experts.map((expert) => (expert.recused ? recusedCell : formatDecimal(expert.score?.criteria[criterion.id]))),
            '',
          ],
        });
      }
    }
  }
  rows.push({
    fill: '#dfe6ee',
    cells: [
      { text: '总分', bold: true },
      '',
      { text: scoreText(alliance.selfTotal), bold: true },
      ...alliance.experts.map((expert) => (expert.recused ? recusedCell : { text: scoreText(expert.total), bold: true })),
      { text: scoreText(alliance.total, { fixed: true }), bold: true },
    ],
  });
  drawTable(canvas, columns, rows, { size: 7.5, padding: 2.2 });
  canvas.paragraph(
    '带 * 者为专家改判的指标（理由见“改判”）。专家组一栏为各评分专家得分的汇总（四舍五入到两位小数）；各指标的专家组得分仅供参考，正式总分以各专家总分的汇总为准，两者之和不一定相等。',
    { size: 7, color: '#555555' },
    { after: 8 },
  );

  drawRejections(canvas, rubric, claims, alliance, index);
  drawOverrides(canvas, rubric, alliance, index, experts);
  drawComments(canvas, alliance, index);
  if (alliance.flags.length > 0) {
    section(canvas, '标记');
    for (const flag of alliance.flags) canvas.paragraph(flagText(flag, index.expertName), { size: 8.5 }, { after: 1 });
  }
}

function section(canvas: PdfCanvas, title: string): void {
  canvas.ensureRoom(60);
  canvas.y += 4;
  canvas.paragraph(title, { size: 11, weight: 'bold' }, { after: 3 });
}

function formatDecimal(value: Decimal | undefined): string {
  return value === undefined ? '—' : formatScore(value);
}

function pointsText(criterion: Criterion): string {
  switch (criterion.kind) {
    case 'flag':
      return String(criterion.points);
    case 'perItem':
      return criterion.cap === undefined ? `每项 ${criterion.points}` : `每项 ${criterion.points}，≤${criterion.cap}`;
    case 'perPair':
      return `每 2 项 ${criterion.points}`;
    case 'band':
      return `按数量 ${criterion.bands.map((band) => band.points).join('/')}`;
    case 'tier':
      return `按金额 ${criterion.tiers.map((tier) => tier.points).join('/')}`;
    case 'judged':
      return `0–${criterion.max}`;
  }
}

function isList(claim: Claim | undefined): claim is ListClaim {
  return claim !== undefined && 'items' in claim;
}

function isFlagClaim(claim: Claim | undefined): claim is FlagClaim {
  return claim !== undefined && 'claimed' in claim;
}

function isListDecision(decision: Decision): decision is ListDecision {
  return 'accepted' in decision;
}

function isFlagDecision(decision: Decision): decision is FlagDecision {
  return 'accept' in decision;
}

function itemText(item: ClaimItem): string {
  const amount = item.amountWan === undefined ? '' : `，${item.amountWan} 万元`;
  return `${item.id} ${item.title}${item.date === undefined ? '' : `（${item.date}${amount}）`}`;
}

function drawRejections(
  canvas: PdfCanvas,
  rubric: Rubric,
  claims: Readonly<Record<string, Claim>>,
  alliance: AllianceResult,
  index: ResultIndex,
): void {
  const rows: string[][] = [];
  const criteria = new Map(indicatorsOf(rubric).flatMap((indicator) => indicator.criteria.map((criterion) => [criterion.id, criterion] as const)));
  for (const expert of alliance.experts) {
    const review = index.reviewOf(expert.id, alliance.allianceId);
    if (review === undefined || review.recused) continue;
    for (const [criterionId, decision] of Object.entries(review.decisions ?? {})) {
      const label = `${criterionId} ${criteria.get(criterionId)?.label ?? ''}`;
      const claim = claims[criterionId];
      if (isFlagDecision(decision) && !decision.accept) {
        const evidence = isFlagClaim(claim) ? claim.evidence : [];
        rows.push([`${expert.id} ${index.expertName(expert.id)}`, label, isFlagClaim(claim) ? (claim.note ?? '已申报') : '', decision.reason ?? '', evidence.join('\n')]);
      } else if (isListDecision(decision)) {
        for (const [itemId, reason] of Object.entries(decision.rejected)) {
          const item = isList(claim) ? claim.items.find((candidate) => candidate.id === itemId) : undefined;
          rows.push([
            `${expert.id} ${index.expertName(expert.id)}`,
            label,
            item === undefined ? itemId : itemText(item),
            reason,
            (item?.evidence ?? []).join('\n'),
          ]);
        }
      }
    }
  }
  section(canvas, `不予认定的申报（${rows.length} 项）`);
  if (rows.length === 0) {
    canvas.paragraph('各位专家认定了全部申报内容。', { size: 8.5 }, { after: 4 });
    return;
  }
  drawTable(
    canvas,
    [
      { header: '专家', width: 70 },
      { header: '评分项', width: 100 },
      { header: '申报内容', flex: 1.2 },
      { header: '不予认定的理由', flex: 1.2 },
      { header: '证明材料', flex: 1 },
    ],
    rows,
    { size: 7.5 },
  );
}

function drawOverrides(canvas: PdfCanvas, rubric: Rubric, alliance: AllianceResult, index: ResultIndex, experts: readonly ExpertColumn[]): void {
  const labels = new Map(indicatorsOf(rubric).map((indicator) => [indicator.id, indicator.label]));
  const rows: string[][] = [];
  for (const expert of experts) {
    const review = index.reviewOf(expert.id, alliance.allianceId);
    for (const [indicatorId, override] of Object.entries(review?.overrides ?? {})) {
      const computed = expert.score?.indicators[indicatorId]?.computed;
      rows.push([
        `${expert.id} ${index.expertName(expert.id)}`,
        `${indicatorId} ${labels.get(indicatorId) ?? ''}`,
        formatDecimal(computed),
        scoreText(override.score),
        override.reason,
      ]);
    }
  }
  if (rows.length === 0) return;
  section(canvas, `改判（${rows.length} 项）`);
  drawTable(
    canvas,
    [
      { header: '专家', width: 70 },
      { header: '指标', width: 110 },
      { header: '计算得分', width: 48, align: 'right' },
      { header: '改判为', width: 44, align: 'right' },
      { header: '理由', flex: 1 },
    ],
    rows,
    { size: 7.5 },
  );
}

function drawComments(canvas: PdfCanvas, alliance: AllianceResult, index: ResultIndex): void {
  const rows: string[][] = [];
  for (const expert of alliance.experts) {
    const review = index.reviewOf(expert.id, alliance.allianceId);
    if (review === undefined) continue;
    const who = `${expert.id} ${index.expertName(expert.id)}`;
    if (review.recused) {
      rows.push([who, `回避：${review.comment ?? ''}`]);
      continue;
    }
    const notes = Object.entries(review.decisions ?? {})
      .filter(([, decision]) => decision.note !== undefined && decision.note.trim() !== '')
      .map(([criterionId, decision]) => `${criterionId}：${decision.note ?? ''}`);
    const text = [review.comment ?? '', ...notes].filter((part) => part.trim() !== '').join('\n');
    if (text !== '') rows.push([who, text]);
  }
  section(canvas, '专家意见与回避');
  if (rows.length === 0) {
    canvas.paragraph('无。', { size: 8.5 }, { after: 4 });
    return;
  }
  drawTable(canvas, [{ header: '专家', width: 80 }, { header: '意见', flex: 1 }], rows, { size: 8 });
}
