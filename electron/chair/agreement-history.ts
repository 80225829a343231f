/**
 * Agreement history: the panel's agreement per indicator and criterion in every year this
 * store holds a meeting of, up to the year of the meeting the chair has open, for the console
 * (shared/panel/agreement-by-year.ts computes it; this module chooses the meetings and merges
 * their sheets).
 *
 * - meeting of a year: the open meeting for its own year; for an earlier year, the first of its
 *   meetings that gives a panel, trying those with a locked result first, newest first. Several
 *   meetings of one year happen when a clerk starts over; the locked one is the year's.
 *   Later years than the open meeting's are left out: the console looks back, not forward.
 * - its panel: the same merge as the console's (panel-state.ts `computePanel`: the counted
 *   signed sheets, verified again, and the agreed paper sheets). A year whose meeting has no
 *   settings, no merge yet, or problems is listed under `left` with the reason.
 */
import type { AgreementHistoryView } from '../../shared/api/chair-types.ts';
import type { YearPanel } from '../../shared/panel/agreement-by-year.ts';
import { agreementByYear } from '../../shared/panel/agreement-by-year.ts';
import type { ServiceContext } from '../app/context.ts';
import { AppError } from '../errors/app-error.ts';
import { currentLock } from '../meeting/lock-state.ts';
import { listMeetings, meetingRow, meetingSettings } from '../meeting/meeting-store.ts';
import { meetingRubric } from './meeting-inputs.ts';
import { computePanel } from './panel-state.ts';

type YearOutcome = { readonly panel: YearPanel } | { readonly reason: string };

/** One meeting's panel, or why there is none. */
async function meetingPanel(ctx: ServiceContext, meeting: { readonly id: number; readonly name: string; readonly year: number }): Promise<YearOutcome> {
  const settings = meetingSettings(ctx.db, meeting.id);
  if (settings === null) return { reason: '会议尚未准备（没有设置、名册和材料包）' };
  let rubric;
  try {
    rubric = await meetingRubric(ctx, settings.rubricId);
  } catch (error) {
    if (error instanceof AppError) return { reason: error.message };
    throw error;
  }
  const { outcome, problems } = computePanel(ctx.db, meeting.id, settings, rubric);
  if (outcome === null) return { reason: '还没有计入的评分表' };
  if (!outcome.ok) return { reason: `评分表不能汇总：${problems[0]?.message ?? ''}` };
  return { panel: { year: meeting.year, meetingName: meeting.name, rubric, alliances: outcome.alliances } };
}

export async function agreementHistory(ctx: ServiceContext, meetingId: number): Promise<AgreementHistoryView> {
  const open = meetingRow(ctx.db, meetingId);
  // Candidates of each year in the order they are tried (see the module comment); listMeetings
  // is newest first, and the sort is stable.
  const byYear = new Map<number, { id: number; name: string; year: number }[]>();
  for (const meeting of listMeetings(ctx.db)) {
    if (meeting.year > open.year || (meeting.year === open.year && meeting.id !== open.id)) continue;
    byYear.set(meeting.year, [...(byYear.get(meeting.year) ?? []), meeting]);
  }
  const panels: YearPanel[] = [];
  const left: { year: number; meetingName: string; reason: string }[] = [];
  for (const [year, meetings] of byYear) {
    const tried = [...meetings].sort((a, b) => Number(currentLock(ctx.db, b.id) !== null) - Number(currentLock(ctx.db, a.id) !== null));
    let first: { meetingName: string; reason: string } | null = null;
    let found = false;
    for (const meeting of tried) {
      const outcome = await meetingPanel(ctx, meeting);
      if ('panel' in outcome) {
        panels.push(outcome.panel);
        found = true;
        break;
      }
      first ??= { meetingName: meeting.name, reason: outcome.reason };
    }
    if (!found && first !== null) left.push({ year, ...first });
  }
  return { ...agreementByYear(panels), left: left.sort((a, b) => a.year - b.year) };
}
