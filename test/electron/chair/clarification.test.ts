import { describe, expect, it } from 'vitest';
import { call } from '../../helpers/call.ts';
import { testContext } from '../../helpers/context.ts';
import { claimsOne } from '../../helpers/expert-work.ts';
import { importPackageZip } from '../../helpers/import-package-zip.ts';
import { allianceManifest, alliancePackage, type PackageBuilder } from '../../helpers/package-builder.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import type { ServiceContext } from '../../../electron/app/context.ts';

const tempDir = useTempDir('clarification-');
const CHAIR = '组长 王明';

const importZip = (ctx: ServiceContext, pkg: PackageBuilder, name: string) => importPackageZip(ctx, pkg, tempDir(), name);

describe('补正 requests', () => {
  it('are recorded once with their audit entry, and answered when the alliance’s next version arrives', async () => {
    const ctx = testContext(tempDir());
    const first = alliancePackage(allianceManifest('HFA-001', claimsOne, { name: '合肥智能语音产业技术创新战略联盟' }));
    await importZip(ctx, first, 'v1');
    const meeting = await call(ctx, 'meeting-create', { name: '2026 年度评审会', year: 2026 });
    const ask = { meetingId: meeting.id, actor: CHAIR, allianceId: 'HFA-001', missing: 'I4 技术合同第 2 份缺登记证明', dueOn: '2027-01-22' };
    const once = await call(ctx, 'clarification-request', ask);
    // A double click: the same open request is not recorded twice.
    const twice = await call(ctx, 'clarification-request', ask);
    expect(twice.requests).toHaveLength(1);
    expect(once.requests[0]).toMatchObject({ allianceName: '合肥智能语音产业技术创新战略联盟', missing: ask.missing, dueOn: '2027-01-22', requestedBy: CHAIR, answeredVersion: null });
    const audit = ctx.db.prepare<[], { action: string; detail_json: string }>("SELECT action, detail_json FROM audit_entry WHERE action = 'clarification-request'").all();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.detail_json)).toMatchObject({ alliance: 'HFA-001 合肥智能语音产业技术创新战略联盟', missing: ask.missing, dueOn: '2027-01-22' });

    await expect(call(ctx, 'clarification-request', { ...ask, allianceId: 'HFA-404' })).rejects.toThrow(/没有导入编号为 HFA-404 的联盟材料包/);
    await expect(call(ctx, 'clarification-request', { ...ask, missing: '  ' })).rejects.toThrow();

    await importZip(ctx, first.newVersion('补交登记证明'), 'v2');
    const after = await call(ctx, 'clarification-list', { meetingId: meeting.id });
    expect(after.requests[0]).toMatchObject({ answeredVersion: 2 });
    expect(after.alliances).toEqual([{ allianceId: 'HFA-001', allianceName: '合肥智能语音产业技术创新战略联盟', version: 2 }]);
    // Answered rows never change again.
    expect(() => ctx.db.prepare("UPDATE clarification_request SET missing = 'x'").run()).toThrow(/only the answer is set/);
  });
});
