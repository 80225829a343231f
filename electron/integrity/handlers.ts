/**
 * The cross-check channels: the meeting checked on request, with the clerk's findings a meeting
 * file brought (meeting-findings.ts), each stored file's features read once and kept
 * (feature-store.ts); the chair's notes on findings (finding-notes.ts), each in the audit log.
 */
import type { integrityChannels } from '../../shared/api/integrity-channels.ts';
import type { CrossCheckView } from '../../shared/api/integrity-types.ts';
import type { HandlerSlice } from '../ipc/handler.ts';
import { claimHints } from './claim-hints.ts';
import { notedView, saveFindingNote } from './finding-notes.ts';
import { meetingFindings, packageCrossCheck } from './meeting-findings.ts';
import { meetingRubricId, packageRubricId, rubricNames } from './finding-names.ts';
import { inWords, type CriterionNames } from '../../shared/integrity/finding-words.ts';
import type { Finding } from '../../shared/integrity/finding.ts';

// The screens read each finding's detail with the rubric's words for its criteria; the stored
// findings, the notes' audit entries and the meeting file keep the ids.
const worded = <F extends Finding>(findings: readonly F[], names: CriterionNames): F[] => findings.map((f) => ({ ...f, detail: inWords(f.detail, names) }));
const wordedView = (view: CrossCheckView, names: CriterionNames): CrossCheckView => ({ ...view, findings: worded(view.findings, names) });

export const integrityHandlers = {
  'cross-check-findings': async (ctx, request): Promise<CrossCheckView> =>
    wordedView(notedView(ctx.db, request.meetingId, await meetingFindings(ctx, request.meetingId)), await rubricNames(ctx, meetingRubricId(ctx.db, request.meetingId))),
  'cross-check-note-save': async (ctx, request): Promise<CrossCheckView> => {
    const check = await meetingFindings(ctx, request.meetingId);
    saveFindingNote(ctx.db, request.meetingId, check, { actor: request.actor, key: request.findingKey, note: request.note, at: ctx.now().toISOString() });
    return wordedView(notedView(ctx.db, request.meetingId, check), await rubricNames(ctx, meetingRubricId(ctx.db, request.meetingId)));
  },
  'claim-hints': (ctx, request) => claimHints(ctx, request.expertId, request.packageId),
  'package-cross-check': async (ctx, request) => {
    const check = await packageCrossCheck(ctx, request.packageId);
    return { ...check, findings: worded(check.findings, await rubricNames(ctx, packageRubricId(ctx.db, request.packageId))) };
  },
} satisfies HandlerSlice<keyof typeof integrityChannels>;
