/**
 * The signed panel record (专家组记录) of the locked result, through the real channels on a real
 * SQLite file: the panel's conclusions, the observer's mode and notes, the export beside the
 * result documents, and reading it back (signature, a flipped byte, another year or result).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../../electron/app/context.ts';
import { readPanelRecord, resultSha256Of, signPanelRecord, verifyPanelRecordText } from '../../../electron/chair/panel-record-file.ts';
import { lockedDocumentsInput } from '../../../electron/chair/export-documents.ts';
import { procedureFromPanelRecord } from '../../../electron/chair/panel-record-procedure.ts';
import { localSigner } from '../../../electron/export/signing/local-certificate.ts';
import { resultDocumentsReport } from '../../../shared/api/job-results.ts';
import type { RequestOf } from '../../../shared/api/contract.ts';
import { panelRecordSchema, panelRecordText, type UnsignedPanelRecord } from '../../../shared/record/panel-record.ts';
import { call } from '../../helpers/call.ts';
import { lockableMeeting } from '../../helpers/lockable-meeting.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';

const tempDir = useTempDir('panel-record-');
const CHAIR = '主任 孙立';
const OBSERVER = '纪检 刘芳';

/** A meeting with E01–E04 signed and E05 typed in from paper, every flag noted; not yet locked. */
const readyMeeting = () => lockableMeeting(tempDir(), CHAIR);

async function exportRecord(ctx: ServiceContext, meetingId: number, overwrite = false): Promise<string> {
  const started = await call(ctx, 'result-documents-export', { meetingId, overwrite });
  await ctx.jobs.idle();
  const report = resultDocumentsReport(await call(ctx, 'job-status', { jobId: started.jobId }));
  expect(report?.outcome).toBe('written');
  const file = report?.files.find((f) => f.kind === 'panel-record');
  expect(file?.path).toBe(join(started.folder, '2026-专家组记录.panel.json'));
  return file?.path ?? '';
}

describe('the panel record of the locked result', () => {
  // A whole meeting prepared, locked and exported through the handlers: slow on a shared machine.
  it('holds the conclusions, flag notes, differences, observer notes and reopenings, signed; a flipped byte or another result is refused', { timeout: 180_000 }, async () => {
    const { ctx, meetingId } = await readyMeeting();
    const alliances = (await call(ctx, 'panel-view', { meetingId })).result?.alliances ?? [];
    const first = alliances[0]!;
    await call(ctx, 'panel-conclusion-save', { meetingId, actor: CHAIR, allianceId: first.allianceId, text: '初稿' });
    await call(ctx, 'panel-conclusion-save', { meetingId, actor: CHAIR, allianceId: first.allianceId, text: '专家组一致认为该联盟运行良好。' });
    // Saved twice with the same words (a double click) is one entry.
    const record = await call(ctx, 'panel-conclusion-save', { meetingId, actor: CHAIR, allianceId: first.allianceId, text: '专家组一致认为该联盟运行良好。' });
    expect(record.conclusions).toEqual([expect.objectContaining({ allianceId: first.allianceId, allianceName: first.name, text: '专家组一致认为该联盟运行良好。', by: CHAIR })]);
    const conclusionEntries = (await call(ctx, 'audit-log', { meetingId })).entries.filter((e) => e.action === 'panel-conclusion');
    expect(conclusionEntries.map((e) => [e.actionLabel, e.actor])).toEqual([
      ['专家组结论', CHAIR],
      ['专家组结论', CHAIR],
    ]);
    await expect(call(ctx, 'panel-conclusion-save', { meetingId, actor: CHAIR, allianceId: 'HFA-999', text: '无' })).rejects.toThrow(/^alliance-not-in-meeting: 联盟 HFA-999 不在本会议的材料包中/);

    // A 补正 request the alliance has not answered by the lock.
    await call(ctx, 'clarification-request', { meetingId, actor: CHAIR, allianceId: first.allianceId, missing: '审计报告缺公章页', dueOn: '2027-01-22' });

    // Locked, reopened for an art. 64 ground, locked again: the reopening is in the record.
    await call(ctx, 'panel-finalize', { meetingId, actor: CHAIR });
    await expect(call(ctx, 'panel-conclusion-save', { meetingId, actor: CHAIR, allianceId: first.allianceId, text: '改' })).rejects.toThrow(/^result-locked:/);
    await call(ctx, 'panel-reopen', { meetingId, actor: CHAIR, ground: 'summation-error', reason: '复核计分汇总' });
    const lock = await call(ctx, 'panel-finalize', { meetingId, actor: CHAIR });
    await call(ctx, 'observer-start', { meetingId, name: OBSERVER });
    await call(ctx, 'observer-note-add', { meetingId, text: '评审过程符合规定。' });
    await call(ctx, 'observer-end', { meetingId });

    const path = await exportRecord(ctx, meetingId);
    const text = readFileSync(path, 'utf8');
    const reading = await readPanelRecord(path, { year: 2026, resultSha256: lock.resultSha256 });
    if (!reading.ok) throw new Error(reading.problems.join('\n'));
    const data = reading.data;
    expect(data.year).toBe(2026);
    expect(data.resultSha256).toBe(resultSha256Of(lock.resultText));
    expect(data.conclusions).toEqual({ [first.allianceId]: '专家组一致认为该联盟运行良好。' });
    expect(data.observerNotes).toEqual([{ name: OBSERVER, text: '评审过程符合规定。', at: expect.any(String) as string }]);
    expect(data.reopenings).toEqual([expect.objectContaining({ ground: 'summation-error', reason: '复核计分汇总', reopenedBy: CHAIR })]);
    expect(data.clarifications).toEqual([
      {
        allianceId: first.allianceId,
        allianceName: first.name,
        missing: '审计报告缺公章页',
        dueOn: '2027-01-22',
        requestedBy: CHAIR,
        requestedAt: expect.any(String) as string,
        answeredVersion: null,
        answeredAt: null,
      },
    ]);
    const flags = lock.findings.filter((f) => f.note !== '');
    expect(data.flagNotes).toHaveLength(flags.length);
    expect(data.flagNotes.every((n) => n.note === '经合议维持原评分')).toBe(true);
    const procedure = (await call(ctx, 'panel-view', { meetingId })).procedure;
    const standing = procedure?.differences.filter((d) => d.status === 'standing') ?? [];
    expect(standing.length).toBeGreaterThan(0);
    expect(data.differences.filter((d) => d.outcome === 'recorded')).toHaveLength(standing.length);
    expect(data.differences.every((d) => d.outcome === 'revised' || d.reason === '经合议，各专家维持各自判断')).toBe(true);
    // The command line prints from the record the 补正 requests and reopenings the app prints from its database.
    const app = await lockedDocumentsInput(ctx, meetingId);
    const fromRecord = procedureFromPanelRecord(data.record, app.rubric);
    const { roster, ...fromApp } = app.procedure ?? {};
    expect(roster?.length).toBeGreaterThan(0);
    // Everything but the roster (the meeting file's, for the command line) is the same as the app prints.
    expect(fromRecord).toEqual(fromApp);
    expect(fromRecord.reopenings).toHaveLength(1);
    expect(fromRecord.paperPledges?.map((p) => p.expertId)).toEqual(procedure?.pledges.map((p) => p.expertId));
    expect(fromRecord.differences?.every((d) => d.decisions !== '')).toBe(true);
    expect(data.certificateFingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);

    // One changed byte of a value: the signature fails, in words for the person.
    const flipped = text.replace('评审过程符合规定', '评审过程不符规定');
    expect(flipped).not.toBe(text);
    writeFileSync(path, flipped);
    const refusedFlip = await readPanelRecord(path);
    expect(refusedFlip).toEqual({ ok: false, problems: [expect.stringMatching(/^专家组记录 2026-专家组记录\.panel\.json：签名验证失败/) as string] });
    // Re-indenting does not change what is signed.
    writeFileSync(path, JSON.stringify(JSON.parse(text)));
    expect((await readPanelRecord(path)).ok).toBe(true);
    writeFileSync(path, text);

    const otherYear = await readPanelRecord(path, { year: 2027, resultSha256: lock.resultSha256 });
    expect(otherYear).toEqual({ ok: false, problems: [expect.stringContaining('是 2026 年度的，而本次汇总的是 2027 年度的结果') as string] });
    const otherResult = await readPanelRecord(path, { year: 2026, resultSha256: '0'.repeat(64) });
    expect(otherResult.ok).toBe(false);
    expect(otherResult.ok ? '' : otherResult.problems[0]).toContain('属于另一份结果');

    // Exported again without asking to overwrite: refused, the file untouched.
    const started = await call(ctx, 'result-documents-export', { meetingId, overwrite: false });
    await ctx.jobs.idle();
    const again = resultDocumentsReport(await call(ctx, 'job-status', { jobId: started.jobId }));
    expect(again?.outcome).toBe('exists');
    expect(again?.existing).toContain(path);
    // Every target in the way is listed, the 22 PDFs (13 result, 9 procedure) and the workbook too, for the clerk to decide once.
    expect(again?.existing).toHaveLength(24);
    expect(readFileSync(path, 'utf8')).toBe(text);
  });

  it('is refused when not a record, with a repeated key, or signed by another certificate than it carries', async () => {
    const dir = tempDir();
    const signer = await localSigner(dir, { now: new Date('2027-01-20T00:00:00Z') });
    const other = await localSigner(tempDir(), { now: new Date('2027-01-20T00:00:00Z') });
    const unsigned: UnsignedPanelRecord = {
      format: 'alliance-review/panel-record',
      version: 3,
      year: 2026,
      meeting: '2026 年度评审会',
      result: { sha256: 'a'.repeat(64), lockedAt: '2027-01-20T08:00:00.000Z', lockedBy: CHAIR },
      exportedAt: '2027-01-20T09:00:00.000Z',
      flagNotes: [],
      differences: [],
      outliers: [],
      paperPledges: [],
      observerNotes: [],
      conclusions: {},
      reopenings: [],
      clarifications: [],
    };
    const signed = signPanelRecord(unsigned, signer);
    expect(panelRecordSchema.parse(signed)).toEqual(signed);
    expect(verifyPanelRecordText(panelRecordText(signed)).ok).toBe(true);
    const swapped = { ...signed, signature: { ...signed.signature, certificate: Buffer.from(other.certificate).toString('base64') } };
    expect(verifyPanelRecordText(JSON.stringify(swapped)).problems[0]).toMatch(/^签名验证失败/);
    expect(verifyPanelRecordText('{"format":1').problems[0]).toMatch(/^不是可读的 JSON 文件/);
    expect(verifyPanelRecordText(JSON.stringify({ ...signed, format: 'x' })).problems[0]).toMatch(/^不是本程序能读的专家组记录（第 1 至第 3 版）/);
    // Each version keeps what it added: a version-3 record without its outliers, or a version-2
    // record without its 补正 requests, is refused; records of versions 1 and 2 (written before
    // those were kept) verify and read with them unknown (null), not empty.
    const { outliers: _o, paperPledges: _p, ...v2 } = unsigned;
    expect(verifyPanelRecordText(JSON.stringify(signPanelRecord(v2 as unknown as UnsignedPanelRecord, signer))).ok).toBe(false);
    const v2Path = join(dir, 'v2.panel.json');
    writeFileSync(v2Path, panelRecordText(signPanelRecord({ ...v2, version: 2 } as unknown as UnsignedPanelRecord, signer)));
    const readV2 = await readPanelRecord(v2Path);
    expect(readV2.ok && [readV2.data.version, readV2.data.outliers, readV2.data.paperPledges, readV2.data.clarifications]).toEqual([2, null, null, []]);
    const { clarifications: _none, ...older } = v2;
    expect(verifyPanelRecordText(JSON.stringify(signPanelRecord({ ...older, version: 2 } as unknown as UnsignedPanelRecord, signer))).ok).toBe(false);
    const v1Path = join(dir, 'v1.panel.json');
    writeFileSync(v1Path, panelRecordText(signPanelRecord({ ...older, version: 1 } as unknown as UnsignedPanelRecord, signer)));
    const v1 = await readPanelRecord(v1Path);
    expect(v1.ok && v1.data.clarifications).toBeNull();
    expect(v1.ok && v1.data.outliers).toBeNull();
    expect(v1.ok && v1.data.year).toBe(2026);
    const text = panelRecordText(signed).replace('"year": 2026,', '"year": 2026, "year": 2025,');
    expect(verifyPanelRecordText(text).problems[0]).toMatch(/键 "year" 重复出现/);
    const missing = await readPanelRecord(join(dir, 'none.panel.json'));
    expect(missing.ok ? '' : missing.problems[0]).toMatch(/^无法读取专家组记录 none\.panel\.json（ENOENT）/);
  });
});

describe('the observer mode (监督查看)', () => {
  // A whole meeting prepared, locked and exported through the handlers: slow on a shared machine.
  it('refuses every change while on, whoever asks; keeps the notes with name and time; ends only when asked', { timeout: 180_000 }, async () => {
    const { ctx, meetingId } = await readyMeeting();
    await expect(call(ctx, 'observer-note-add', { meetingId, text: '无' })).rejects.toThrow(/^observer-not-active:/);
    await expect(call(ctx, 'observer-start', { meetingId, name: '  ' })).rejects.toThrow(/^invalid-request: .*请填写监督人姓名/);
    let view = await call(ctx, 'observer-start', { meetingId, name: OBSERVER });
    expect(view.observer).toMatchObject({ meetingId, name: OBSERVER });
    // Entering again (a double click) is the same session; another name is refused.
    expect((await call(ctx, 'observer-start', { meetingId, name: OBSERVER })).observer).toEqual(view.observer);
    await expect(call(ctx, 'observer-start', { meetingId, name: '别人' })).rejects.toThrow(/^observer-active: 监督人 纪检 刘芳 正在监督查看/);

    await expect(call(ctx, 'panel-finalize', { meetingId, actor: CHAIR })).rejects.toThrow(/^observer-read-only: 监督人 纪检 刘芳 正在监督查看，本机现在只能查看/);
    await expect(call(ctx, 'panel-conclusion-save', { meetingId, actor: CHAIR, allianceId: 'HFA-001', text: '好' })).rejects.toThrow(/^observer-read-only:/);
    await expect(call(ctx, 'meeting-create', { name: '另一会议', year: 2026 } as RequestOf<'meeting-create'>)).rejects.toThrow(/^observer-read-only:/);
    // Reading goes on.
    expect((await call(ctx, 'panel-view', { meetingId })).lock).toBeNull();

    await call(ctx, 'observer-note-add', { meetingId, text: '专家独立评分，未见干预。' });
    view = await call(ctx, 'observer-note-add', { meetingId, text: '专家独立评分，未见干预。' });
    expect(view.observerNotes).toEqual([{ name: OBSERVER, text: '专家独立评分，未见干预。', at: expect.any(String) as string }]);
    const audit = await call(ctx, 'audit-log', { meetingId });
    expect(audit.entries.filter((e) => e.action.startsWith('observer-')).map((e) => [e.action, e.actor])).toEqual([
      ['observer-start', OBSERVER],
      ['observer-note', OBSERVER],
    ]);
    expect(audit.verification.ok).toBe(true);

    view = await call(ctx, 'observer-end', { meetingId });
    expect(view.observer).toBeNull();
    expect((await call(ctx, 'observer-end', { meetingId })).observer).toBeNull();
    expect((await call(ctx, 'panel-finalize', { meetingId, actor: CHAIR })).alreadyLocked).toBe(false);
    expect((await call(ctx, 'audit-log', { meetingId })).entries.filter((e) => e.action === 'observer-end')).toHaveLength(1);
  });
});
