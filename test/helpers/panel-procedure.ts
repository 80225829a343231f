/**
 * Test helper: the chair settles everything the lock conditions ask beyond sheets and flag notes
 * (electron/chair/panel-procedure.ts), through the channels as the console does: every expert's
 * signed paper pledge, a standing reason for every open objective difference, the expert's
 * explanation of every open outlier, and — when last year's result is not loaded — that there
 * is none. Tests of other parts of the console use it to reach a lockable meeting; the
 * procedure's own test (test/electron/chair/panel-procedure.test.ts) checks each step itself.
 */
import type { ServiceContext } from '../../electron/app/context.ts';
import { call } from './call.ts';

export async function settlePanelProcedure(ctx: ServiceContext, meetingId: number, actor: string, signedOn = '2027-01-20'): Promise<void> {
  let view = await call(ctx, 'panel-view', { meetingId });
  const pledged = new Set(view.procedure?.pledges.map((p) => p.expertId));
  for (const expert of view.experts) {
    if (!pledged.has(expert.id)) await call(ctx, 'panel-pledge-record', { meetingId, actor, expertId: expert.id, signedOn });
  }
  for (const difference of view.procedure?.differences ?? []) {
    if (difference.status === 'open') await call(ctx, 'panel-difference-standing', { meetingId, actor, differenceKey: difference.key, reason: '经合议，各专家维持各自判断' });
  }
  for (const outlier of view.procedure?.outliers ?? []) {
    if (outlier.status === 'open') await call(ctx, 'panel-outlier-explain', { meetingId, actor, outlierKey: outlier.key, explanation: '专家书面说明：按材料实际情况评分' });
  }
  view = await call(ctx, 'panel-view', { meetingId });
  if (view.previous === null && view.procedure?.previousNone === null) await call(ctx, 'panel-previous-none', { meetingId, actor });
}
