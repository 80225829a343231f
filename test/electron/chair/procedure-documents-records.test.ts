import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { lockedDocumentsInput } from '../../../electron/chair/export-documents.ts';
import { call } from '../../helpers/call.ts';
import { CHAIR_EXPERTS, prepareChairMeeting, writeChairMeeting } from '../../helpers/chair-meeting.ts';
import { testContext } from '../../helpers/context.ts';
import { allianceManifest, alliancePackage } from '../../helpers/package-builder.ts';
import { settlePanelProcedure } from '../../helpers/panel-procedure.ts';
import { smallClaims } from '../../shared/result/merge-fixtures.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';

const tempDir = useTempDir('procedure-records-');
const CHAIR = '主任 孙立';

describe('the chair’s export: the procedure documents’ input from the chair’s database', () => {
  it('carries the roster with 组长, every flag’s note, the differences and outliers, the paper pledges, the 补正 requests and the reopenings', async () => {
    const meeting = await writeChairMeeting(tempDir());
    const ctx = testContext(tempDir(), new Date());
    try {
      const meetingId = await prepareChairMeeting(ctx, meeting);
      await call(ctx, 'meeting-roster-save', {
        meetingId,
        actor: CHAIR,
        experts: CHAIR_EXPERTS.map(([id, name], i) => ({ id, name, title: i === 0 ? '教授' : '', specialty: '', employer: i === 0 ? '合肥工业大学' : '', leader: i === 0 })),
      });
      await call(ctx, 'chair-sheet-import', { meetingId, actor: CHAIR, sources: meeting.sheets.map((path) => ({ path })) });
      for (const key of (await call(ctx, 'chair-sheet-list', { meetingId })).pendingKeys) {
        await call(ctx, 'chair-key-decide', { meetingId, actor: CHAIR, publicKey: key.publicKey, decision: 'confirm', readOut: key.fingerprint });
      }
      const flags = (await call(ctx, 'panel-view', { meetingId })).flags;
      for (const flag of flags) await call(ctx, 'flag-note-save', { meetingId, actor: CHAIR, flagKey: flag.key, note: `${flag.allianceId} 经合议维持原评分` });
      await settlePanelProcedure(ctx, meetingId, CHAIR);
      // Two 补正 requests; HFA-002's corrected package arrives as its version 2, HFA-006's never.
      const ask = { meetingId, actor: CHAIR, dueOn: '2027-01-22' };
      await call(ctx, 'clarification-request', { ...ask, allianceId: 'HFA-002', missing: 'I2 年度计划缺理事会审议纪要' });
      await call(ctx, 'clarification-request', { ...ask, allianceId: 'HFA-006', missing: '理事会会议纪要缺签字页' });
      const corrected = await alliancePackage(allianceManifest('HFA-002', smallClaims, { name: '合肥市新材料产业技术创新战略联盟' }))
        .newVersion('补交理事会审议纪要')
        .write(join(tempDir(), 'HFA-002-v2.zip'));
      await call(ctx, 'package-import', { sources: [{ path: corrected.path }] });
      await ctx.jobs.idle();
      await call(ctx, 'panel-finalize', { meetingId, actor: CHAIR });
      await call(ctx, 'panel-reopen', { meetingId, actor: CHAIR, ground: 'extreme-score', reason: '复核 HFA-002 的 I10 评分' });
      await call(ctx, 'panel-finalize', { meetingId, actor: CHAIR });

      const procedure = (await lockedDocumentsInput(ctx, meetingId)).procedure;
      expect(procedure?.roster?.[0]).toEqual({ id: 'E01', name: '王明', title: '教授', employer: '合肥工业大学', leader: true });
      expect(procedure?.roster?.filter((m) => m.leader)).toHaveLength(1);
      expect(procedure?.flagNotes).toHaveLength(flags.length);
      expect(procedure?.flagNotes?.every((n) => n.note === `${n.allianceId} 经合议维持原评分` && n.by === CHAIR)).toBe(true);
      // settlePanelProcedure records a standing reason for each open difference and a pledge for each expert.
      expect(procedure?.differences?.length ?? 0).toBeGreaterThan(0);
      for (const d of procedure?.differences ?? []) {
        expect(d.outcome).toBe('standing');
        expect(d.reason).toBe('经合议，各专家维持各自判断');
        expect(d.claim).toMatch(/^I\d+ /u);
        expect(d.decisions).toMatch(/^E0\d \S+ (认可|不认可|未判断|[\d.]+ 分)/u);
      }
      for (const o of procedure?.outliers ?? []) expect(['explained', 'revised']).toContain(o.outcome);
      expect(procedure?.paperPledges?.map((p) => p.expertId).sort()).toEqual(CHAIR_EXPERTS.map(([id]) => id));
      const importedAt = ctx.db.prepare<[], string>("SELECT imported_at FROM package WHERE alliance_id = 'HFA-002' AND version = 2").pluck().get();
      expect(procedure?.clarifications).toEqual([
        { allianceId: 'HFA-002', missing: 'I2 年度计划缺理事会审议纪要', dueOn: '2027-01-22', by: CHAIR, at: expect.any(String) as string, answer: { version: 2, importedAt } },
        { allianceId: 'HFA-006', missing: '理事会会议纪要缺签字页', dueOn: '2027-01-22', by: CHAIR, at: expect.any(String) as string, answer: null },
      ]);
      expect(procedure?.reopenings).toEqual([{ reopenedAt: expect.any(String) as string, reopenedBy: CHAIR, ground: 'extreme-score', reason: '复核 HFA-002 的 I10 评分' }]);
    } finally {
      ctx.close();
    }
  }, 120_000);
});
