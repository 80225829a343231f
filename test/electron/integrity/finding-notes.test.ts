/**
 * The cross-check channels through the real handler table on a real store: the findings with
 * their keys, the chair's note on one (kept, shown as the finding's latest note, recorded in
 * the hash-chained audit log), and a note refused for a finding that is not there.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listAudit, verifyAuditChain } from '../../../electron/audit/audit-log.ts';
import { closeFileFeatures } from '../../../electron/integrity/file-features.ts';
import { createMeeting, replacePackages } from '../../../electron/meeting/meeting-store.ts';
import { importPackage } from '../../../electron/package-store/import-packages.ts';
import { call } from '../../helpers/call.ts';
import { testContext } from '../../helpers/context.ts';
import { allianceManifest, alliancePackage } from '../../helpers/package-builder.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';

const tempDir = useTempDir('finding-notes-');
const photo = readFileSync(resolve(import.meta.dirname, '../../fixtures/evidence/cross-check/certificate.jpg'));

afterAll(async () => {
  await closeFileFeatures();
});

describe('cross-check-findings and cross-check-note-save', () => {
  it('lists findings with keys, and keeps the chair\'s note in the audit log', async () => {
    const dataDir = tempDir();
    const work = tempDir();
    const ctx = testContext(dataDir);
    const stored = [];
    for (const id of ['HFA-012', 'HFA-017']) {
      const pkg = alliancePackage(allianceManifest(id, { 'I1.office': { claimed: true, evidence: ['证书.jpg'] } })).with('证书.jpg', photo);
      const report = await importPackage(ctx, { path: pkg.writeFolder(join(work, id)), name: id, uploadId: null });
      stored.push({ allianceId: id, digest: report.digest ?? '' });
    }
    const meeting = createMeeting(ctx.db, { name: '2026', year: 2026 }, ctx.now());
    replacePackages(ctx.db, meeting.id, stored);

    const view = await call(ctx, 'cross-check-findings', { meetingId: meeting.id });
    expect(view.findings.map((f) => f.kind)).toEqual(['same-file']);
    const [finding] = view.findings;
    expect(finding?.key).toMatch(/^[0-9a-f]{64}$/);
    expect(finding?.note).toBeNull();

    const noted = await call(ctx, 'cross-check-note-save', { meetingId: meeting.id, actor: '主任 孙立', findingKey: finding?.key ?? '', note: '同一成员单位的荣誉证书，两联盟均可申报' });
    expect(noted.findings[0]?.note).toEqual({ text: '同一成员单位的荣誉证书，两联盟均可申报', by: '主任 孙立', at: ctx.now().toISOString() });
    expect((await call(ctx, 'cross-check-findings', { meetingId: meeting.id })).findings[0]?.note?.text).toBe('同一成员单位的荣誉证书，两联盟均可申报');
    const audit = listAudit(ctx.db, meeting.id);
    expect(audit.map((e) => [e.action, e.actor])).toEqual([['cross-check-note', '主任 孙立']]);
    expect(JSON.parse(audit[0]?.detail ?? '{}')).toMatchObject({ kind: 'same-file', note: '同一成员单位的荣誉证书，两联盟均可申报' });
    expect(verifyAuditChain(ctx.db).ok).toBe(true);

    await expect(call(ctx, 'cross-check-note-save', { meetingId: meeting.id, actor: '主任 孙立', findingKey: 'a'.repeat(64), note: '说明' })).rejects.toThrow(/finding-gone: 这条提示已经不存在了/);
    await expect(call(ctx, 'cross-check-note-save', { meetingId: meeting.id, actor: '主任 孙立', findingKey: finding?.key ?? '', note: '  ' })).rejects.toThrow(/批注不能为空/);
    ctx.close();
  }, 60_000);
});
