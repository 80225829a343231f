/**
 * Drill-down (逐项对照): one alliance, one indicator, every expert's decisions side by side, so
 * the panel can discuss a disagreement with the material on screen.
 *
 * - claim side: what the alliance claims for each criterion of the indicator (flags, items with
 *   their titles, dates and amounts, the judged criterion's own value) and the evidence files
 *   each names, with their content hash so the console can open them (`evidenceUrl(hash)`).
 * - expert side: each counted sheet's decision on each criterion (accepted and rejected items
 *   with the reasons, judged values, notes), the criterion scores and the indicator score with
 *   any override, computed by the rubric engine (`scoreReview`) from the sheet itself.
 */
import type { Database } from 'better-sqlite3';
import type { DrillCriterion, DrillDecision, DrillDownView, DrillExpert, EvidenceRef } from '../../shared/api/chair-types.ts';
import { ZERO } from '../../shared/decimal/decimal.ts';
import { toJsonNumber } from '../../shared/decimal/print-score.ts';
import { parseEvidenceReference } from '../../shared/package/evidence-reference.ts';
import { indexRubric } from '../../shared/rubric/rubric-index.ts';
import { scoreReview } from '../../shared/rubric/score-review.ts';
import type { Claim, Decision } from '../../shared/rubric/types.ts';
import { reviewOf } from '../../shared/sheet/check-sheet-against-packages.ts';
import type { UnsignedSheet } from '../../shared/sheet/sheet-schema.ts';
import type { ServiceContext } from '../app/context.ts';
import { AppError } from '../errors/app-error.ts';
import { meetingExperts, meetingSettings } from '../meeting/meeting-store.ts';
import { meetingRubric } from './meeting-inputs.ts';
import { panelViewWith } from './panel-state.ts';

function evidenceRefs(db: Database, packageId: number | null, paths: readonly string[] | undefined): EvidenceRef[] {
  return (paths ?? []).map((path) => {
    const row =
      packageId === null
        ? undefined
        : db
            .prepare<[number, string], { sha256: string; size: number; content_type: string }>(
              `SELECT f.sha256, f.size, e.content_type FROM package_file f JOIN evidence_file e ON e.sha256 = f.sha256
               WHERE f.package_id = ? AND f.path = ?`,
            )
            // `a.pdf#page=3` is the file `a.pdf`.
            .get(packageId, parseEvidenceReference(path).path);
    return { path, sha256: row?.sha256 ?? null, size: row?.size ?? null, contentType: row?.content_type ?? null };
  });
}

function decisionView(decision: Decision | undefined, score: number): DrillDecision {
  const empty = { accept: null, reason: null, accepted: [], rejected: {}, value: null, note: decision?.note ?? null, score };
  if (decision === undefined) return empty;
  if ('accept' in decision) return { ...empty, accept: decision.accept, reason: decision.reason ?? null };
  if ('accepted' in decision) return { ...empty, accepted: decision.accepted, rejected: decision.rejected };
  return { ...empty, value: decision.value };
}

export async function drillDown(ctx: ServiceContext, meetingId: number, allianceId: string, indicatorId: string): Promise<DrillDownView> {
  const { db } = ctx;
  const settings = meetingSettings(db, meetingId);
  if (settings === null) throw new AppError('meeting-not-prepared', '本会议还没有准备好。');
  const rubric = await meetingRubric(ctx, settings.rubricId);
  const placement = indexRubric(rubric).indicators.get(indicatorId);
  if (placement === undefined) throw new AppError('indicator-unknown', `评分细则中没有指标 ${indicatorId}。`);
  const { view, computation } = panelViewWith(db, meetingId, rubric);
  const pkg = computation?.packages.find((p) => p.allianceId === allianceId);
  if (pkg === undefined || computation === null) throw new AppError('alliance-unknown', `本会议没有联盟 ${allianceId} 的材料包。`);
  const packageId = db.prepare<[string], number>('SELECT id FROM package WHERE digest = ?').pluck().get(pkg.digest) ?? null;
  const { indicator } = placement;

  const criteria: DrillCriterion[] = indicator.criteria.map((criterion) => {
    const claim: Claim | undefined = pkg.claims[criterion.id];
    const items = claim !== undefined && 'items' in claim ? claim.items : [];
    const flag = claim !== undefined && 'claimed' in claim ? claim : null;
    const judged = criterion.kind === 'judged' && claim !== undefined && !('items' in claim) && !('claimed' in claim) ? claim : null;
    return {
      id: criterion.id,
      label: criterion.label,
      kind: criterion.kind,
      rule: criterion.rule,
      claimed: flag === null ? (items.length > 0 ? true : criterion.kind === 'judged' ? null : false) : flag.claimed,
      selfValue: judged?.value ?? null,
      claimNote: flag?.note ?? null,
      evidence: evidenceRefs(db, packageId, flag?.evidence ?? judged?.evidence),
      items: items.map((item) => ({
        id: item.id,
        title: item.title,
        date: item.date ?? null,
        amountWan: item.amountWan ?? null,
        note: item.note ?? null,
        evidence: evidenceRefs(db, packageId, item.evidence),
      })),
    };
  });

  const names = new Map(meetingExperts(db, meetingId).map((e) => [e.id, e.name]));
  const sheets: { sheet: UnsignedSheet; paper: boolean }[] = [
    ...computation.sheets.map((s) => ({ sheet: s.sheet as UnsignedSheet, paper: false })),
    ...computation.paperSheets.map((p) => ({ sheet: p.sheet, paper: true })),
  ].sort((a, b) => (a.sheet.expert.id < b.sheet.expert.id ? -1 : 1));
  const experts: DrillExpert[] = sheets.flatMap(({ sheet, paper }) => {
    const review = sheet.reviews.find((r) => r.allianceId === allianceId);
    if (review === undefined) return [];
    const base = { id: sheet.expert.id, name: names.get(sheet.expert.id) ?? sheet.expert.name, recused: review.recused, paper, comment: review.comment ?? null };
    if (review.recused) return [{ ...base, indicator: null, decisions: {} }];
    const score = scoreReview(rubric, pkg.claims, reviewOf(review));
    const indicatorScore = score.indicators[indicatorId];
    const decisions: Record<string, DrillDecision> = {};
    for (const criterion of indicator.criteria) {
      decisions[criterion.id] = decisionView(review.decisions?.[criterion.id], toJsonNumber(score.criteria[criterion.id] ?? ZERO));
    }
    return [
      {
        ...base,
        indicator:
          indicatorScore === undefined
            ? null
            : {
                computed: toJsonNumber(indicatorScore.computed),
                score: toJsonNumber(indicatorScore.score),
                override: indicatorScore.override,
              },
        decisions,
      },
    ];
  });
  const alliance = view.result?.alliances.find((a) => a.allianceId === allianceId);
  return {
    allianceId,
    allianceName: pkg.allianceName,
    packageDigest: pkg.digest,
    packageId,
    indicator: { id: indicator.id, label: indicator.label, cap: indicator.cap, rule: indicator.rule },
    criteria,
    experts,
    panelScore: alliance?.indicators[indicatorId] ?? null,
    flags: alliance?.flags.filter((flag) => flag.indicator === indicatorId) ?? [],
  };
}
