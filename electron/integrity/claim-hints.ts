/**
 * The cross-check hints an expert sees beside the claims of one package: the findings of every
 * meeting that holds the package (this laptop's and the clerk's, meeting-findings.ts) with a
 * place in it, worded from each claim's side by shared/integrity/claim-findings.ts. A place in
 * an alliance this expert recused from that year is named without its file and page, so the
 * screen has nothing of that alliance to open.
 */
import type { ClaimHints, ClaimHintsOfClaim } from '../../shared/api/integrity-types.ts';
import { claimFindings } from '../../shared/integrity/claim-findings.ts';
import type { Finding } from '../../shared/integrity/finding.ts';
import type { ServiceContext } from '../app/context.ts';
import { AppError } from '../errors/app-error.ts';
import { findingKey } from './finding-notes.ts';
import { meetingFindings } from './meeting-findings.ts';
import { packageRubricId, rubricNames } from './finding-names.ts';

export async function claimHints(ctx: ServiceContext, expertId: number, packageId: number): Promise<ClaimHints> {
  const { db } = ctx;
  const pkg = db.prepare<[number], { alliance_id: string; year: number; digest: string }>('SELECT alliance_id, year, digest FROM package WHERE id = ?').get(packageId);
  if (pkg === undefined) throw new AppError('package-not-found', '没有找到这个联盟的材料包，请回到联盟列表重新选择。');
  const meetings = db.prepare<[string], number>('SELECT DISTINCT meeting_id FROM meeting_package WHERE digest = ? ORDER BY meeting_id').pluck().all(pkg.digest);
  const findings = new Map<string, Finding>();
  for (const meetingId of meetings) {
    for (const finding of (await meetingFindings(ctx, meetingId)).findings) findings.set(findingKey(finding), finding);
  }
  const recused = new Set(db.prepare<[number, number], string>('SELECT alliance_id FROM recusal WHERE expert_id = ? AND year = ?').pluck().all(expertId, pkg.year));
  const refs = new Map<string, { criterion: string; itemId: string | null }>();
  for (const finding of findings.values()) {
    for (const place of finding.places) {
      if (place.allianceId !== pkg.alliance_id || place.year !== pkg.year || place.criterion === null) continue;
      refs.set(JSON.stringify([place.criterion, place.itemId]), { criterion: place.criterion, itemId: place.itemId });
    }
  }
  const names = await rubricNames(ctx, packageRubricId(db, packageId));
  const claims: ClaimHintsOfClaim[] = [...refs.values()].map((ref) => ({
    ...ref,
    hints: claimFindings([...findings.values()], { allianceId: pkg.alliance_id, year: pkg.year, ...ref }, recused, names),
  }));
  return { claims };
}
