/**
 * Exporting the result documents from the chair's console: from the locked result only, with
 * the meeting's packages and exactly the sheets the lock used (four signed, one typed in from
 * paper), signed, never overwriting without being asked.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../../electron/app/context.ts';
import { verifyPdfSignature } from '../../../electron/export/signing/verify-pdf-signature.ts';
import { resultDocumentsReport } from '../../../shared/api/job-results.ts';
import type { ResultDocumentsReport } from '../../../shared/api/result-document-types.ts';
import type { RequestOf } from '../../../shared/api/contract.ts';
import type { ResultFile } from '../../../shared/result/result-schema.ts';
import { call } from '../../helpers/call.ts';
import { lockableMeeting } from '../../helpers/lockable-meeting.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { openssl, pdfText } from '../export/pdf-tools.ts';

const tempDir = useTempDir('result-export-');
const CHAIR = '主任 孙立';
const flat = (text: string): string => text.replace(/\s+/g, '');

/** A meeting with E01–E04 signed and E05 typed in from paper, every flag noted; not yet locked. */
const readyMeeting = () => lockableMeeting(tempDir(), CHAIR);

async function exportDocuments(ctx: ServiceContext, request: RequestOf<'result-documents-export'>): Promise<{ report: ResultDocumentsReport; folder: string }> {
  const started = await call(ctx, 'result-documents-export', request);
  await ctx.jobs.idle();
  const status = await call(ctx, 'job-status', { jobId: started.jobId });
  expect(status.error).toBeNull();
  expect(status.state).toBe('done');
  const report = resultDocumentsReport(status);
  if (report === null) throw new Error('no report');
  return { report, folder: started.folder };
}

const snapshot = (folder: string) => readdirSync(folder).map((name) => [name, statSync(join(folder, name)).mtimeMs, readFileSync(join(folder, name)).length]);

describe('result documents from the locked result', () => {
  it('refuses before the lock; then writes the signed PDFs and the workbook of exactly the locked result; never overwrites unasked', async () => {
    const { ctx, meetingId } = await readyMeeting();
    await expect(call(ctx, 'result-documents-export', { meetingId, overwrite: false })).rejects.toThrow(/^not-locked: 本年度结果尚未定稿，不能导出结果文件/);
    const lock = await call(ctx, 'panel-finalize', { meetingId, actor: CHAIR });
    const locked = JSON.parse(lock.resultText) as ResultFile;

    const { report, folder } = await exportDocuments(ctx, { meetingId, overwrite: false });
    expect(folder).toBe(join(ctx.dataDir, 'exports', '2026'));
    expect(report.outcome).toBe('written');
    expect(report.resultDigest).toBe(lock.resultSha256);
    expect(report.missingCharacters).toEqual([]);
    expect(report.certificate).toMatchObject({ origin: 'local', selfSigned: true });
    expect(report.certificate?.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    const pdfs = report.files.filter((file) => file.kind !== 'workbook' && file.kind !== 'panel-record');
    expect(pdfs).toHaveLength(22);
    expect(pdfs.map((file) => file.kind).sort()).toEqual(
      [...Array(6).fill('detail'), ...Array(5).fill('expert'), 'publication', 'summary', 'sign-in', 'pledge', 'report', ...Array(6).fill('opinion')].sort(),
    );
    expect(report.files.map((file) => file.path).sort()).toEqual(readdirSync(folder).map((name) => join(folder, name)).sort());

    // Every PDF verifies, names the locked result, and is signed by the reported certificate.
    for (const file of pdfs) {
      const verification = verifyPdfSignature(readFileSync(file.path));
      expect(verification.problems, file.path).toEqual([]);
      expect(verification.ok).toBe(true);
      expect(verification.resultDigest).toBe(lock.resultSha256);
      expect(verification.signer?.fingerprint).toBe(report.certificate?.fingerprint);
    }

    // The summary: every alliance with its locked total, the notes, and E05 as typed from paper.
    const summary = flat(pdfText(join(folder, '2026-考核结果汇总表.pdf')));
    for (const alliance of locked.alliances) {
      expect(summary).toContain(flat(alliance.name));
      expect(summary).toContain(alliance.total === null ? '—' : alliance.total.toFixed(2));
    }
    expect(summary).toContain('组长意见：经合议维持原评分');
    expect(summary).toContain(flat('会务 周敏 录入，秘书 吴刚 复核'));
    expect(summary).toContain(lock.resultSha256);

    // The workbook's 汇总 equals the locked result.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(join(folder, '2026-考核结果.xlsx')) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('汇总');
    const header = Array.from(sheet?.getRow(1).values as unknown[], (entry) => String(entry));
    const value = (cell: ExcelJS.Cell): unknown => {
      const raw = cell.value as unknown;
      return raw !== null && typeof raw === 'object' && 'formula' in raw ? (raw as { result?: unknown }).result : raw;
    };
    const rows = (sheet?.getRows(2, locked.alliances.length) ?? []).map((row) => ({
      id: row.getCell(header.indexOf('联盟编号')).value,
      total: value(row.getCell(header.indexOf('专家组得分'))),
      self: value(row.getCell(header.indexOf('自评分'))),
      e05: value(row.getCell(header.indexOf('E05 陈静'))),
    }));
    expect(rows.sort((a, b) => String(a.id).localeCompare(String(b.id)))).toEqual(
      locked.alliances.map((alliance) => ({
        id: alliance.allianceId,
        total: alliance.total,
        self: alliance.selfTotal,
        e05: alliance.experts.find((expert) => expert.id === 'E05')?.total ?? '回避',
      })),
    );

    // A second export without overwrite changes nothing and names what is there.
    const before = snapshot(folder);
    const again = await exportDocuments(ctx, { meetingId, overwrite: false });
    expect(again.report.outcome).toBe('exists');
    expect(again.report.files).toEqual([]);
    expect([...again.report.existing].sort()).toEqual(report.files.map((file) => file.path).sort());
    expect(snapshot(folder)).toEqual(before);

    // Asked to overwrite, it writes them all again.
    const replaced = await exportDocuments(ctx, { meetingId, folder, overwrite: true });
    expect(replaced.report.outcome).toBe('written');
    expect(replaced.report.files).toHaveLength(24);

    // Cancelled at once: the job says so, and whatever it lists as written is there, complete.
    const started = await call(ctx, 'result-documents-export', { meetingId, overwrite: true });
    await call(ctx, 'job-cancel', { jobId: started.jobId });
    await ctx.jobs.idle();
    const cancelled = await call(ctx, 'job-status', { jobId: started.jobId });
    expect(cancelled.state).toBe('cancelled');
    for (const file of resultDocumentsReport(cancelled)?.files ?? []) expect(statSync(file.path).size).toBe(file.bytes);
  }, 180_000);

  it('refuses when the store no longer gives the locked result, and a relative folder', async () => {
    const { ctx, meetingId } = await readyMeeting();
    await call(ctx, 'panel-finalize', { meetingId, actor: CHAIR });
    await expect(call(ctx, 'result-documents-export', { meetingId, folder: 'exports', overwrite: false })).rejects.toThrow(/^folder-not-absolute/);
    // A note is no input of the result; a paper sheet is: change who confirmed it behind the app's back.
    ctx.db.exec("DROP TRIGGER paper_sheet_no_update; UPDATE paper_sheet SET confirmed_by = '别人' WHERE expert_id = 'E05'");
    await expect(call(ctx, 'result-documents-export', { meetingId, overwrite: false })).rejects.toThrow(/^lock-inputs-changed: .*定稿后数据被改动过/);
    expect(existsSync(join(ctx.dataDir, 'exports'))).toBe(false);
  }, 120_000);

  it('signs with the bureau certificate once imported (kept in memory only), and refuses a wrong password', async () => {
    const dir = tempDir();
    const run = (args: readonly string[]) => {
      const result = openssl(args);
      if (result.status !== 0) throw new Error(result.stderr);
    };
    run(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-utf8', '-subj', '/C=CN/O=合肥市科学技术局/CN=合肥市科学技术局', '-days', '3650', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')]);
    run(['pkcs12', '-export', '-inkey', join(dir, 'key.pem'), '-in', join(dir, 'cert.pem'), '-out', join(dir, 'bureau.p12'), '-passout', 'pass:s3cret']);
    const { ctx, meetingId } = await readyMeeting();
    await call(ctx, 'panel-finalize', { meetingId, actor: CHAIR });
    await expect(call(ctx, 'result-certificate-import', { source: { path: join(dir, 'bureau.p12') }, password: 'wrong' })).rejects.toThrow(/^certificate-refused: .*证书密码不对/);
    const certificate = await call(ctx, 'result-certificate-import', { source: { path: join(dir, 'bureau.p12') }, password: 's3cret' });
    expect(certificate).toMatchObject({ origin: 'bureau', subject: 'C=CN, O=合肥市科学技术局, CN=合肥市科学技术局' });
    const { report, folder } = await exportDocuments(ctx, { meetingId, folder: join(dir, 'out'), overwrite: false });
    expect(folder).toBe(join(dir, 'out'));
    expect(report.certificate).toEqual(certificate);
    const verification = verifyPdfSignature(readFileSync(join(folder, '2026-考核结果汇总表.pdf')));
    expect(verification.ok).toBe(true);
    expect(verification.signer?.fingerprint).toBe(certificate.fingerprint);
    expect(flat(pdfText(join(folder, '2026-考核结果汇总表.pdf')))).toContain('本文件以市科技局数字证书签名');
    expect(readdirSync(ctx.dataDir).some((name) => name.endsWith('.p12'))).toBe(false);
  }, 180_000);
});
