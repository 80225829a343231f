/**
 * Importing a meeting file (会议包) on an expert's or the chair's laptop, in one step: check it
 * whole, unpack its packages, import each through the package importer, and create (or update)
 * the meeting with its settings, roster and packages.
 *
 * Nothing in the store changes until the whole file has been checked:
 * 1. it is a zip with a `meeting.json` of format `alliance-review/meeting`, version 1, strict;
 * 2. the description's `contentSha256` matches its content (JCS, as written);
 * 3. each package's file list gives the listed digest;
 * 4. the zip holds exactly the listed files, of the listed sizes;
 * 5. each file, unpacked, has its listed SHA-256.
 * Between 3 and 4, before anything is written, the declared sizes must keep within the
 * package limits and the zip must not be a bomb (meeting-file-limits.ts).
 * Then each package folder goes through the package checks (the same as any package, its
 * evidence staged) and its digest must be the listed one. Only when every package passed are
 * they all stored, with the meeting's settings and roster, in one transaction: a file refused
 * for any package, or failing while stored, leaves the store as it was. A damaged or altered
 * file is refused with what and where.
 *
 * - same meeting: a file whose `uid` a meeting here already has. It updates that meeting
 *   (settings, roster, packages) unless its result is locked; a file already imported changes
 *   nothing.
 * - backup: an import that created or updated the meeting, or stored a package, is followed by
 *   a backup (reason `import`).
 */
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open as openFile, rm } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { open as openZip, type Entry, type ZipFile } from 'yauzl';
import type { PackageImportReport } from '../../shared/api/package-types.ts';
import type { MeetingFileImportOutcome } from '../../shared/api/meeting-setup-types.ts';
import type { MeetingDescription } from '../../shared/meeting/meeting-file-format.ts';
import {
  checkMeetingDescription,
  CROSS_CHECK_JSON,
  MEETING_FORMAT,
  MEETING_FORMAT_VERSION,
  MEETING_JSON,
  meetingDescriptionSchema,
  meetingHashText,
  OCR_JSON,
  packageEntryName,
  rosterEntryOf,
} from '../../shared/meeting/meeting-file-format.ts';
import { meetingOcrSchema } from '../../shared/meeting/meeting-ocr-format.ts';
import { allianceWords, meetingEntryPlace, meetingFieldPlace } from '../../shared/meeting/meeting-file-places.ts';
import type { ApiProblem } from '../../shared/api/result.ts';
import type { z } from 'zod';
import { meetingCrossCheckSchema, type MeetingCrossCheckFile } from '../../shared/meeting/meeting-cross-check-format.ts';
import { storeCarriedFindings } from '../integrity/meeting-findings.ts';
import { storeOcrFiles, type StoredOcrFile } from '../ocr/ocr-store.ts';
import { scanMembersOf } from '../ocr/ocr-sources.ts';
import { rosterText } from '../../shared/meeting/roster.ts';
import { parseJson } from '../../shared/package/parse-json.ts';
import { formatFingerprint } from '../../shared/sheet/fingerprint-text.ts';
import type { ServiceContext } from '../app/context.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { backUpAfter } from '../backup/backup-after.ts';
import { assertUnlocked } from './lock-state.ts';
import { AppError } from '../errors/app-error.ts';
import type { JobControl } from '../jobs/jobs.ts';
import { incomingDir } from '../package-store/incoming.ts';
import { checkPackageForStore, storeCheckedPackage, type CheckedPackage, type PackageCheck } from '../package-store/import-packages.ts';
import { packageDigest } from '../package-reader/digest.ts';
import { checkMeetingFileLimits } from './meeting-file-limits.ts';
import type { StoredSettings } from './meeting-store.ts';
import {
  insertMeeting,
  insertSettings,
  meetingByUid,
  meetingExperts,
  meetingPackages,
  meetingSettings,
  recordMeetingFile,
  renameMeeting,
  replacePackages,
  replaceRoster,
  updateSettings,
} from './meeting-store.ts';

const MAX_DESCRIPTION_BYTES = 64 * 1024 * 1024;

export interface MeetingFileSource {
  /** Where the file is on disk. */
  readonly path: string;
  /** Its name, for messages. */
  readonly name: string;
}

function refuse(code: string, source: MeetingFileSource, message: string): AppError {
  return new AppError(code, `会议包 ${source.name} 不能导入：${message}`);
}

const DAMAGED = '可能是拷贝不完整或被改动过，请向会务人员重新拷贝会议包。';
const UNCHANGED = '本机数据没有改动。';
/** More than this many problems of one step are counted, not listed. */
const MAX_LISTED = 1000;

/**
 * The problems one step of the check found, gathered so that the refusal lists them all
 * rather than the first; each names its place in the importing person's words.
 */
class Problems {
  private readonly listed: ApiProblem[] = [];
  private unlisted = 0;

  add(code: string, message: string): void {
    if (this.listed.length < MAX_LISTED) this.listed.push({ code, message });
    else this.unlisted += 1;
  }

  get count(): number {
    return this.listed.length + this.unlisted;
  }

  /**
   * Throws the refusal when anything was found: one problem in the message itself, several as
   * the error's list, with how many and `next` (what to do) in the message.
   */
  refuseIfAny(source: MeetingFileSource, next: string): void {
    const first = this.listed[0];
    if (first === undefined) return;
    const code = this.listed.every((p) => p.code === first.code) ? first.code : 'meeting-file-damaged';
    if (this.count === 1) throw new AppError(code, `会议包 ${source.name} 不能导入：${first.message}。${next}${UNCHANGED}`);
    const problems = this.unlisted > 0 ? [...this.listed, { code: 'more-problems', message: `以及另外 ${this.unlisted} 处同类问题，未逐一列出` }] : this.listed;
    throw new AppError(code, `会议包 ${source.name} 不能导入：发现 ${this.count} 处问题（见下）。${next}${UNCHANGED}`, problems);
  }
}

/** Zod's issue in the words of someone importing a file, not of its format's author. */
function issueWords(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_format':
      return '写法不对';
    case 'unrecognized_keys':
      return `有本程序不认识的内容（${issue.keys.join('、')}），可能来自更新版本的程序`;
    case 'invalid_value':
      return '不是本程序认识的值';
    default:
      return issue.message;
  }
}

function openZipFile(path: string): Promise<ZipFile> {
  return new Promise((resolvePromise, reject) => {
    openZip(path, { lazyEntries: true, autoClose: false, strictFileNames: true }, (error, zip) => (error ? reject(error) : resolvePromise(zip)));
  });
}

async function listEntries(zip: ZipFile): Promise<Entry[]> {
  const entries: Entry[] = [];
  await new Promise<void>((resolvePromise, reject) => {
    zip.on('entry', (entry: Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.on('end', () => resolvePromise());
    zip.on('error', reject);
    zip.readEntry();
  });
  return entries;
}

function openEntry(zip: ZipFile, entry: Entry): Promise<Readable> {
  return new Promise((resolvePromise, reject) => {
    zip.openReadStream(entry, (error, stream) => (error ? reject(error) : resolvePromise(stream)));
  });
}

async function readWhole(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Reads and checks the description (steps 1–3). */
async function readDescription(zip: ZipFile, entry: Entry | undefined, source: MeetingFileSource): Promise<MeetingDescription> {
  if (entry === undefined) throw refuse('not-a-meeting-file', source, `压缩包里没有 ${MEETING_JSON}，这不是会议包。`);
  if (entry.uncompressedSize > MAX_DESCRIPTION_BYTES) throw refuse('not-a-meeting-file', source, `${MEETING_JSON} 过大，这不是会议包。`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await readWhole(await openEntry(zip, entry)));
  } catch {
    throw refuse('meeting-file-damaged', source, `${MEETING_JSON} 读不出来或不是 UTF-8 文本。${DAMAGED}`);
  }
  const json = parseJson(text);
  if (!json.ok && json.illFormed !== undefined) {
    throw refuse('meeting-file-damaged', source, `${MEETING_JSON} 第 ${json.position.line} 行：${json.message}。${DAMAGED}`);
  }
  if (!json.ok) throw refuse('meeting-file-damaged', source, `${MEETING_JSON} 不是有效的 JSON（第 ${json.position.line} 行）。${DAMAGED}`);
  if (json.duplicateKeys.length > 0) {
    throw refuse('meeting-file-damaged', source, `${MEETING_JSON} 中键 ${json.duplicateKeys[0]?.key ?? ''} 重复出现。${DAMAGED}`);
  }
  const raw = json.value as Record<string, unknown> | null;
  if (typeof raw !== 'object' || raw === null || raw['format'] !== MEETING_FORMAT) {
    throw refuse('not-a-meeting-file', source, `${MEETING_JSON} 的 format 不是 ${MEETING_FORMAT}，这不是会议包。`);
  }
  if (raw['version'] !== MEETING_FORMAT_VERSION) {
    throw refuse('meeting-file-version', source, `会议包格式版本 ${JSON.stringify(raw['version'])} 本程序不能读取（只能读取版本 1），请安装与会务人员相同版本的程序。`);
  }
  const parsed = meetingDescriptionSchema.safeParse(raw);
  if (!parsed.success) {
    const found = new Problems();
    for (const issue of parsed.error.issues) {
      const place = meetingFieldPlace(issue.path, raw);
      // A place ending in Latin letters (SHA-256) is set off from the Chinese that follows.
      found.add('meeting-file-damaged', `会议说明（${MEETING_JSON}）中${place}${/[A-Za-z0-9)]$/u.test(place) ? ' ' : ''}不符合格式：${issueWords(issue)}`);
    }
    found.refuseIfAny(source, DAMAGED);
    throw refuse('meeting-file-damaged', source, `${MEETING_JSON} 不符合格式。${DAMAGED}`);
  }
  // The hash covers the JSON as written, not the schema's copy of it (which trims names).
  if (sha256Hex(meetingHashText(raw as unknown as MeetingDescription)) !== parsed.data.contentSha256) {
    throw refuse('meeting-file-altered', source, `会议包的内容清单与其校验值（contentSha256）不符：文件已损坏或被改动过。${DAMAGED}`);
  }
  const description = raw as unknown as MeetingDescription;
  const found = new Problems();
  for (const rule of checkMeetingDescription(description)) found.add('meeting-file-damaged', rule.replace(/。$/u, ''));
  for (const pkg of description.packages) {
    if (packageDigest(pkg.files) !== pkg.digest) found.add('meeting-file-altered', `${allianceWords(pkg.allianceId, pkg.allianceName)}的文件清单与其材料包摘要不符`);
  }
  found.refuseIfAny(source, DAMAGED);
  return description;
}

/**
 * The clerk's OCR results (`ocr.json`) when the description lists them: checked against the
 * size and SHA-256 the description gives (so the fingerprint covers them) and against their
 * schema. Which of them are kept is `ocrResultsToKeep`'s to say, once the packages are stored.
 */
async function readOcrResults(zip: ZipFile, entries: readonly Entry[], description: MeetingDescription, source: MeetingFileSource): Promise<StoredOcrFile[]> {
  const declared = description.ocr;
  if (declared === undefined) return [];
  const entry = entries.find((e) => e.fileName === OCR_JSON);
  if (entry === undefined) throw refuse('meeting-file-damaged', source, `缺少文件 ${OCR_JSON}。${DAMAGED}`);
  if (entry.uncompressedSize !== declared.size) throw refuse('meeting-file-damaged', source, `文件 ${OCR_JSON} 的大小与清单不符。${DAMAGED}`);
  let bytes: Buffer;
  try {
    bytes = await readWhole(await openEntry(zip, entry));
  } catch (error) {
    throw refuse('meeting-file-damaged', source, `文件 ${OCR_JSON} 读不出来（${(error as Error).message}）。${DAMAGED}`);
  }
  if (sha256Hex(bytes) !== declared.sha256) throw refuse('meeting-file-altered', source, `文件 ${OCR_JSON} 的内容与清单不符：已损坏或被改动过。${DAMAGED}`);
  let parsed;
  try {
    parsed = meetingOcrSchema.safeParse(JSON.parse(bytes.toString('utf8')));
  } catch {
    parsed = null;
  }
  if (parsed === null || !parsed.success) throw refuse('meeting-file-damaged', source, `文件 ${OCR_JSON} 不符合格式。${DAMAGED}`);
  return parsed.data.files;
}

/**
 * The carried OCR results that belong to the meeting: those of the packages' files, and those
 * of the scans inside the packages' zips, which OCR reads by their own hash
 * (zip-scan-members.ts). The zips are listed only when the results name a file that is not a
 * package's, from the stored zips, as the queue would list them next (the list is kept, so the
 * queue does not list them again). A zip that cannot be listed keeps none of its results: this
 * laptop reads those scans itself.
 */
async function ocrResultsToKeep(ctx: ServiceContext, description: MeetingDescription, carried: readonly StoredOcrFile[]): Promise<StoredOcrFile[]> {
  const listed = description.packages.flatMap((pkg) => pkg.files.map((f) => f.sha256));
  const keep = new Set(listed);
  if (carried.some((f) => !keep.has(f.sha256))) {
    for (const sha256 of new Set(listed)) {
      try {
        for (const member of await scanMembersOf(ctx.dataDir, sha256)) keep.add(member);
      } catch (error) {
        console.warn(`[meeting-file] scans of ${sha256} not listed: ${(error as Error).message}`);
      }
    }
  }
  return carried.filter((f) => keep.has(f.sha256));
}

/** Reads one described JSON entry whole, checked against its listed size and SHA-256. */
async function readListedJson(
  zip: ZipFile,
  entries: readonly Entry[],
  name: string,
  declared: { readonly sha256: string; readonly size: number },
  source: MeetingFileSource,
): Promise<unknown> {
  const entry = entries.find((e) => e.fileName === name);
  if (entry === undefined) throw refuse('meeting-file-damaged', source, `缺少文件 ${name}。${DAMAGED}`);
  if (entry.uncompressedSize !== declared.size) throw refuse('meeting-file-damaged', source, `文件 ${name} 的大小与清单不符。${DAMAGED}`);
  let bytes: Buffer;
  try {
    bytes = await readWhole(await openEntry(zip, entry));
  } catch (error) {
    throw refuse('meeting-file-damaged', source, `文件 ${name} 读不出来（${(error as Error).message}）。${DAMAGED}`);
  }
  if (sha256Hex(bytes) !== declared.sha256) throw refuse('meeting-file-altered', source, `文件 ${name} 的内容与清单不符：已损坏或被改动过。${DAMAGED}`);
  try {
    return JSON.parse(bytes.toString('utf8')) as unknown;
  } catch {
    throw refuse('meeting-file-damaged', source, `文件 ${name} 不符合格式。${DAMAGED}`);
  }
}

/**
 * The clerk's cross-check findings (`cross-check.json`) when the description lists them; only
 * findings whose places are all in this meeting's packages or earlier years are kept (a place
 * of another alliance of this year would name a package this laptop was never given).
 */
async function readCarriedFindings(
  zip: ZipFile,
  entries: readonly Entry[],
  description: MeetingDescription,
  source: MeetingFileSource,
): Promise<MeetingCrossCheckFile | null> {
  const declared = description.crossCheck;
  if (declared === undefined) return null;
  const parsed = meetingCrossCheckSchema.safeParse(await readListedJson(zip, entries, CROSS_CHECK_JSON, declared, source));
  if (!parsed.success) throw refuse('meeting-file-damaged', source, `文件 ${CROSS_CHECK_JSON} 不符合格式。${DAMAGED}`);
  const alliances = new Set(description.packages.map((pkg) => pkg.allianceId));
  const findings = parsed.data.findings.filter((f) => f.places.every((p) => p.year < description.year || (p.year === description.year && alliances.has(p.allianceId))));
  return { ...parsed.data, findings };
}

/** Unpacks every listed file into `root`, checking sizes and SHA-256 (steps 4–5). */
async function unpack(
  zip: ZipFile,
  entries: readonly Entry[],
  description: MeetingDescription,
  root: string,
  source: MeetingFileSource,
  control: JobControl,
): Promise<void> {
  const names = new Map(description.packages.map((pkg) => [pkg.allianceId, pkg.allianceName]));
  const place = (name: string) => meetingEntryPlace(name, names);
  const found = new Problems();
  const byName = new Map<string, Entry>();
  for (const entry of entries) {
    if (byName.has(entry.fileName)) found.add('meeting-file-altered', `${place(entry.fileName)}在压缩包中出现了两次`);
    byName.set(entry.fileName, entry);
  }
  const listed = new Map<string, { allianceId: string; path: string; sha256: string; size: number }>();
  for (const pkg of description.packages) {
    for (const file of pkg.files) listed.set(packageEntryName(pkg.allianceId, file.path), { allianceId: pkg.allianceId, ...file });
  }
  for (const entry of entries) {
    if (entry.fileName === MEETING_JSON || entry.fileName.endsWith('/')) continue;
    if (entry.fileName === OCR_JSON && description.ocr !== undefined) continue;
    if (entry.fileName === CROSS_CHECK_JSON && description.crossCheck !== undefined) continue;
    if (!listed.has(entry.fileName)) found.add('meeting-file-altered', `${place(entry.fileName)}不在会议包的清单上（压缩包中的名称 ${entry.fileName}）`);
  }
  const bytesTotal = [...listed.values()].reduce((sum, file) => sum + file.size, 0);
  let bytesDone = 0;
  let filesDone = 0;
  for (const [name, file] of listed) {
    control.signal.throwIfAborted();
    filesDone += 1;
    const entry = byName.get(name);
    if (entry === undefined) {
      found.add('meeting-file-damaged', `缺少${place(name)}`);
      continue;
    }
    if (entry.uncompressedSize !== file.size) {
      found.add('meeting-file-damaged', `${place(name)}的大小（${entry.uncompressedSize} 字节）与清单（${file.size} 字节）不符`);
      continue;
    }
    // The listed paths passed the schema's path rule; this checks again where they land.
    const target = resolve(root, file.allianceId, ...file.path.split('/'));
    if (!target.startsWith(resolve(root) + sep)) {
      found.add('meeting-file-altered', `${place(name)}的文件名不安全`);
      continue;
    }
    await mkdir(dirname(target), { recursive: true });
    const hash = createHash('sha256');
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        hash.update(chunk);
        bytesDone += chunk.length;
        callback(null, chunk);
      },
    });
    try {
      await pipeline(await openEntry(zip, entry), counter, createWriteStream(target, { flags: 'wx' }), { signal: control.signal });
    } catch (error) {
      control.signal.throwIfAborted();
      // A stream that broke tells about the zip, not about the person's file: the cause stays in the log.
      console.warn(`[meeting-file] ${name} not read: ${(error as Error).message}`);
      found.add('meeting-file-damaged', `${place(name)}读不出来`);
      continue;
    }
    if (hash.digest('hex') !== file.sha256) found.add('meeting-file-altered', `${place(name)}的内容与清单不符：已损坏或被改动过`);
    control.progress({ filesDone, filesTotal: listed.size, bytesDone, bytesTotal, current: name });
  }
  found.refuseIfAny(source, DAMAGED);
}

const outcomes = new WeakMap<ServiceContext, Map<string, MeetingFileImportOutcome>>();

export function meetingImportOutcome(ctx: ServiceContext, jobId: string): MeetingFileImportOutcome {
  const outcome = outcomes.get(ctx)?.get(jobId);
  if (outcome === undefined) throw new AppError('job-not-found', '这项导入还没有完成，或没有成功。');
  return outcome;
}

/** Starts the import as a job; the renderer follows it with `job-status`, then asks for the outcome. */
export function startMeetingFileImport(ctx: ServiceContext, source: MeetingFileSource, actor: string, cleanup: () => void): string {
  let jobId = '';
  jobId = ctx.jobs.start('meeting-import', async (control) => {
    try {
      const outcome = await importMeetingFile(ctx, source, actor, control);
      let byJob = outcomes.get(ctx);
      if (byJob === undefined) outcomes.set(ctx, (byJob = new Map()));
      byJob.set(jobId, outcome);
      return outcome.packages;
    } finally {
      cleanup();
    }
  });
  return jobId;
}

export async function importMeetingFile(
  ctx: ServiceContext,
  source: MeetingFileSource,
  actor: string,
  control: JobControl,
): Promise<MeetingFileImportOutcome> {
  let zip: ZipFile;
  try {
    zip = await openZipFile(source.path);
  } catch (error) {
    throw refuse('not-a-meeting-file', source, `这不是 zip 格式的会议包，或文件已损坏（${(error as Error).message}）。${DAMAGED}`);
  }
  const root = join(incomingDir(ctx.dataDir), `meeting-${randomBytes(8).toString('hex')}`);
  try {
    let entries: Entry[];
    try {
      entries = await listEntries(zip);
    } catch (error) {
      throw refuse('meeting-file-damaged', source, `压缩包目录读不出来（${(error as Error).message}）。${DAMAGED}`);
    }
    const description = await readDescription(
      zip,
      entries.find((entry) => entry.fileName === MEETING_JSON),
      source,
    );
    const existing = meetingByUid(ctx.db, description.uid);
    if (existing) {
      assertUnlocked(ctx.db, existing.meetingId);
      if (existing.year !== description.year) {
        throw refuse('meeting-file-year', source, `本机同一会议是 ${existing.year} 年度，会议包是 ${description.year} 年度。`);
      }
    }
    // Declared sizes and the zip's layout are checked before a byte is written.
    const handle = await openFile(source.path, 'r');
    try {
      const limit = await checkMeetingFileLimits(handle, (await handle.stat()).size, entries, description);
      if (limit !== null) {
        throw refuse(
          limit.code,
          source,
          limit.code === 'meeting-file-too-large'
            ? `${limit.message}为保护本机磁盘，未解开任何文件。请向会务人员确认会议包来源后重新拷贝。`
            : `${limit.message}${DAMAGED}`,
        );
      }
    } finally {
      await handle.close();
    }
    await mkdir(root, { recursive: true });
    await unpack(zip, entries, description, root, source, control);
    const ocrResults = await readOcrResults(zip, entries, description, source);
    const carried = await readCarriedFindings(zip, entries, description, source);

    // Every package is checked (its evidence staged) before any is stored: a file refused
    // for its last package must leave the store as it was, not holding the first ones.
    const checks: PackageCheck[] = [];
    const found = new Problems();
    try {
      for (const [index, pkg] of description.packages.entries()) {
        control.signal.throwIfAborted();
        control.progress({ current: `${pkg.allianceName}（第 ${index + 1}/${description.packages.length} 个材料包）` });
        const check = await checkPackageForStore(
          ctx,
          { path: join(root, pkg.allianceId), name: `${pkg.allianceId} ${pkg.allianceName}`, uploadId: null },
          { signal: control.signal },
        );
        checks.push(check);
        const alliance = allianceWords(pkg.allianceId, pkg.allianceName);
        if (!check.ready && check.report.outcome === 'refused') {
          // Every package is checked and every error listed: one trip to the clerk fixes them all.
          const errors = check.report.problems.filter((p) => p.severity === 'error');
          if (errors.length === 0) found.add('package-invalid', `${alliance}的材料包未通过检查`);
          for (const problem of errors) {
            const where = problem.place ?? problem.path;
            // The package author's own advice (请…重新打包) is left out: the next step here is the clerk's.
            const said = problem.message
              .split(/(?<=。)/u)
              .filter((sentence) => !sentence.startsWith('请'))
              .join('')
              .replace(/。$/u, '');
            found.add('package-invalid', `${alliance}的材料包未通过检查：${where === '' || said.startsWith(where) ? '' : `${where}：`}${said}`);
          }
          continue;
        }
        const digest = check.ready ? check.checked.input.digest : check.report.digest;
        if (digest !== pkg.digest) found.add('meeting-file-altered', `${alliance}的材料包摘要与清单不符：会议包可能被改动过`);
      }
      found.refuseIfAny(
        source,
        '请把这些问题告诉会务人员：在会务电脑的“材料包”页核对这些联盟的材料包（两台电脑的程序版本也应相同），改正后重新导出会议包，再拷来导入。',
      );
      control.signal.throwIfAborted();
      const stored = await storeMeeting(ctx, checks, description, source, actor);
      // The clerk's OCR results: this laptop reads only what they leave out.
      storeOcrFiles(ctx.db, await ocrResultsToKeep(ctx, description, ocrResults), ctx.now());
      // The clerk's findings replace those of an earlier meeting file of this meeting; a file
      // without them (older, or no findings) leaves none, as the clerk's check had none.
      if (carried !== null) {
        storeCarriedFindings(ctx.db, stored.meetingId, { contentSha256: description.contentSha256, checkedAt: carried.checkedAt, findings: carried.findings }, ctx.now());
      } else {
        ctx.db.prepare('DELETE FROM meeting_cross_check WHERE meeting_id = ?').run(stored.meetingId);
      }
      ctx.ocr.wake();
      if (stored.outcome !== 'unchanged' || stored.reports.some((report) => report.outcome === 'imported')) await backUpAfter(ctx, 'import');
      return {
        meetingId: stored.meetingId,
        name: description.name,
        year: description.year,
        fingerprint: formatFingerprint(description.contentSha256),
        outcome: stored.outcome,
        packages: stored.reports,
      };
    } finally {
      for (const check of checks) if (check.ready) check.checked.staging.discard();
    }
  } finally {
    zip.close();
    await rm(root, { recursive: true, force: true });
  }
}

/**
 * Stores the checked packages and the meeting in one SQLite transaction. The staged evidence
 * is moved into the content-addressed store first (rows must never point at missing bytes);
 * if the transaction fails, the files this import placed there are removed again, so the
 * store holds neither the packages nor the meeting nor their bytes.
 */
async function storeMeeting(
  ctx: ServiceContext,
  checks: readonly PackageCheck[],
  description: MeetingDescription,
  source: MeetingFileSource,
  actor: string,
): Promise<{ meetingId: number; outcome: MeetingFileImportOutcome['outcome']; reports: PackageImportReport[] }> {
  const placed: CheckedPackage[] = [];
  try {
    for (const check of checks) {
      if (!check.ready) continue;
      placed.push(check.checked);
      await check.checked.staging.commit();
    }
    return ctx.db.transaction(() => {
      const reports = checks.map((check) => (check.ready ? storeCheckedPackage(ctx, check.checked) : check.report));
      return { ...recordMeeting(ctx, description, source, actor), reports };
    })();
  } catch (error) {
    for (const checked of placed) checked.staging.undoCommit();
    throw error;
  }
}

/** Creates or updates the meeting from a checked description whose packages are in the store. */
function recordMeeting(
  ctx: ServiceContext,
  description: MeetingDescription,
  source: MeetingFileSource,
  actor: string,
): { meetingId: number; outcome: MeetingFileImportOutcome['outcome'] } {
  const { db } = ctx;
  const at = ctx.now().toISOString();
  return db.transaction(() => {
    const wanted: StoredSettings = {
      rubricId: description.rubric,
      method: description.settings.method,
      deviationThreshold: String(description.settings.deviationThreshold),
      budgetYuan: description.settings.budgetYuan === null ? null : String(description.settings.budgetYuan),
    };
    const found = meetingByUid(db, description.uid);
    let meetingId: number;
    let outcome: MeetingFileImportOutcome['outcome'];
    if (found === undefined) {
      meetingId = insertMeeting(db, description, at);
      insertSettings(db, meetingId, description.uid, wanted);
      outcome = 'created';
    } else {
      meetingId = found.meetingId;
      assertUnlocked(db, meetingId);
      outcome = 'updated';
    }
    const experts = description.experts.map(rosterEntryOf);
    const packages = (list: readonly { allianceId: string; digest: string }[]) =>
      list.map((p) => `${p.allianceId}@${p.digest}`).sort().join('、');
    const settings = meetingSettings(db, meetingId);
    const same =
      outcome === 'updated' &&
      settings !== null &&
      settings.rubricId === wanted.rubricId &&
      settings.method === wanted.method &&
      settings.deviationThreshold === wanted.deviationThreshold &&
      settings.budgetYuan === wanted.budgetYuan &&
      rosterText(meetingExperts(db, meetingId)) === rosterText(experts) &&
      packages(meetingPackages(db, meetingId)) === packages(description.packages);
    if (same) {
      outcome = 'unchanged';
    } else {
      updateSettings(db, meetingId, wanted);
      renameMeeting(db, meetingId, description.name);
      replaceRoster(db, meetingId, experts);
      replacePackages(db, meetingId, description.packages);
      appendAudit(db, {
        meetingId,
        at,
        actor,
        action: 'meeting-file-import',
        detail: {
          file: source.name,
          contentSha256: description.contentSha256,
          outcome,
          roster: rosterText(experts),
          packages: description.packages.length,
          method: description.settings.method,
          deviationThreshold: wanted.deviationThreshold,
          budgetYuan: wanted.budgetYuan,
        },
      });
    }
    recordMeetingFile(db, { meetingId, direction: 'import', contentSha256: description.contentSha256, fileName: source.name, at });
    return { meetingId, outcome };
  })();
}

/**
 * Reads and checks a meeting file's description only (steps 1–3 of the import), changing
 * nothing: for the command line's `merge --meeting-file`, which needs what only the meeting
 * file knows (the roster's titles, employers and 组长) and no store.
 */
export async function readMeetingFileDescription(source: MeetingFileSource): Promise<MeetingDescription> {
  let zip: ZipFile;
  try {
    zip = await openZipFile(source.path);
  } catch (error) {
    throw refuse('not-a-meeting-file', source, `这不是 zip 格式的会议包，或文件已损坏（${(error as Error).message}）。${DAMAGED}`);
  }
  try {
    let entries: Entry[];
    try {
      entries = await listEntries(zip);
    } catch (error) {
      throw refuse('meeting-file-damaged', source, `压缩包目录读不出来（${(error as Error).message}）。${DAMAGED}`);
    }
    return await readDescription(zip, entries.find((entry) => entry.fileName === MEETING_JSON), source);
  } finally {
    zip.close();
  }
}
