/**
 * Test helper: the chair's sample meeting (chair-meeting.ts) brought to where it can be locked,
 * through the channels as the console does: E01–E04's signed sheets imported and their keys
 * confirmed, E05's sheet typed in twice from paper, a note on every flag, and the rest of the
 * panel procedure settled (panel-procedure.ts). Not yet locked: the tests lock it themselves.
 */
import { readFileSync } from 'node:fs';
import type { ServiceContext } from '../../electron/app/context.ts';
import type { RequestOf } from '../../shared/api/contract.ts';
import type { PaperContent } from '../../shared/paper/paper-entries.ts';
import type { SheetReview } from '../../shared/sheet/sheet-schema.ts';
import { call } from './call.ts';
import { importChairSheets, prepareChairMeeting, writeChairMeeting } from './chair-meeting.ts';
import { testContext } from './context.ts';
import { settlePanelProcedure } from './panel-procedure.ts';

/** The meeting is written under `dir`, and `dir` is the laptop's data folder too. */
export async function lockableMeeting(dir: string, chair: string): Promise<{ ctx: ServiceContext; meetingId: number }> {
  const meeting = await writeChairMeeting(dir);
  const ctx = testContext(dir);
  const meetingId = await prepareChairMeeting(ctx, meeting);
  await importChairSheets(ctx, meetingId, chair, meeting.sheets.slice(0, 4));
  const sheet = JSON.parse(readFileSync(meeting.sheets[4]!, 'utf8')) as { reviews: SheetReview[] };
  const content = { signedOn: '2027-01-20', reviews: sheet.reviews } satisfies PaperContent as RequestOf<'paper-entry-save'>['content'];
  await call(ctx, 'paper-entry-save', { meetingId, actor: '会务 周敏', expertId: 'E05', entryNo: 1, content });
  await call(ctx, 'paper-entry-save', { meetingId, actor: '秘书 吴刚', expertId: 'E05', entryNo: 2, content });
  const view = await call(ctx, 'panel-view', { meetingId });
  for (const flag of view.flags) await call(ctx, 'flag-note-save', { meetingId, actor: chair, flagKey: flag.key, note: '经合议维持原评分' });
  await settlePanelProcedure(ctx, meetingId, chair);
  return { ctx, meetingId };
}
