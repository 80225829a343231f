/**
 * Storing and reading an expert's sign-in (签到) for a year (migration 0006), and the lock it
 * lifts: where a meeting of the year on this laptop has a roster, nothing of the year can be
 * scored, recused or signed until the expert has signed in (shared/sheet/sign-in.ts).
 *
 * Signing in: the profile is checked against the roster (experts/roster-binding.ts), every recusal
 * against the year's alliances, the drawn signature is kept on the profile (the sheet carries
 * it), the record is signed with the expert's key (opened by the passphrase) and stored with
 * its signature, and each declared recusal becomes the alliance's recusal (回避) with the
 * reason in words, through the review's change log like one made from the alliance list.
 */
import { sign, verify, createPublicKey } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { SignInView } from '../../shared/api/expert-work-types.ts';
import type { SignIn, SignInRecusal } from '../../shared/sheet/sign-in.ts';
import { PLEDGE_TEXT, recusalReasonText, signInProblems, signInSigningText } from '../../shared/sheet/sign-in.ts';
import { offsetTimestamp } from '../../shared/time/offset-timestamp.ts';
import type { ServiceContext } from '../app/context.ts';
import { AppError } from '../errors/app-error.ts';
import { publicKeyBase64 } from '../experts/expert-key.ts';
import { expertById, setHandSignature, unlockExpertKey } from '../experts/expert-store.ts';
import { assertProfileOnRoster } from '../experts/roster-binding.ts';
import { applyChange } from './review-changes.ts';
import { latestPackages } from './review-package.ts';
import { assertNotSigned } from './signed-sheet-store.ts';

interface SignInRow {
  at: string;
  record_json: string;
  signature: string;
  public_key: string;
}

/** Whether a meeting of this year on this laptop has a roster: then scoring waits for the sign-in. */
export function signInRequired(db: Database, year: number): boolean {
  return db.prepare<[number]>('SELECT 1 FROM meeting m JOIN meeting_expert e ON e.meeting_id = m.id WHERE m.year = ? LIMIT 1').get(year) !== undefined;
}

/** The stored sign-in of an expert for a year, as it was signed, or null. */
export function storedSignIn(db: Database, expertId: number, year: number): (SignIn & { readonly signature: string; readonly publicKey: string }) | null {
  const row = db
    .prepare<[number, number], SignInRow>('SELECT at, record_json, signature, public_key FROM expert_sign_in WHERE expert_id = ? AND year = ?')
    .get(expertId, year);
  if (row === undefined) return null;
  const record = JSON.parse(row.record_json) as SignIn;
  return { at: record.at, pledge: record.pledge, recusals: record.recusals, signature: row.signature, publicKey: row.public_key };
}

/** Refuses a change to the year's work while the sign-in it needs is missing. */
export function assertSignedIn(db: Database, expertId: number, year: number): void {
  if (!signInRequired(db, year)) return;
  if (db.prepare<[number, number]>('SELECT 1 FROM expert_sign_in WHERE expert_id = ? AND year = ?').get(expertId, year) !== undefined) return;
  throw new AppError('sign-in-required', `${year} 年度的评分尚未开始：请先完成签到（确认身份、签署承诺书、声明回避），然后才能评分。`);
}

export function signInView(db: Database, expertId: number, year: number): SignInView {
  expertById(db, expertId);
  const stored = storedSignIn(db, expertId, year);
  return {
    year,
    required: signInRequired(db, year),
    pledgeText: PLEDGE_TEXT,
    signIn: stored === null ? null : { at: stored.at, pledge: stored.pledge, recusals: stored.recusals },
  };
}

export interface SignInRequest {
  readonly expertId: number;
  readonly year: number;
  readonly passphrase: string;
  readonly handSignature: string;
  readonly recusals: readonly SignInRecusal[];
}

export async function signInExpert(ctx: ServiceContext, request: SignInRequest): Promise<SignInView> {
  const { db } = ctx;
  const expert = expertById(db, request.expertId);
  assertProfileOnRoster(db, expert, request.year);
  if (storedSignIn(db, expert.id, request.year) !== null) {
    throw new AppError('signed-in-already', `您已完成 ${request.year} 年度的签到，签到和承诺书签署后不能更改。`);
  }
  // A year already signed (a roster that arrived after the sheet) keeps its locked work.
  assertNotSigned(db, expert.id, request.year);
  const packages = await latestPackages(ctx, request.year);
  const problems = signInProblems(request.recusals, packages);
  if (problems.length > 0) throw new AppError('sign-in-invalid', `未签到：${problems.join(' ')}`);
  // The drawn signature is checked (and kept) before the key is opened, like a sheet's.
  setHandSignature(db, expert.id, request.handSignature);

  const now = ctx.now();
  const at = offsetTimestamp(now, -now.getTimezoneOffset());
  const recusals = [...request.recusals]
    .sort((a, b) => (a.allianceId < b.allianceId ? -1 : a.allianceId > b.allianceId ? 1 : 0))
    .map((r) => ({ allianceId: r.allianceId, reason: r.reason, ...(r.detail !== undefined && r.detail.trim() !== '' ? { detail: r.detail.trim() } : {}) }));
  const signIn: SignIn = { at, pledge: { text: PLEDGE_TEXT, signedAt: at }, recusals };
  const text = signInSigningText({ year: request.year, expert: { id: expert.rosterId, name: expert.name }, signIn });
  const privateKey = unlockExpertKey(db, expert.id, request.passphrase, ctx.osProtection);
  const publicKey = publicKeyBase64(privateKey);
  const signature = sign(null, Buffer.from(text, 'utf8'), privateKey).toString('base64');
  if (!verify(null, Buffer.from(text, 'utf8'), createPublicKey(privateKey), Buffer.from(signature, 'base64'))) {
    throw new Error('a sign-in just signed does not verify');
  }

  db.transaction(() => {
    db.prepare<[number, number, string, string, string, string]>(
      'INSERT INTO expert_sign_in (expert_id, year, at, record_json, signature, public_key) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(expert.id, request.year, at, JSON.stringify(signIn), signature, publicKey);
    for (const recusal of recusals) {
      const pkg = packages.find((p) => p.allianceId === recusal.allianceId)!;
      const subject = { kind: 'recusal', allianceId: pkg.allianceId, year: pkg.year } as const;
      applyChange(db, { expertId: expert.id, packageId: pkg.id }, subject, { reason: recusalReasonText(recusal) }, now);
    }
  })();
  return signInView(db, expert.id, request.year);
}
