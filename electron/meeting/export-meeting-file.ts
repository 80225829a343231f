/**
 * Exporting the meeting file (会议包) on the clerk's laptop: the prepared meeting and every file
 * of every meeting package, as the store holds them, into one `*.meeting.zip`
 * (shared/meeting/meeting-file-format.ts), written atomically into the folder the clerk chose
 * (a USB stick, usually).
 *
 * The store keeps each package's files (path, SHA-256, size) and the bytes by hash, so a package
 * is written back file by file; its digest depends only on paths and contents, so the expert
 * laptop computes the very digest the clerk's store holds, whether the alliance sent a zip or a
 * folder. Each file's bytes are checked against the SHA-256 the store recorded while they are
 * copied: a damaged store stops the export instead of travelling on.
 *
 * The clerk's OCR results for those files travel with them (`ocr.json`,
 * shared/meeting/meeting-ocr-format.ts), so expert laptops do not read the scans again; so do
 * the meeting's cross-check findings (`cross-check.json`, meeting-cross-check-format.ts), since
 * only the clerk's laptop holds the earlier years' packages they are found against.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { MeetingFileExport } from '../../shared/api/meeting-setup-types.ts';
import type { MeetingDescription, MeetingPackage } from '../../shared/meeting/meeting-file-format.ts';
import {
  MEETING_FILE_EXTENSION,
  MEETING_FORMAT,
  meetingExpertOf,
  MEETING_FORMAT_VERSION,
  CROSS_CHECK_JSON,
  MAX_CROSS_CHECK_JSON_BYTES,
  MEETING_JSON,
  meetingHashText,
  OCR_JSON,
  packageEntryName,
} from '../../shared/meeting/meeting-file-format.ts';
import { MEETING_OCR_FORMAT, MEETING_OCR_VERSION, type MeetingOcr } from '../../shared/meeting/meeting-ocr-format.ts';
import { MEETING_CROSS_CHECK_FORMAT, MEETING_CROSS_CHECK_VERSION, MAX_CARRIED_FINDINGS, type MeetingCrossCheckFile } from '../../shared/meeting/meeting-cross-check-format.ts';
import type { Finding } from '../../shared/integrity/finding.ts';
import { meetingFindings } from '../integrity/meeting-findings.ts';
import { storedOcrFiles, withoutPages } from '../ocr/ocr-store.ts';
import { listedZipScanMembers } from '../evidence/zip/zip-scan-members.ts';
import { formatFingerprint } from '../../shared/sheet/fingerprint-text.ts';
import type { ServiceContext } from '../app/context.ts';
import { storedEvidencePath } from '../evidence/evidence-path.ts';
import { AppError } from '../errors/app-error.ts';
import { settingsNumbers } from './meeting-setup.ts';
import { meetingExperts, meetingPackages, meetingRow, meetingSettings, recordMeetingFile } from './meeting-store.ts';
import { compareUtf8Paths, packageDigest } from '../package-reader/digest.ts';
import type { ZipEntrySource } from './stored-zip-writer.ts';
import { writeStoredZip, ZipSourceChanged } from './stored-zip-writer.ts';

/** A file name from the meeting's name: characters Windows forbids become `_`. */
export function meetingFileName(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are not allowed in file names
  const safe = name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').replace(/[. ]+$/, '').slice(0, 120);
  return `${safe === '' ? '会议包' : safe}${MEETING_FILE_EXTENSION}`;
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * The clerk's OCR results for the files of these packages, as `ocr.json`; null when there are
 * none. Made once per export: OCR goes on in the background, so the description must hash the
 * very bytes that are written.
 *
 * The scans inside a zip of a package are read by their own hash (zip-scan-members.ts), so
 * they are not among the package's files: their results go too, found through the zips the
 * queue listed (a file looked at with 0 pages of its own). A zip not listed yet has no results.
 */
function meetingOcrJson(ctx: ServiceContext, packages: readonly MeetingPackage[]): Buffer | null {
  const listed = packages.flatMap((pkg) => pkg.files.map((f) => f.sha256));
  const zipped = withoutPages(ctx.db, listed).flatMap((sha256) => listedZipScanMembers(ctx.dataDir, sha256).map((m) => m.sha256));
  // One list by hash: a scan both loose and zipped is carried once.
  const files = storedOcrFiles(ctx.db, [...listed, ...zipped]).filter((f) => f.pages !== 0 && (f.done.length > 0 || f.refusal !== null));
  if (files.length === 0) return null;
  const ocr: MeetingOcr = { format: MEETING_OCR_FORMAT, version: MEETING_OCR_VERSION, files: files.map((f) => ({ ...f, done: [...f.done] })) as MeetingOcr['files'] };
  return Buffer.from(`${JSON.stringify(ocr)}\n`, 'utf8');
}

/**
 * The meeting's findings as `cross-check.json`; null when there are none (a meeting without
 * findings hashes as before). More than the format carries is refused rather than cut short:
 * a silently shortened list would look complete on the expert laptops.
 */
function crossCheckJson(findings: readonly Finding[], checkedAt: Date): Buffer | null {
  if (findings.length === 0) return null;
  if (findings.length > MAX_CARRIED_FINDINGS) {
    throw new AppError('cross-check-too-large', `材料核查有 ${findings.length} 条提示，超过了会议包能带的 ${MAX_CARRIED_FINDINGS} 条。请在主任控制台的材料核查页查看这些提示，确认材料包没有放错后再导出。`);
  }
  const file: MeetingCrossCheckFile = {
    format: MEETING_CROSS_CHECK_FORMAT,
    version: MEETING_CROSS_CHECK_VERSION,
    checkedAt: checkedAt.toISOString(),
    findings: findings.map((f) => ({ kind: f.kind, identifier: f.identifier, places: f.places.map((p) => ({ ...p })), detail: f.detail })),
  };
  const bytes = Buffer.from(`${JSON.stringify(file)}\n`, 'utf8');
  if (bytes.length > MAX_CROSS_CHECK_JSON_BYTES) {
    throw new AppError('cross-check-too-large', `材料核查的提示共 ${bytes.length} 字节，超过了会议包能带的大小。请在主任控制台的材料核查页查看这些提示后再导出。`);
  }
  return bytes;
}

/** The description of a prepared meeting, with its content hash (without cross-check findings). */
export function describeMeeting(ctx: ServiceContext, meetingId: number): MeetingDescription {
  return describeMeetingWithOcr(ctx, meetingId, null).description;
}

/** The description and the `ocr.json` it describes (null when there are no OCR results). */
function describeMeetingWithOcr(
  ctx: ServiceContext,
  meetingId: number,
  crossCheck: Buffer | null,
): { description: MeetingDescription; ocrJson: Buffer | null } {
  const { db } = ctx;
  const meeting = meetingRow(db, meetingId);
  const settings = meetingSettings(db, meetingId);
  const experts = meetingExperts(db, meetingId);
  const packages = meetingPackages(db, meetingId);
  const missing: string[] = [];
  if (settings === null) missing.push('会议设置尚未保存');
  if (experts.length === 0) missing.push('专家名册是空的');
  if (packages.length === 0) missing.push('还没有选择材料包');
  if (settings === null || missing.length > 0) {
    throw new AppError('meeting-not-prepared', `会议还没准备好，不能导出会议包：${missing.join('；')}。`);
  }
  const described: MeetingPackage[] = packages.map((pkg) => {
    if (pkg.packageId === null || pkg.allianceName === null) {
      throw new AppError('package-missing', `联盟 ${pkg.allianceId} 的材料包（摘要 ${pkg.digest.slice(0, 12)}…）不在本机，不能导出。`);
    }
    const files = db
      .prepare<[number], { path: string; sha256: string; size: number }>('SELECT path, sha256, size FROM package_file WHERE package_id = ?')
      .all(pkg.packageId)
      .sort((a, b) => compareUtf8Paths(a.path, b.path));
    if (packageDigest(files) !== pkg.digest) {
      throw new AppError('store-damaged', `本机材料库中联盟 ${pkg.allianceId} 的文件清单与其摘要不符，请从备份恢复后再导出。`);
    }
    return { allianceId: pkg.allianceId, allianceName: pkg.allianceName, digest: pkg.digest, files };
  });
  const ocrJson = meetingOcrJson(ctx, described);
  const body: Omit<MeetingDescription, 'contentSha256'> = {
    format: MEETING_FORMAT,
    version: MEETING_FORMAT_VERSION,
    uid: settings.uid,
    name: meeting.name,
    year: meeting.year,
    rubric: settings.rubricId,
    settings: settingsNumbers(settings),
    experts: experts.map(meetingExpertOf),
    packages: described,
    // Left out when there is nothing, so a meeting without OCR results hashes as before.
    ...(ocrJson === null ? {} : { ocr: { sha256: createHash('sha256').update(ocrJson).digest('hex'), size: ocrJson.length } }),
    ...(crossCheck === null ? {} : { crossCheck: { sha256: createHash('sha256').update(crossCheck).digest('hex'), size: crossCheck.length } }),
    exportedAt: ctx.now().toISOString(),
  };
  return { description: { ...body, contentSha256: sha256Hex(meetingHashText(body)) }, ocrJson };
}

export async function exportMeetingFile(ctx: ServiceContext, meetingId: number, folder: string): Promise<MeetingFileExport> {
  let info;
  try {
    info = statSync(folder);
  } catch {
    throw new AppError('folder-missing', `找不到文件夹 ${folder}，请确认 U 盘已插好，或选择别的文件夹。`);
  }
  if (!info.isDirectory()) throw new AppError('folder-missing', `${folder} 不是文件夹。`);
  // Checked before the description is made: the packages it checks are the ones described.
  const checkedAt = ctx.now();
  const findingsJson = crossCheckJson((await meetingFindings(ctx, meetingId)).findings, checkedAt);
  const { description, ocrJson } = describeMeetingWithOcr(ctx, meetingId, findingsJson);
  const path = join(folder, meetingFileName(description.name));
  if (existsSync(path)) {
    throw new AppError('file-exists', `${path} 已经存在。请先删除或改名旧的会议包，或换一个文件夹，以免专家拿到旧文件。`);
  }
  const meetingJson = Buffer.from(`${JSON.stringify(description, null, 2)}\n`, 'utf8');
  const entries: ZipEntrySource[] = [
    {
      name: MEETING_JSON,
      size: meetingJson.length,
      sha256: createHash('sha256').update(meetingJson).digest('hex'),
      open: () => Readable.from([meetingJson]),
    },
  ];
  if (ocrJson !== null && description.ocr !== undefined) {
    entries.push({ name: OCR_JSON, size: ocrJson.length, sha256: description.ocr.sha256, open: () => Readable.from([ocrJson]) });
  }
  if (findingsJson !== null && description.crossCheck !== undefined) {
    entries.push({ name: CROSS_CHECK_JSON, size: findingsJson.length, sha256: description.crossCheck.sha256, open: () => Readable.from([findingsJson]) });
  }
  for (const pkg of description.packages) {
    for (const file of pkg.files) {
      entries.push({
        name: packageEntryName(pkg.allianceId, file.path),
        size: file.size,
        sha256: file.sha256,
        open: () => {
          const stored = storedEvidencePath(ctx.dataDir, file.sha256);
          if (stored === null) throw new ZipSourceChanged(file.path, '材料库中没有这个文件 (missing from the store)');
          return createReadStream(stored);
        },
      });
    }
  }
  let written;
  try {
    written = await writeStoredZip(path, entries, { modified: new Date(description.exportedAt) });
  } catch (error) {
    if (error instanceof ZipSourceChanged) {
      throw new AppError('store-damaged', `本机材料库中的文件已损坏或缺失（${error.message}），会议包没有写出。请从备份恢复后再导出。`);
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC') throw new AppError('disk-full', `${folder} 空间不足，会议包没有写出。请换一个空间更大的 U 盘。`);
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
      throw new AppError('folder-not-writable', `不能写入 ${folder}（没有写权限或 U 盘写保护），会议包没有写出。`);
    }
    throw error;
  }
  if (written.outcome === 'exists') {
    throw new AppError('file-exists', `${path} 已经存在。请先删除或改名旧的会议包，或换一个文件夹，以免专家拿到旧文件。`);
  }
  const { bytes } = written;
  recordMeetingFile(ctx.db, { meetingId, direction: 'export', contentSha256: description.contentSha256, fileName: path, at: description.exportedAt });
  return { path, fingerprint: formatFingerprint(description.contentSha256), contentSha256: description.contentSha256, bytes };
}
