/**
 * The panel's procedure before the lock (docs/meeting-procedure.md, 第 6 节“签到与分歧” and 第 8 节's lock conditions):
 * what the chair must see settled, and the conditions of 定稿. Read-only: the records it reads
 * are written by procedure-records.ts; the chair never changes an expert's score.
 *
 * - objective difference (客观分歧): a claimed flag or item of an objective criterion (or an
 *   objective judged value) the scoring experts decided differently
 *   (shared/panel/criterion-disagreements.ts). Status: `open`; `standing`, when the panel
 *   recorded that it stands and why, for exactly these decisions (a record of other decisions
 *   does not count); `settled`, when it was there in the experts' first counted sheets and
 *   their current (re-signed) sheets agree.
 * - subjective outlier (畸高畸低): a subjective score further than the meeting's share × the
 *   criterion's cap from the others' mean. Status: `open`; `explained`, when an explanation of
 *   exactly this score is recorded; `revised`, when it was an outlier in the expert's first
 *   counted sheet and the expert's current sheet gives another score (if that one is again an
 *   outlier, it is listed again on its own).
 * - signed in (签到): an expert whose counted sheet is of format 2 signed in on their laptop (the
 *   sheet carries the signed sign-in and pledge); any other expert once the chair recorded the
 *   expert's signed paper pledge (`expertSignedIn`): format-1 sheets and paper sheets carry no
 *   sign-in of their own.
 * - lock conditions: every expert signed (and signed in), objective differences settled or
 *   recorded, outliers revised or explained, every flag noted, last year's results loaded or
 *   confirmed absent. The lock is refused while any is unmet (panel-state.ts `blockers`).
 */
import type { Database } from 'better-sqlite3';
import type {
  DifferenceView,
  FlagView,
  LockConditionView,
  OutlierView,
  PanelExpertView,
  PledgeView,
  ProcedureView,
  RecordedBy,
} from '../../shared/api/chair-types.ts';
import type { ExpertDecision, ObjectiveDisagreement, SubjectiveOutlier } from '../../shared/panel/criterion-disagreements.ts';
import { DEFAULT_OUTLIER_SHARE, objectiveDisagreements, subjectiveOutliers } from '../../shared/panel/criterion-disagreements.ts';
import type { AllianceInput } from '../../shared/panel/alliance-results.ts';
import { mergeSheets } from '../../shared/result/merge-sheets.ts';
import { indexRubric } from '../../shared/rubric/rubric-index.ts';
import type { Rubric } from '../../shared/rubric/types.ts';
import { settingsNumbers } from '../meeting/meeting-setup.ts';
import { verifySheetText } from '../sheets/verify-sheet.ts';
import { keyDecisions, sheetStatuses, storedSheets } from './chair-sheets.ts';
import type { SettingsRow } from '../meeting/meeting-store.ts';
import { outlierShareOf } from '../meeting/meeting-store.ts';
import type { MergeOutcome, MergePackage, VerifiedSheet } from '../../shared/result/merge-sheets.ts';
import type { PaperSheet } from '../../shared/result/paper-sheet.ts';
import type { StoredPrevious } from './previous-result.ts';

/** What this module needs of panel-state.ts's computation (named here, so neither imports the other). */
export interface ProcedureComputation {
  readonly settings: SettingsRow;
  readonly rubric: Rubric;
  readonly packages: readonly MergePackage[];
  readonly sheets: readonly VerifiedSheet[];
  readonly paperSheets: readonly PaperSheet[];
  readonly previous: StoredPrevious | null;
  readonly outcome: MergeOutcome | null;
}

/** The meeting's outlier share as stored (decimal text), `0.3` unless the clerk set another. */
export function meetingOutlierShare(db: Database, meetingId: number): string {
  return outlierShareOf(db, meetingId) ?? DEFAULT_OUTLIER_SHARE;
}

function decisionText(decision: ExpertDecision): string {
  return decision.decision === 'value' ? `${decision.expertId}=${decision.value.toFixed()}` : `${decision.expertId}:${decision.decision}`;
}

/** The claim a difference is about, `HFA-002|I2.plans|` (item id last, empty for a flag). */
function claimKey(d: { readonly allianceId: string; readonly criterionId: string; readonly itemId: string | null }): string {
  return `${d.allianceId}|${d.criterionId}|${d.itemId ?? ''}`;
}

/** The claim and the exact decisions on it: a standing record answers this key only. */
export function differenceKey(d: ObjectiveDisagreement): string {
  return `${claimKey(d)}|${d.decisions.map(decisionText).join(',')}`;
}

/** The score an explanation answers: alliance, criterion, expert and the score itself. */
export function outlierKey(o: { readonly allianceId: string; readonly criterionId: string; readonly expertId: string; readonly score: { toFixed(): string } }): string {
  return `${o.allianceId}|${o.criterionId}|${o.expertId}|${o.score.toFixed()}`;
}

/**
 * Whether an expert has signed in. Today: the chair recorded the expert's signed paper pledge,
 * the only sign-in a format-1 sheet or a paper sheet has. A signed sheet of a later format that
 * carries its own sign-in is to be read here as well.
 */
export function expertSignedIn(
  expert: Pick<PanelExpertView, 'id'>,
  pledges: ReadonlyMap<string, PledgeView>,
  sheetSignIns: ReadonlySet<string> = new Set(),
): boolean {
  return sheetSignIns.has(expert.id) || pledges.has(expert.id);
}

/** The experts whose counted sheet carries their own signed sign-in (sheet format 2). */
export function sheetSignInsOf(sheets: readonly VerifiedSheet[]): Set<string> {
  return new Set(sheets.filter((s) => s.sheet.signIn !== undefined).map((s) => s.sheet.expert.id));
}

export function pledgesOf(db: Database, meetingId: number): Map<string, PledgeView> {
  const rows = db
    .prepare<[number], { expert_id: string; signed_on: string; recorded_at: string; recorded_by: string }>(
      'SELECT expert_id, signed_on, recorded_at, recorded_by FROM paper_pledge WHERE meeting_id = ? ORDER BY id',
    )
    .all(meetingId);
  // The latest record of an expert counts; earlier ones stay as history in the table and the log.
  return new Map(rows.map((row) => [row.expert_id, { expertId: row.expert_id, signedOn: row.signed_on, by: row.recorded_by, at: row.recorded_at }]));
}

export function previousNoneOf(db: Database, meetingId: number): RecordedBy | null {
  const row = db
    .prepare<[number], { confirmed_at: string; confirmed_by: string }>('SELECT confirmed_at, confirmed_by FROM previous_none WHERE meeting_id = ? ORDER BY id DESC LIMIT 1')
    .get(meetingId);
  return row === undefined ? null : { by: row.confirmed_by, at: row.confirmed_at };
}

function standingsOf(db: Database, meetingId: number): Map<string, RecordedBy & { reason: string }> {
  const rows = db
    .prepare<[number], { alliance_id: string; criterion_id: string; item_id: string; decisions: string; reason: string; recorded_at: string; recorded_by: string }>(
      'SELECT alliance_id, criterion_id, item_id, decisions, reason, recorded_at, recorded_by FROM difference_standing WHERE meeting_id = ? ORDER BY id',
    )
    .all(meetingId);
  return new Map(rows.map((row) => [`${row.alliance_id}|${row.criterion_id}|${row.item_id}|${row.decisions}`, { reason: row.reason, by: row.recorded_by, at: row.recorded_at }]));
}

function explanationsOf(db: Database, meetingId: number): Map<string, RecordedBy & { text: string }> {
  const rows = db
    .prepare<[number], { alliance_id: string; criterion_id: string; expert_id: string; score: string; explanation: string; recorded_at: string; recorded_by: string }>(
      'SELECT alliance_id, criterion_id, expert_id, score, explanation, recorded_at, recorded_by FROM outlier_explanation WHERE meeting_id = ? ORDER BY id',
    )
    .all(meetingId);
  return new Map(rows.map((row) => [`${row.alliance_id}|${row.criterion_id}|${row.expert_id}|${row.score}`, { text: row.explanation, by: row.recorded_by, at: row.recorded_at }]));
}

/**
 * The panel as the experts' first counted sheets had it (each expert's earliest sheet with the
 * key the chair confirmed), or null when no expert re-signed (then it is the current panel).
 */
function firstSheetsPanel(db: Database, meetingId: number, computation: ProcedureComputation): readonly AllianceInput[] | null {
  const sheets = storedSheets(db, meetingId);
  const statuses = sheetStatuses(sheets, keyDecisions(db, meetingId));
  const counted = new Set(computation.sheets.map((s) => s.sheet.expert.id));
  const first = new Map<string, (typeof sheets)[number]>();
  for (const sheet of sheets) {
    const status = statuses.get(sheet.id);
    if ((status !== 'current' && status !== 'superseded') || !counted.has(sheet.expertId)) continue;
    const known = first.get(sheet.expertId);
    if (known === undefined || sheet.signedAtMs < known.signedAtMs) first.set(sheet.expertId, sheet);
  }
  if (![...first.values()].some((sheet) => statuses.get(sheet.id) === 'superseded')) return null;
  const verified: VerifiedSheet[] = [];
  for (const stored of first.values()) {
    const check = verifySheetText(stored.sheetText);
    if (!check.ok || check.sheet === null || check.fingerprint === null) return null;
    verified.push({ source: stored.sourceName, sheet: check.sheet, fingerprint: check.fingerprint });
  }
  const reviewed = new Set([...verified.map((s) => s.sheet), ...computation.paperSheets.map((p) => p.sheet)].flatMap((sheet) => sheet.reviews.map((r) => r.allianceId)));
  const numbers = settingsNumbers(computation.settings);
  const outcome = mergeSheets(
    computation.rubric,
    computation.packages.filter((pkg) => reviewed.has(pkg.allianceId)),
    verified,
    { method: numbers.method, deviationThreshold: numbers.deviationThreshold, budgetYuan: numbers.budgetYuan, previous: computation.previous?.grades ?? null, paperSheets: computation.paperSheets },
  );
  // An earlier sheet that no longer merges (another package version) says nothing about today's panel.
  return outcome.ok ? outcome.alliances : null;
}

function judgedScore(alliances: readonly AllianceInput[], allianceId: string, criterionId: string, expertId: string): string | null {
  const expert = alliances.find((a) => a.allianceId === allianceId)?.experts.find((e) => e.expertId === expertId);
  if (expert === undefined || expert.recused) return null;
  const decisions = (expert.decisions ?? {}) as Record<string, unknown>;
  const value = (decisions[criterionId] as { value?: unknown } | undefined)?.value;
  return typeof value === 'number' ? String(value) : null;
}

interface Names {
  readonly rubric: Rubric;
  readonly experts: ReadonlyMap<string, string>;
  readonly alliances: ReadonlyMap<string, string>;
  readonly items: ReadonlyMap<string, string>;
}

function namesOf(rubric: Rubric, computation: ProcedureComputation, experts: readonly PanelExpertView[]): Names {
  const items = new Map<string, string>();
  for (const pkg of computation.packages) {
    for (const [criterionId, claim] of Object.entries(pkg.claims)) {
      const list = (claim as { items?: unknown }).items;
      if (!Array.isArray(list)) continue;
      for (const item of list as { id?: unknown; title?: unknown }[]) {
        if (typeof item.id === 'string' && typeof item.title === 'string') items.set(`${pkg.allianceId}|${criterionId}|${item.id}`, item.title);
      }
    }
  }
  return {
    rubric,
    experts: new Map(experts.map((e) => [e.id, e.name])),
    alliances: new Map(computation.packages.map((p) => [p.allianceId, p.allianceName])),
    items,
  };
}

function differenceView(d: ObjectiveDisagreement, names: Names, status: DifferenceView['status'], standing: DifferenceView['standing']): DifferenceView {
  const placement = indexRubric(names.rubric).criteria.get(d.criterionId);
  return {
    key: differenceKey(d),
    allianceId: d.allianceId,
    allianceName: names.alliances.get(d.allianceId) ?? d.allianceId,
    criterionId: d.criterionId,
    criterionLabel: placement?.criterion.label ?? d.criterionId,
    indicatorId: placement?.indicator.id ?? d.criterionId,
    itemId: d.itemId,
    itemTitle: d.itemId === null ? null : (names.items.get(claimKey(d)) ?? null),
    decisions: d.decisions.map((x) => ({
      expertId: x.expertId,
      expertName: names.experts.get(x.expertId) ?? x.expertId,
      decision: x.decision,
      value: x.decision === 'value' ? x.value.toFixed() : null,
      reason: x.reason,
    })),
    status,
    standing,
  };
}

function outlierView(o: SubjectiveOutlier, names: Names, rest: Pick<OutlierView, 'status' | 'revisedTo' | 'explanation'>): OutlierView {
  const placement = indexRubric(names.rubric).criteria.get(o.criterionId);
  return {
    key: outlierKey(o),
    allianceId: o.allianceId,
    allianceName: names.alliances.get(o.allianceId) ?? o.allianceId,
    criterionId: o.criterionId,
    criterionLabel: placement?.criterion.label ?? o.criterionId,
    indicatorId: placement?.indicator.id ?? o.criterionId,
    expertId: o.expertId,
    expertName: names.experts.get(o.expertId) ?? o.expertId,
    score: o.score.toFixed(),
    // The mean of up to a dozen scores: 4 places show 1.375 and 1.6667 without a long tail.
    othersMean: o.othersMean.toDecimalPlaces(4).toFixed(),
    distance: o.distance.toDecimalPlaces(4).toFixed(),
    limit: o.limit.toFixed(),
    direction: o.direction,
    ...rest,
  };
}

export interface ProcedureInputs {
  readonly computation: ProcedureComputation | null;
  readonly experts: readonly PanelExpertView[];
  readonly flags: readonly FlagView[];
}

export function procedureView(db: Database, meetingId: number, rubric: Rubric, inputs: ProcedureInputs): ProcedureView {
  const { computation, experts, flags } = inputs;
  const outlierShare = meetingOutlierShare(db, meetingId);
  const pledges = pledgesOf(db, meetingId);
  const previousNone = previousNoneOf(db, meetingId);
  const differences: DifferenceView[] = [];
  const outliers: OutlierView[] = [];
  const alliances = computation?.outcome?.ok === true ? computation.outcome.alliances : null;
  if (computation !== null && alliances !== null) {
    const names = namesOf(rubric, computation, experts);
    const standings = standingsOf(db, meetingId);
    const current = objectiveDisagreements(rubric, alliances);
    for (const d of current) {
      const standing = standings.get(differenceKey(d)) ?? null;
      differences.push(differenceView(d, names, standing === null ? 'open' : 'standing', standing));
    }
    const explanations = explanationsOf(db, meetingId);
    const currentOutliers = subjectiveOutliers(rubric, alliances, outlierShare);
    const first = firstSheetsPanel(db, meetingId, computation);
    if (first !== null) {
      const open = new Set(current.map(claimKey));
      for (const d of objectiveDisagreements(rubric, first)) {
        if (!open.has(claimKey(d))) differences.push(differenceView(d, names, 'settled', null));
      }
      for (const o of subjectiveOutliers(rubric, first, outlierShare)) {
        const now = judgedScore(alliances, o.allianceId, o.criterionId, o.expertId);
        if (now !== null && now !== o.score.toFixed()) outliers.push(outlierView(o, names, { status: 'revised', revisedTo: now, explanation: null }));
      }
    }
    for (const o of currentOutliers) {
      // The expert's own explanation, signed in their sheet (format 2), comes first; else the
      // chair's entry of what the expert explained.
      const signed = computation.sheets.find((s) => s.sheet.expert.id === o.expertId);
      const ownText = signed?.sheet.reviews.find((r) => r.allianceId === o.allianceId)?.explanations?.[o.criterionId];
      const explained = explanations.get(outlierKey(o));
      const explanation =
        ownText !== undefined && signed !== undefined
          ? { text: ownText, by: `${o.expertId}（评分表内签名）`, at: signed.sheet.signedAt, source: 'sheet' as const }
          : explained === undefined
            ? null
            : { ...explained, source: 'chair' as const };
      outliers.push(outlierView(o, names, { status: explanation === null ? 'open' : 'explained', revisedTo: null, explanation }));
    }
  }
  const who = (e: PanelExpertView) => `专家 ${e.id} ${e.name}`;
  const unsigned = experts.flatMap((e) => {
    switch (e.state) {
      case 'signed':
      case 'paper':
        return [];
      case 'awaiting-fingerprint':
        return [`${who(e)} 的评分表等待核对指纹`];
      case 'paper-entering':
        return [`${who(e)} 的纸质评分表两次录入尚未一致`];
      case 'none':
        return [`${who(e)} 的评分表尚未导入（如该专家未参会，请在“会议准备”中将其移出名册）`];
    }
  });
  const signIns = computation === null ? new Set<string>() : sheetSignInsOf(computation.sheets);
  const notSignedIn = experts.filter((e) => !expertSignedIn(e, pledges, signIns)).map((e) => `${who(e)} 尚未签到（没有签到记录，也没有登记签字承诺书）`);
  const openDifferences = differences.filter((d) => d.status === 'open');
  const openOutliers = outliers.filter((o) => o.status === 'open');
  const unnoted = flags.filter((f) => f.note === null).length;
  const condition = (id: LockConditionView['id'], label: string, missing: readonly string[]): LockConditionView => ({ id, label, met: missing.length === 0, missing });
  const conditions: LockConditionView[] = [
    condition('signed', '每位专家的评分表都已签名并计入', experts.length === 0 ? ['专家名册是空的'] : unsigned),
    condition('signed-in', '每位专家都已签到（纸质签字承诺书已登记）', notSignedIn),
    condition(
      'differences',
      '客观分歧都已由专家重新签名解决，或已记录维持的理由',
      openDifferences.map((d) => `${d.allianceName} ${d.criterionLabel}${d.itemTitle === null ? '' : `「${d.itemTitle}」`}：专家判断不一致，尚未解决或记录`),
    ),
    condition(
      'outliers',
      '畸高畸低的评分都已由专家修改或书面说明',
      openOutliers.map((o) => `${o.allianceName} ${o.criterionLabel}：专家 ${o.expertId} ${o.expertName} 评 ${o.score} 分，其他专家平均 ${o.othersMean} 分，尚未修改或说明`),
    ),
    condition('flags', '每个标记都有主任的说明', unnoted === 0 ? [] : [`还有 ${unnoted} 个标记没有主任的说明（每个标记都需写明处理意见，如“经合议维持原评分”）`]),
    condition(
      'previous',
      '上一年度考核结果已导入，或主任已确认没有上一年度结果',
      computation?.previous !== null && computation?.previous !== undefined
        ? []
        : previousNone !== null
          ? []
          : ['上一年度结果尚未导入：连续两年不合格要取消资格，请在“定稿”页导入上一年度结果，或确认本会议没有上一年度结果'],
    ),
  ];
  const sheetSignIns = (computation?.sheets ?? []).flatMap((s) => (s.sheet.signIn === undefined ? [] : [{ expertId: s.sheet.expert.id, at: s.sheet.signIn.at }]));
  return { outlierShare, differences, outliers, pledges: [...pledges.values()], sheetSignIns, previousNone, conditions };
}
