/**
 * Cross-check findings travel in the meeting file (`cross-check.json`): the clerk's laptop, which
 * holds last year's package too, finds its reuse; an expert laptop that imports the meeting file
 * holds only this year's packages and still lists that finding. Real package zips, real
 * importers, real SQLite files, the real zip writer.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../../electron/app/context.ts';
import { closeFileFeatures } from '../../../electron/integrity/file-features.ts';
import { writeStoredZip } from '../../../electron/meeting/stored-zip-writer.ts';
import { CROSS_CHECK_JSON, MEETING_JSON, meetingHashText, type MeetingDescription } from '../../../shared/meeting/meeting-file-format.ts';
import { call } from '../../helpers/call.ts';
import { prepareChairMeeting, type ChairMeeting } from '../../helpers/chair-meeting.ts';
import { testContext } from '../../helpers/context.ts';
import { PASSPHRASE } from '../../helpers/expert-work.ts';
import { importMeetingFile } from '../../helpers/meeting-room.ts';
import { allianceManifest, alliancePackage, manifest } from '../../helpers/package-builder.ts';
import { readZip } from '../../helpers/read-zip.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';

const tempDir = useTempDir('meeting-cross-check-file-');
const fixture = (name: string): Buffer => readFileSync(resolve(import.meta.dirname, '../../fixtures/evidence/cross-check', name));

afterAll(async () => {
  await closeFileFeatures();
});

const kinds = (ctx: ServiceContext, meetingId: number) =>
  call(ctx, 'cross-check-findings', { meetingId }).then((view) => view.findings.map((f) => `${f.kind} ${f.places.map((p) => `${p.year}/${p.allianceId}/${p.itemId ?? ''}`).join(' ')}`));

/** The clerk's laptop: HFA-012's 2025 package in the store, and a 2026 meeting of HFA-012 and HFA-017. */
async function clerkMeeting() {
  const work = tempDir();
  const clerk = testContext(tempDir(), new Date('2026-11-20T01:00:00Z'));
  const earlier = await alliancePackage(
    manifest({ year: 2025, claims: { 'I11.newMembers': { items: [{ id: 'nm-1', title: '新成员 合肥甲科技', date: '2025-06-01', evidence: ['入盟/证书.jpg'] }] } } }),
  )
    .with('入盟/证书.jpg', fixture('certificate.jpg'))
    .write(join(work, 'HFA-012-2025.zip'));
  const started = await call(clerk, 'package-import', { sources: [{ path: earlier.path }] });
  await clerk.jobs.idle();
  expect((await call(clerk, 'job-status', { jobId: started.jobId })).results.map((r) => r.outcome)).toEqual(['imported']);
  const hfa012 = await alliancePackage(
    manifest({
      claims: {
        'I11.newMembers': { items: [{ id: 'nm-4', title: '新成员 合肥甲科技', date: '2026-06-01', evidence: ['证明/入盟证书.jpg'] }] },
        'I8.inventionPatents': { items: [{ id: 'pat-1', title: '一种语音识别方法 ZL201710601862.3', date: '2026-03-01', evidence: [] }] },
      },
    }),
  )
    .with('证明/入盟证书.jpg', fixture('certificate-q40.jpg'))
    .write(join(work, 'HFA-012.zip'));
  const hfa017 = await alliancePackage(
    allianceManifest('HFA-017', { 'I8.inventionPatents': { items: [{ id: 'p-2', title: '一种方法 ZL201710601862.3', date: '2026-03-01', evidence: [] }] } }),
  ).write(join(work, 'HFA-017.zip'));
  const meeting = { packages: [hfa012, hfa017], settings: { method: 'mean', deviationThreshold: 10, budgetYuan: 1000000 } } as unknown as ChairMeeting;
  const meetingId = await prepareChairMeeting(clerk, meeting, '会务 周敏');
  return { clerk, meetingId };
}

/** Writes the entries again as a meeting file (the way the clerk's writer does), after `change`. */
async function rewritten(entries: Map<string, Buffer>, change: (entries: Map<string, Buffer>) => void): Promise<string> {
  const copy = new Map(entries);
  change(copy);
  const path = join(tempDir(), 'changed.meeting.zip');
  await writeStoredZip(
    path,
    [...copy].map(([name, bytes]) => ({ name, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), open: () => Readable.from([bytes]) })),
    { modified: new Date('2026-11-01T00:00:00Z') },
  );
  return path;
}

describe('meeting file with cross-check findings', { timeout: 120_000 }, () => {
  it('carries the clerk’s findings, covered by the fingerprint; an expert laptop without last year’s package lists them', async () => {
    const { clerk, meetingId } = await clerkMeeting();
    const clerkKinds = await kinds(clerk, meetingId);
    expect(clerkKinds).toEqual(['same-identifier 2026/HFA-012/pat-1 2026/HFA-017/p-2', 'reused-from-earlier-year 2025/HFA-012/nm-1 2026/HFA-012/nm-4']);

    const exported = await call(clerk, 'meeting-file-export', { meetingId, folder: tempDir() });
    const entries = await readZip(exported.path);
    const description = JSON.parse(entries.get(MEETING_JSON)!.toString('utf8')) as MeetingDescription;
    const carried = entries.get(CROSS_CHECK_JSON)!;
    expect(description.crossCheck).toEqual({ sha256: createHash('sha256').update(carried).digest('hex'), size: carried.length });
    const file = JSON.parse(carried.toString('utf8')) as { format: string; findings: { kind: string; detail: string }[] };
    expect(file.format).toBe('alliance-review/cross-check');
    expect(file.findings.map((f) => f.kind)).toEqual(['same-identifier', 'reused-from-earlier-year']);

    // The expert's laptop holds only the 2026 packages: it finds the shared patent number itself,
    // and the reuse of 2025 only because the clerk's findings came with the meeting file.
    const expert = testContext(tempDir(), new Date('2026-11-21T01:00:00Z'));
    const imported = await importMeetingFile(expert, exported.path, '专家 王明');
    if (!imported.outcome.ok) throw new Error(imported.outcome.error.message);
    const expertMeeting = imported.outcome.value.meetingId;
    expect(expert.db.prepare('SELECT count(*) FROM package WHERE year = 2025').pluck().get()).toBe(0);
    expect(await kinds(expert, expertMeeting)).toEqual(clerkKinds);
    const reuse = (await call(expert, 'cross-check-findings', { meetingId: expertMeeting })).findings.find((f) => f.kind === 'reused-from-earlier-year');
    expect(reuse?.detail).toContain('I11 发展联盟新成员 只计当年新增的项');
    // The meeting file itself keeps the rubric's ids; the screen's channel words them.
    expect(file.findings.find((f) => f.kind === 'reused-from-earlier-year')?.detail).toContain('I11.newMembers 只计当年新增的项');

    // Beside the expert's claim: the reuse of last year, found only on the clerk's laptop.
    // The expert chooses their line of the meeting's roster (a laptop with a meeting has one).
    const profile = await call(expert, 'expert-create', { meetingId: expertMeeting, rosterId: 'E01', passphrase: PASSPHRASE });
    const hfa012 = expert.db.prepare<[], number>("SELECT id FROM package WHERE alliance_id = 'HFA-012'").pluck().get()!;
    const hints = await call(expert, 'claim-hints', { expertId: profile.id, packageId: hfa012 });
    const nm4 = hints.claims.find((c) => c.criterion === 'I11.newMembers' && c.itemId === 'nm-4');
    expect(nm4?.hints.map((h) => h.line)).toEqual(['往年已经用过：2025年 HFA-012 · I11 发展联盟新成员 第“nm-1”项（入盟/证书.jpg）']);

    // The chair's note on a finding that came from the clerk goes into the expert laptop's audit log like any.
    const noted = await call(expert, 'cross-check-note-save', { meetingId: expertMeeting, actor: '主任 陈静', findingKey: reuse!.key, note: '已核对：2025 年已计分' });
    expect(noted.findings.find((f) => f.key === reuse!.key)?.note?.text).toBe('已核对：2025 年已计分');
    expect(expert.db.prepare("SELECT count(*) FROM audit_entry WHERE action = 'cross-check-note'").pluck().get()).toBe(1);
    expert.close();

    // A copy whose findings were changed after the clerk wrote it is refused as altered.
    const forged = await rewritten(entries, (e) => e.set(CROSS_CHECK_JSON, Buffer.from(carried.toString('utf8').replace('nm-4', 'nm-5'))));
    const other = testContext(tempDir());
    const forgedImport = await importMeetingFile(other, forged, '专家 李华');
    expect(forgedImport.status).toMatchObject({ state: 'failed', error: { code: 'meeting-file-altered' } });
    expect(forgedImport.status.error?.message).toContain(CROSS_CHECK_JSON);
    expect(other.db.prepare('SELECT count(*) FROM meeting_cross_check').pluck().get()).toBe(0);
    other.close();

    // A meeting file written before findings travelled (no `crossCheck`, no entry) still imports, with none carried.
    const older = await rewritten(entries, (e) => {
      e.delete(CROSS_CHECK_JSON);
      const { crossCheck: _carried, contentSha256: _hash, ...rest } = description;
      const hash = createHash('sha256').update(meetingHashText(rest), 'utf8').digest('hex');
      e.set(MEETING_JSON, Buffer.from(`${JSON.stringify({ ...rest, contentSha256: hash }, null, 2)}\n`, 'utf8'));
    });
    const olderLaptop = testContext(tempDir());
    const olderImport = await importMeetingFile(olderLaptop, older, '专家 刘洋');
    if (!olderImport.outcome.ok) throw new Error(olderImport.outcome.error.message);
    expect(await kinds(olderLaptop, olderImport.outcome.value.meetingId)).toEqual([clerkKinds[0]]);
    olderLaptop.close();
    clerk.close();
  });
});
