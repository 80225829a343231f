/**
 * The chair's sheet import: many sheet files at once (picked, dropped, or every
 * `*.sheet.json` of a USB folder), each checked and either kept or refused with its reasons.
 *
 * Checks, in order, for each file:
 * 1. it is a sheet of format 1 whose signature verifies (electron/sheets/verify-sheet.ts);
 * 2. the expert is on the meeting's roster, under the same name;
 * 3. the key: a known expert signing with another key is refused loudly (someone may be using
 *    the expert's id); a key confirmed or awaiting confirmation for another expert is refused;
 *    a key the chair rejected is refused; while one key of an expert awaits its fingerprint
 *    check, a sheet with a different key is refused until that one is decided;
 * 4. every review fits the meeting's packages and is complete and valid (the same rules as
 *    `merge`: check-sheet-against-packages.ts);
 * 5. against the expert's earlier sheets: the same sheet again is noted and skipped; a later
 *    `signedAt` supersedes (the earlier stays, as history); an earlier or equal one is refused.
 * A new key's sheet is kept but counts only once the chair confirms the fingerprint.
 *
 * Files are taken in `signedAt` order, so a folder holding an expert's old and new sheet imports
 * both, the new one superseding. Every import is logged in the audit log, and a batch that
 * stored a sheet is followed by a backup (reason `import`).
 *
 * Each file is read and imported on its own: whatever one file holds, the program fails on it
 * alone (`import-failed`, that file refused) and every other file of the folder gets its own
 * outcome. Only what concerns the whole import (no meeting, the meeting locked) stops it.
 */
import { createHash } from 'node:crypto';
import { open, readdir, stat } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import type { ProblemView, SheetImportReport } from '../../shared/api/chair-types.ts';
import type { FileSource } from '../../shared/api/file-source.ts';
import { chinaDateTime } from '../../shared/meeting/china-time.ts';
import { checkSheetAgainstPackages } from '../../shared/sheet/check-sheet-against-packages.ts';
import type { Sheet } from '../../shared/sheet/sheet-schema.ts';
import { canonicalJson } from '../../shared/format/canonical-json.ts';
import type { ServiceContext } from '../app/context.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { backUpAfter } from '../backup/backup-after.ts';
import { AppError } from '../errors/app-error.ts';
import { meetingExperts, meetingRow, meetingSettings } from '../meeting/meeting-store.ts';
import { discardUpload, uploadPath } from '../package-store/incoming.ts';
import { SHEET_FILE_MAX_BYTES } from '../sheets/read-sheet-file.ts';
import { verifySheetText } from '../sheets/verify-sheet.ts';
import { describeSheetProblem } from '../../shared/sheet/sheet-problem.ts';
import { fileKindOf, formatProblemWords, packageProblemWords, unreadableSheetWords, type ReadFailure } from './sheet-refusal-words.ts';
import { keyDecisions, storedSheets } from './chair-sheets.ts';
import { assertUnlocked } from '../meeting/lock-state.ts';
import { meetingMergePackages, meetingRubric } from './meeting-inputs.ts';

interface SheetFile {
  readonly path: string;
  readonly name: string;
}

interface ReadSheet {
  readonly file: SheetFile;
  readonly text: string | null;
  readonly sheet: Sheet | null;
  readonly fingerprint: string | null;
  readonly problems: readonly ProblemView[];
}

/** Paths as given; a folder stands for the `*.sheet.json` files in it and its subfolders. */
async function expandSources(ctx: ServiceContext, sources: readonly FileSource[]): Promise<SheetFile[]> {
  const files: SheetFile[] = [];
  // A sheet found in a chosen folder is named by its path inside that folder: two laptops of
  // one expert id write the same file name, and the chair must be able to tell them apart.
  const walk = async (root: string, dir: string, depth: number): Promise<void> => {
    for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name.startsWith('.')) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory() && depth < 3) await walk(root, full, depth + 1);
      else if (entry.isFile() && entry.name.toLowerCase().endsWith('.sheet.json')) files.push({ path: full, name: relative(root, full).split(sep).join('/') });
    }
  };
  for (const source of sources) {
    if ('uploadId' in source) {
      files.push({ path: uploadPath(ctx.dataDir, source.uploadId), name: source.name });
      continue;
    }
    const info = await stat(source.path).catch(() => null);
    if (info?.isDirectory()) await walk(source.path, source.path, 0);
    else files.push({ path: source.path, name: basename(source.path) });
  }
  return files;
}

function problemView(code: string, path: string, message: string, source: string, detail?: string): ProblemView {
  return detail === undefined ? { code, source, path, message } : { code, source, path, message, detail };
}

/** The JSON of a text, for telling what a file that is not a sheet is; undefined when it is not JSON. */
function jsonOf(text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/u, '')) as unknown;
  } catch {
    return undefined;
  }
}

async function readSheet(file: SheetFile): Promise<ReadSheet> {
  // `failure.code` picks the words; `code` is what the report and the docs call it.
  const failed = (code: string, failure: ReadFailure, detail: string): ReadSheet => ({
    file,
    text: null,
    sheet: null,
    fingerprint: null,
    problems: [problemView(code, '(root)', unreadableSheetWords(file.name, failure), file.name, detail)],
  });
  let bytes: Buffer;
  try {
    const handle = await open(file.path, 'r');
    try {
      const info = await handle.stat();
      if (!info.isFile()) return failed('file-unreadable', { code: 'file-unreadable', head: new Uint8Array(), size: 0 }, 'not a regular file');
      if (info.size > SHEET_FILE_MAX_BYTES) {
        const head = new Uint8Array(2048);
        const { bytesRead } = await handle.read(head, 0, head.length, 0);
        return failed('file-too-large', { code: 'file-too-large', head: head.subarray(0, bytesRead), size: info.size }, `file too large for a sheet (${info.size} bytes)`);
      }
      bytes = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (error) {
    return failed('file-unreadable', { code: 'file-unreadable', head: new Uint8Array() }, `cannot read file: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  if (bytes.length === 0) return failed('file-unreadable', { code: 'empty', head: bytes, size: 0 }, 'empty file');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return failed('not-utf8', { code: 'not-utf8', head: bytes.subarray(0, 2048) }, 'not UTF-8 text');
  }
  const verification = verifySheetText(text);
  if (!verification.ok || verification.sheet === null || verification.fingerprint === null) {
    const first = verification.problems[0];
    // A file of another kind (a PDF's text, a CSV) is named for what it is, once, not field by field.
    const kind = fileKindOf(bytes.subarray(0, 2048));
    const json = first?.code === 'not-json' ? undefined : jsonOf(text);
    const problems =
      kind !== null || first === undefined || (first.code === 'not-json' && !text.replace(/^\uFEFF/u, '').trimStart().startsWith('{'))
        ? [problemView(first?.code ?? 'not-a-sheet', '(root)', unreadableSheetWords(file.name, { code: 'not-a-sheet', head: bytes.subarray(0, 2048) }), file.name, first?.message)]
        : first.code === 'not-json' || first.code === 'not-a-sheet' || first.code === 'sheet-wrong-version'
          ? [problemView(first.code, first.path, formatProblemWords(file.name, first, json), file.name, describeSheetProblem(first))]
          : // Every problem keeps its code and path for whoever looks into the file; the chair reads one line per kind.
            dedupeWords(verification.problems.map((p) => problemView(p.code, p.path, formatProblemWords(file.name, p, json), file.name, describeSheetProblem(p))));
    return { file, text: null, sheet: null, fingerprint: null, problems };
  }
  return { file, text, sheet: verification.sheet, fingerprint: verification.fingerprint, problems: [] };
}

/** Problems whose words are the same are one line for the chair; their codes and paths are kept in the first's detail. */
function dedupeWords(problems: readonly ProblemView[]): ProblemView[] {
  const byWords = new Map<string, ProblemView>();
  for (const p of problems) {
    const seen = byWords.get(p.message);
    if (seen === undefined) byWords.set(p.message, p);
    else byWords.set(p.message, { ...seen, detail: `${seen.detail ?? ''}；${p.path}: ${p.detail ?? p.code}` });
  }
  return [...byWords.values()];
}

function refused(read: ReadSheet, problems: readonly ProblemView[]): SheetImportReport {
  return {
    source: read.file.name,
    outcome: 'refused',
    expertId: read.sheet?.expert.id ?? null,
    expertName: read.sheet?.expert.name ?? null,
    fingerprint: read.fingerprint,
    signedAt: read.sheet?.signedAt ?? null,
    problems,
  };
}

/** The outcomes that put a sheet into the store; a batch with one of them is backed up. */
const storedOutcomes: ReadonlySet<SheetImportReport['outcome']> = new Set(['counted', 'supersedes', 'awaiting-fingerprint']);

export async function importSheets(
  ctx: ServiceContext,
  meetingId: number,
  actor: string,
  sources: readonly FileSource[],
): Promise<SheetImportReport[]> {
  const { db } = ctx;
  meetingRow(db, meetingId);
  const settings = meetingSettings(db, meetingId);
  const uploads = sources.flatMap((source) => ('uploadId' in source ? [source.uploadId] : []));
  try {
    if (settings === null) throw new AppError('meeting-not-prepared', '本会议还没有准备好（没有名册和材料包）。请先导入会议包，或在“会议准备”中设置。');
    assertUnlocked(db, meetingId);
    const rubric = await meetingRubric(ctx, settings.rubricId);
    const files = await expandSources(ctx, sources);
    if (files.length === 0) throw new AppError('no-sheets', '所选文件夹里没有评分表（*.sheet.json）。');
    const reads: ReadSheet[] = [];
    for (const file of files) reads.push(await guarded(file, () => readSheet(file)));
    // Older sheets first, so that a newer sheet of the same expert supersedes it in this batch.
    const ordered = [...reads].sort((a, b) => signedAtMs(a) - signedAtMs(b));
    const reports = new Map<ReadSheet, SheetImportReport>();
    for (const read of ordered) {
      if (read.sheet === null) {
        reports.set(read, refused(read, read.problems));
        continue;
      }
      const report = await guarded(read.file, () => Promise.resolve(importOne(ctx, meetingId, actor, read, rubric)));
      reports.set(read, 'outcome' in report ? report : refused(read, report.problems));
    }
    if ([...reports.values()].some((report) => storedOutcomes.has(report.outcome))) await backUpAfter(ctx, 'import');
    return reads.map((read) => reports.get(read) ?? refused(read, read.problems));
  } finally {
    for (const id of uploads) discardUpload(ctx.dataDir, id);
  }
}

/**
 * `work` for one file; a failure that is not about the whole import (an AppError is) refuses
 * that file alone, so one odd file never costs the chair the rest of the folder.
 */
async function guarded<T>(file: SheetFile, work: () => Promise<T>): Promise<T | ReadSheet> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError) throw error;
    const problem = problemView(
      'import-failed',
      '(root)',
      '程序未能处理这份评分表，它没有导入；同一批的其他评分表不受影响。请把这份文件交给技术人员检查 (could not be processed)',
      file.name,
    );
    return { file, text: null, sheet: null, fingerprint: null, problems: [problem] };
  }
}

function signedAtMs(read: ReadSheet): number {
  return read.sheet === null ? 0 : Date.parse(read.sheet.signedAt);
}

function importOne(
  ctx: ServiceContext,
  meetingId: number,
  actor: string,
  read: ReadSheet,
  rubric: Awaited<ReturnType<typeof meetingRubric>>,
): SheetImportReport {
  const { db } = ctx;
  const sheet = read.sheet as Sheet;
  const fingerprint = read.fingerprint as string;
  const source = read.file.name;
  const expert = sheet.expert;
  const problem = (code: string, path: string, message: string) => refused(read, [problemView(code, path, message, source)]);
  return db.transaction((): SheetImportReport => {
    assertUnlocked(db, meetingId);
    const onRoster = meetingExperts(db, meetingId).find((entry) => entry.id === expert.id);
    if (onRoster === undefined) {
      return problem('expert-not-in-roster', 'expert.id', `专家编号 ${expert.id}（${expert.name}）不在本会议的专家名册中，评分表不予导入。请核对编号，或请会务人员把该专家加入名册。`);
    }
    if (onRoster.name !== expert.name) {
      return problem(
        'expert-name-mismatch',
        'expert.name',
        `评分表上的姓名“${expert.name}”与名册中 ${expert.id} 的姓名“${onRoster.name}”不一致，评分表不予导入。请当面核实后由专家用名册上的姓名重新签名。`,
      );
    }
    const sheets = storedSheets(db, meetingId);
    const decisions = keyDecisions(db, meetingId);
    const key = sheet.signature.publicKey;
    const confirmed = decisions.find((d) => d.expertId === expert.id && d.decision === 'confirmed');
    if (confirmed !== undefined && confirmed.publicKey !== key) {
      return problem(
        'expert-key-changed',
        'signature.publicKey',
        `⚠ 密钥不符：专家 ${expert.id} ${expert.name} 已确认的密钥指纹是 ${confirmed.fingerprint}，而这份评分表的指纹是 ${fingerprint}，不是同一把密钥签的。可能有人冒用该专家的编号，或专家换了电脑。评分表不予导入，请当面向专家本人核实。`,
      );
    }
    const decision = decisions.find((d) => d.publicKey === key);
    if (decision !== undefined && decision.expertId !== expert.id) {
      return problem(
        'key-two-experts',
        'signature.publicKey',
        `这把密钥（指纹 ${fingerprint}）已用于专家 ${decision.expertId}，不能再签专家 ${expert.id} 的评分表；每位专家应在自己的电脑上用自己的密钥签名。`,
      );
    }
    if (decision?.decision === 'rejected') {
      return problem(
        'key-rejected',
        'signature.publicKey',
        `这把密钥（指纹 ${fingerprint}）已于 ${chinaDateTime(decision.decidedAt)} 被 ${decision.decidedBy} 拒绝（与专家宣读的指纹不一致），用它签的评分表不予导入。`,
      );
    }
    const otherExpertSheet = sheets.find((s) => s.publicKey === key && s.expertId !== expert.id);
    if (otherExpertSheet !== undefined) {
      return problem(
        'key-two-experts',
        'signature.publicKey',
        `这把密钥（指纹 ${fingerprint}）已签过专家 ${otherExpertSheet.expertId} 的评分表，不能再签专家 ${expert.id} 的；每位专家应在自己的电脑上用自己的密钥签名。`,
      );
    }
    if (confirmed === undefined) {
      const pendingOther = sheets.find(
        (s) => s.expertId === expert.id && s.publicKey !== key && !decisions.some((d) => d.publicKey === s.publicKey),
      );
      if (pendingOther !== undefined) {
        return problem(
          'expert-key-pending',
          'signature.publicKey',
          `⚠ 专家 ${expert.id} 已有一份用另一把密钥（指纹 ${pendingOther.fingerprint}）签的评分表在等待核对指纹，这份的指纹是 ${fingerprint}。请先与专家核对：一致的确认，不一致的拒绝，再导入这份。`,
        );
      }
    }
    const paper = db.prepare<[number, string], number>('SELECT count(*) FROM paper_entry WHERE meeting_id = ? AND expert_id = ?').pluck().get(meetingId, expert.id) ?? 0;
    if (paper > 0) {
      return problem(
        'expert-has-paper-sheet',
        'expert.id',
        `专家 ${expert.id} 的纸质评分表已在录入，同一专家不能同时有纸质和电子评分表。`,
      );
    }
    const { packages, missing } = meetingMergePackages(db, meetingId);
    if (missing.length > 0) {
      return problem('package-missing', '(root)', `本机缺少会议材料包（${missing.map((m) => m.allianceId).join('、')}），无法核对评分表。请先导入会议包。`);
    }
    const fit = checkSheetAgainstPackages(sheet, packages, rubric);
    if (fit.length > 0) {
      const allianceOf = (index: number) => {
        const id = sheet.reviews[index]?.allianceId;
        return id === undefined ? null : { id, name: packages.find((pkg) => pkg.allianceId === id)?.allianceName ?? null };
      };
      const year = meetingRow(db, meetingId).year;
      return refused(read, dedupeWords(fit.map((p) => problemView(p.code, p.path, packageProblemWords(source, p, allianceOf, year), source, describeSheetProblem(p)))));
    }

    const sha256 = createHash('sha256').update(canonicalJson(sheet), 'utf8').digest('hex');
    const same = sheets.find((s) => s.sheetSha256 === sha256);
    if (same !== undefined) {
      return {
        source,
        outcome: 'already-imported',
        expertId: expert.id,
        expertName: expert.name,
        fingerprint,
        signedAt: sheet.signedAt,
        problems: [problemView('same-sheet', '(root)', `与已导入的 ${same.sourceName}（${chinaDateTime(same.importedAt)} 导入）是同一份评分表，不重复导入。`, source)],
      };
    }
    const ms = Date.parse(sheet.signedAt);
    const earlier = sheets.filter((s) => s.expertId === expert.id && s.publicKey === key).sort((a, b) => b.signedAtMs - a.signedAtMs);
    const latest = earlier[0];
    if (latest !== undefined && ms <= latest.signedAtMs) {
      return problem(
        ms === latest.signedAtMs ? 'sheet-same-time' : 'sheet-older',
        'signedAt',
        ms === latest.signedAtMs
          ? `专家 ${expert.id} 已有一份签名时间相同（${sheet.signedAt}）但内容不同的评分表，无法判断哪份为准，不予导入。请专家重新签名。`
          : `这份评分表签于 ${sheet.signedAt}，比已导入的专家 ${expert.id} 的评分表（签于 ${latest.signedAt}）旧，不予导入。`,
      );
    }
    const keyConfirmed = confirmed !== undefined;
    const supersedes = keyConfirmed ? latest : undefined;
    const at = ctx.now().toISOString();
    const auditSeq = appendAudit(db, {
      meetingId,
      at,
      actor,
      action: supersedes === undefined ? 'sheet-import' : 'sheet-supersede',
      detail: {
        expert: expert.id,
        name: expert.name,
        fingerprint,
        signedAt: sheet.signedAt,
        sheetSha256: sha256,
        file: source,
        counts: keyConfirmed,
        supersedesSignedAt: supersedes?.signedAt ?? null,
        supersedesSha256: supersedes?.sheetSha256 ?? null,
      },
    });
    db.prepare(
      `INSERT INTO chair_sheet (meeting_id, expert_id, expert_name, public_key, fingerprint, signed_at, signed_at_ms, sheet_text,
         sheet_sha256, source_name, imported_at, imported_by, audit_seq)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(meetingId, expert.id, expert.name, key, fingerprint, sheet.signedAt, ms, read.text, sha256, source, at, actor, auditSeq);
    return {
      source,
      outcome: !keyConfirmed ? 'awaiting-fingerprint' : supersedes === undefined ? 'counted' : 'supersedes',
      expertId: expert.id,
      expertName: expert.name,
      fingerprint,
      signedAt: sheet.signedAt,
      problems: [],
    };
  })();
}
