/**
 * Signing and exporting an expert's sheet: when every alliance of the year is
 * decided or recused, the expert's work becomes one sheet — format 2 with the sign-in (and the
 * expert's dissent, if written) where the expert signed in, format 1 otherwise — signed with their key
 * (opened by their passphrase), written atomically to the folder they chose (a USB stick), and
 * recorded on this laptop. The year's work is then locked until the expert chooses to revise.
 *
 * - Order: everything is checked before the key is opened (the profile against the year's
 *   roster first: the chair refuses a sheet whose id or name is not on it); the file is written before the
 *   sheet is recorded, so a stick pulled out half-way leaves the work unsigned and unlocked,
 *   and the expert simply signs again. Once recorded, the store is backed up (reason `sign`).
 * - The sheet is checked exactly as the chair's merge will check it (`checkSheetAgainstPackages`)
 *   and verified once written into text, so a sheet this laptop exports is one merge accepts.
 * - file name: `<roster id>-<name>-<year>-v<version>.sheet.json`, with characters Windows
 *   refuses in names replaced, so each version has a file of its own on the stick.
 */
import { mkdirSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { SheetSignResult } from '../../shared/api/expert-work-types.ts';
import { buildUnsignedSheet } from '../../shared/sheet/build-sheet.ts';
import type { SheetPackage } from '../../shared/sheet/check-sheet-against-packages.ts';
import { checkSheetAgainstPackages } from '../../shared/sheet/check-sheet-against-packages.ts';
import { parseUnsignedSheet } from '../../shared/sheet/parse-sheet.ts';
import { describeSheetProblem } from '../../shared/sheet/sheet-problem.ts';
import { sheetText } from '../../shared/sheet/sheet-text.ts';
import { reviewFromStored } from '../../shared/review/stored-review.ts';
import { offsetTimestamp } from '../../shared/time/offset-timestamp.ts';
import type { ServiceContext } from '../app/context.ts';
import { expertById, unlockExpertKey } from '../experts/expert-store.ts';
import { assertProfileOnRoster } from '../experts/roster-binding.ts';
import { assertSignedIn, storedSignIn } from '../reviews/sign-in-store.ts';
import { AppError } from '../errors/app-error.ts';
import { defaultExportDir, signingBlockers } from '../reviews/expert-workspace.ts';
import { latestPackages } from '../reviews/review-package.ts';
import { allianceProgress, computeReview } from '../reviews/review-state.ts';
import { fingerprintOfBase64 } from '../experts/key-fingerprint.ts';
import { signSheet } from './sign-sheet.ts';
import {
  assertNotSigned,
  lockingSheet,
  nextSheetVersion,
  recordSignedSheet,
  reviseSignedYear,
  signedSheetText,
} from '../reviews/signed-sheet-store.ts';
import { verifySheetText } from './verify-sheet.ts';
import { writeFileAtomically } from '../files/atomic-write.ts';
import { backUpAfter } from '../backup/backup-after.ts';

export interface SignRequest {
  readonly expertId: number;
  readonly year: number;
  readonly passphrase: string;
  readonly folder?: string | undefined;
  readonly dissent?: string | undefined;
  readonly explanations?: Readonly<Record<string, Readonly<Record<string, string>>>> | undefined;
}

export async function signAndExportSheet(ctx: ServiceContext, request: SignRequest): Promise<SheetSignResult> {
  const { db } = ctx;
  const expert = expertById(db, request.expertId);
  assertNotSigned(db, expert.id, request.year);
  assertProfileOnRoster(db, expert, request.year);
  assertSignedIn(db, expert.id, request.year);
  const packages = await latestPackages(ctx, request.year);
  const alliances = packages.map((pkg) => allianceProgress(db, pkg, expert.id));
  const blockers = signingBlockers(packages, alliances);
  if (blockers.length > 0) {
    throw new AppError('sheet-incomplete', `还不能签名：${blockers.slice(0, 5).join(' ')}${blockers.length > 5 ? ' ……' : ''}`);
  }
  const rubric = packages[0]!.rubric;
  const folder = exportFolder(ctx, request.folder);

  // Signed in (a laptop with the year's roster): the sheet is format 2 and carries the sign-in.
  const stored = storedSignIn(db, expert.id, request.year);
  const dissent = request.dissent?.trim() ?? '';
  // The explanations the expert wrote beside their scores (saved as they typed), and any the
  // request adds; a recused alliance has no scores to explain.
  const explanationsOf = (pkg: (typeof packages)[number]): Record<string, string> | undefined => {
    const computed = computeReview(db, pkg, expert.id);
    if (computed.recusalReason !== null) return undefined;
    const all = { ...computed.work.explanations, ...request.explanations?.[pkg.allianceId] };
    const kept = Object.fromEntries(Object.entries(all).filter(([, text]) => text.trim() !== ''));
    return Object.keys(kept).length === 0 ? undefined : kept;
  };
  const explained = packages.some((pkg) => explanationsOf(pkg) !== undefined);
  if (stored === null && (dissent !== '' || explained)) {
    throw new AppError('dissent-needs-sign-in', '异议和评分说明只能写在签到后签署的评分表（格式 2）中；本机没有本年度的签到记录，请删去后再签名。');
  }
  const now = ctx.now();
  const unsigned = buildUnsignedSheet({
    signIn: stored === null ? null : { at: stored.at, pledge: stored.pledge, recusals: stored.recusals },
    dissent,
    year: request.year,
    rubricId: rubric.id,
    expert: { id: expert.rosterId, name: expert.name, handSignature: expert.handSignature },
    // The laptop's own offset: the people in the room read the time as their clocks show it.
    signedAt: offsetTimestamp(now, -now.getTimezoneOffset()),
    reviews: packages.map((pkg) => {
      const computed = computeReview(db, pkg, expert.id);
      return {
        allianceId: pkg.allianceId,
        packageDigest: pkg.digest,
        recusalReason: computed.recusalReason,
        review: reviewFromStored(pkg.rubric, pkg.claims, computed.work.decisions, computed.work.overrides),
        comment: computed.work.comment,
        explanations: explanationsOf(pkg),
      };
    }),
  });
  const sheetPackages: SheetPackage[] = packages.map((pkg) => ({
    digest: pkg.digest,
    year: pkg.year,
    rubricId: pkg.rubricId,
    allianceId: pkg.allianceId,
    allianceName: pkg.allianceName,
    claims: pkg.claims,
  }));
  // The format's own rules first (an explanation of an undecided criterion, say), then the packages'.
  const parsed = parseUnsignedSheet(unsigned);
  const problems = parsed.ok ? checkSheetAgainstPackages(unsigned, sheetPackages, rubric) : parsed.problems;
  if (problems.length > 0) {
    throw new AppError('sheet-invalid', `评分表未通过检查，未签名：${problems.slice(0, 3).map(describeSheetProblem).join('；')}`);
  }

  const privateKey = unlockExpertKey(db, expert.id, request.passphrase, ctx.osProtection);
  const sheet = signSheet(unsigned, privateKey);
  const text = sheetText(sheet);
  const verification = verifySheetText(text);
  if (!verification.ok) throw new Error(`a sheet just signed does not verify: ${verification.problems.map(describeSheetProblem).join('; ')}`);

  const version = nextSheetVersion(db, expert.id, request.year);
  const fileName = sheetFileName(expert.rosterId, expert.name, request.year, version);
  const path = join(folder, fileName);
  await writeTo(path, text, folder);
  const summary = db.transaction(() => {
    assertNotSigned(db, expert.id, request.year);
    return recordSignedSheet(db, {
      expertId: expert.id,
      year: request.year,
      version,
      signedAt: sheet.signedAt,
      fingerprint: fingerprintOfBase64(sheet.signature.publicKey),
      fileName,
      filePath: path,
      text,
    });
  })();
  await backUpAfter(ctx, 'sign');
  return { sheet: summary, path, text };
}

/** Writes a recorded sheet again, e.g. onto a second stick for the chair. */
export async function exportSheetAgain(
  ctx: ServiceContext,
  request: { expertId: number; sheetId: number; folder?: string | undefined },
): Promise<SheetSignResult> {
  const { summary, text } = signedSheetText(ctx.db, request.expertId, request.sheetId);
  const folder = exportFolder(ctx, request.folder);
  const path = join(folder, summary.fileName);
  await writeTo(path, text, folder);
  return { sheet: summary, path, text };
}

export function reviseSignedSheet(ctx: ServiceContext, expertId: number, year: number): void {
  expertById(ctx.db, expertId);
  if (lockingSheet(ctx.db, expertId, year) === null) {
    throw new AppError('not-signed', `${year} 年度的评分还没有签名，可以直接修改。`);
  }
  reviseSignedYear(ctx.db, expertId, year, ctx.now());
}

export function exportFolder(ctx: ServiceContext, requested: string | undefined): string {
  if (requested === undefined) {
    const folder = defaultExportDir(ctx);
    mkdirSync(folder, { recursive: true });
    return folder;
  }
  if (!isAbsolute(requested)) {
    throw new AppError('folder-not-absolute', `请填写完整的文件夹路径（如 D:\\ 或 /media/u盘），而不是“${requested}”。`);
  }
  let isFolder: boolean;
  try {
    isFolder = statSync(requested).isDirectory();
  } catch {
    isFolder = false;
  }
  // A mistyped path must not quietly become a new folder somewhere: the expert would not find the sheet.
  if (!isFolder) throw new AppError('folder-missing', `找不到文件夹 ${requested}。请确认 U 盘已插好、路径无误后重试。`);
  return requested;
}

async function writeTo(path: string, text: string, folder: string): Promise<void> {
  try {
    await writeFileAtomically(path, text, { overwrite: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new AppError('write-failed', `无法把评分表写入 ${folder}（${code}）。请检查 U 盘是否插好、是否写保护、空间是否足够，然后重试。`);
  }
}

export function sheetFileName(rosterId: string, name: string, year: number, version: number): string {
  // Characters Windows refuses in file names, and controls, become "_"; the id keeps names apart.
  // eslint-disable-next-line no-control-regex
  const safeName = name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').trim();
  return `${rosterId}-${safeName}-${year}-v${version}.sheet.json`;
}
