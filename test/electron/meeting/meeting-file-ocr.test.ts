/**
 * OCR results travel in the meeting file: the clerk's laptop reads the packages' files (the
 * real queue and engine), exports the meeting, and the expert laptop that imports it holds the
 * same results and reads no page again: neither a loose scan's nor that of a scan inside a zip
 * of the package (read by its own hash).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../../electron/app/context.ts';
import { OcrQueue } from '../../../electron/ocr/ocr-queue.ts';
import { OcrReader } from '../../../electron/ocr/read-ocr.ts';
import type { OcrSource } from '../../../electron/ocr/ocr-task.ts';
import { MEETING_JSON, OCR_JSON, type MeetingDescription } from '../../../shared/meeting/meeting-file-format.ts';
import type { MeetingOcr } from '../../../shared/meeting/meeting-ocr-format.ts';
import { listedZipScanMembers } from '../../../electron/evidence/zip/zip-scan-members.ts';
import { call } from '../../helpers/call.ts';
import { prepareChairMeeting, type ChairMeeting } from '../../helpers/chair-meeting.ts';
import { alliancePackage } from '../../helpers/package-builder.ts';
import { testContext } from '../../helpers/context.ts';
import { importMeetingFile } from '../../helpers/meeting-room.ts';
import { readZip } from '../../helpers/read-zip.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { writeStoredZip } from '../../../electron/meeting/stored-zip-writer.ts';

const tempDir = useTempDir('meeting-ocr-');

class CountingReader extends OcrReader {
  pagesRead = 0;
  override page(source: OcrSource, page: number) {
    this.pagesRead += 1;
    return super.page(source, page);
  }
}

const pageRows = (ctx: ServiceContext) =>
  ctx.db.prepare('SELECT sha256, page, source, text, lines_json, engine, refusal FROM ocr_page ORDER BY sha256, page').all();

async function readAll(ctx: ServiceContext, reader = new CountingReader()): Promise<CountingReader> {
  const queue = new OcrQueue({ db: () => ctx.db, dataDir: ctx.dataDir, now: ctx.now, run: true, reader });
  queue.wake();
  await queue.idle();
  await queue.stop();
  return reader;
}

const fixtures = resolve(import.meta.dirname, '../../fixtures/evidence/ocr');
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
// A black-and-white scan, loose in the package.
const scan = readFileSync(join(fixtures, 'scanned-certificate-1bit.pdf'));
// A zip (Info-ZIP, see make-fixtures.sh) holding another scan, in the package's evidence.
const scansZip = readFileSync(join(fixtures, 'scans.zip'));
const zippedScan = readFileSync(join(fixtures, 'scanned-certificate.pdf'));

/** The clerk's laptop: one package with a scan and a zip of scans, read by the real queue, in an exported meeting. */
async function clerkWithOcr() {
  const pkg = await alliancePackage().with('成果转化/技术合同1.pdf', scan).with('证明材料/扫描件.zip', scansZip).write(join(tempDir(), 'HFA-012.zip'));
  const clerk = testContext(tempDir());
  // Only the packages and settings of a chair meeting are needed to prepare one.
  const meeting = { packages: [pkg], settings: { method: 'mean', deviationThreshold: 10, budgetYuan: 1000000 } } as unknown as ChairMeeting;
  const meetingId = await prepareChairMeeting(clerk, meeting, '会务 周敏');
  const read = await readAll(clerk);
  expect(read.pagesRead).toBeGreaterThan(0);
  const exported = await call(clerk, 'meeting-file-export', { meetingId, folder: tempDir() });
  return { clerk, path: exported.path };
}

// The clerk's laptop runs the real OCR before exporting.
describe('meeting file with OCR results', { timeout: 180_000 }, () => {
  it('carries the clerk’s OCR results, covered by the fingerprint: the expert laptop stores them and reads nothing again; a changed copy is refused', async () => {
    const { clerk, path } = await clerkWithOcr();
    const entries = await readZip(path);
    const description = JSON.parse(entries.get(MEETING_JSON)!.toString('utf8')) as MeetingDescription;
    const ocrJson = entries.get(OCR_JSON)!;
    expect(description.ocr).toEqual({ sha256: createHash('sha256').update(ocrJson).digest('hex'), size: ocrJson.length });
    // The zipped scan is not a file of the package: its results go by its own hash.
    const carried = (JSON.parse(ocrJson.toString('utf8')) as MeetingOcr).files.map((f) => f.sha256);
    expect(carried).toEqual(expect.arrayContaining([sha256(scan), sha256(zippedScan)]));
    expect(description.packages.flatMap((p) => p.files.map((f) => f.sha256))).not.toContain(sha256(zippedScan));

    const expert = testContext(tempDir());
    const { outcome } = await importMeetingFile(expert, path, '专家 王明');
    expect(outcome.ok).toBe(true);
    expect(pageRows(expert)).toEqual(pageRows(clerk));
    // The expert laptop's queue lists the zip's scans and finds them read: no page is read again.
    expect((await readAll(expert)).pagesRead).toBe(0);
    expect(listedZipScanMembers(expert.dataDir, sha256(scansZip)).map((m) => m.sha256)).toEqual([sha256(zippedScan)]);
    expect(expert.db.prepare("SELECT sha256 FROM ocr_page WHERE source = 'ocr' AND text LIKE '%340104202600123%' ORDER BY sha256").pluck().all()).toEqual([sha256(scan), sha256(zippedScan)].sort());
    expert.close();

    // A copy whose OCR results were changed after the clerk wrote it is refused as altered.
    // Same length, one digit of the registration number changed: only the hash can tell.
    const forged = Buffer.from(entries.get(OCR_JSON)!.toString('utf8').replaceAll('340104202600123', '340104202600124'));
    const altered = `${tempDir()}/altered.meeting.zip`;
    await writeStoredZip(
      altered,
      [...entries].map(([name, bytes]) => {
        const content = name === OCR_JSON ? forged : bytes;
        return { name, size: content.length, sha256: createHash('sha256').update(content).digest('hex'), open: () => Readable.from([content]) };
      }),
      { modified: new Date('2026-11-01T00:00:00Z') },
    );
    const other = testContext(tempDir());
    const forgedImport = await importMeetingFile(other, altered, '专家 李华');
    expect(forgedImport.status).toMatchObject({ state: 'failed', error: { code: 'meeting-file-altered' } });
    expect(forgedImport.status.error?.message).toContain(OCR_JSON);
    expect(other.db.prepare('SELECT count(*) FROM ocr_page').pluck().get()).toBe(0);
    other.close();
    clerk.close();
  });
});
