/**
 * The expert's workspace and scoring channels. Main parses every payload with these schemas
 * before a handler sees it; rules that need the rubric or the package (is this item claimed,
 * is 2.6 above the maximum) are checked by the handlers. Types in expert-work-types.ts.
 *
 * - decision: accept, reject with a reason, or a judged value; `null` clears it.
 * - sign-in: the pledge and the recusals declared before scoring (shared/sheet/sign-in.ts).
 */
import { z } from 'zod';
import { channel } from './channel.ts';
import { multiLineText } from '../format/safe-text-schema.ts';
import { RECUSAL_REASON_CODES } from '../sheet/sign-in.ts';
import type { ExpertWorkspace, ReviewOpen, ReviewState, SignInView } from './expert-work-types.ts';
import { expertId, packageId } from './request-fields.ts';

const criterionId = z.string().min(1).max(100);
const reason = (what: string) => z.string().trim().min(1, `${what}不能为空`).max(2000, `${what}不能超过 2000 个字`);

const signInRequest = z
  .object({
    expertId,
    year: z.int().min(2000).max(2100),
    passphrase: z.string().min(1, '请输入签名口令').max(1000),
    handSignature: z.string().min(1, '请先手写签名').max(300 * 1024),
    recusals: z
      .array(
        z
          .object({
            allianceId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
            reason: z.enum(RECUSAL_REASON_CODES),
            detail: multiLineText(z.string().max(500, '回避情况说明不能超过 500 个字')).optional(),
          })
          .strict(),
      )
      .max(1000),
  })
  .strict();

const workspaceRequest = z.object({ expertId, year: z.number().int().min(2000).max(2100).optional() }).strict();

const reviewRequest = z.object({ expertId, packageId }).strict();

const decisionRequest = z
  .object({
    expertId,
    packageId,
    criterionId,
    itemId: z.string().min(1).max(200).optional(),
    decision: z
      .union([
        z.object({ accept: z.literal(true) }).strict(),
        z.object({ accept: z.literal(false), reason: reason('不予认定的理由') }).strict(),
        z.object({ value: z.number() }).strict(),
      ])
      .nullable(),
  })
  .strict();

const acceptRequest = z
  .object({
    expertId,
    packageId,
    claims: z
      .array(z.object({ criterionId, itemId: z.string().min(1).max(200).optional() }).strict())
      .min(1)
      .max(500),
  })
  .strict();

const overrideRequest = z
  .object({
    expertId,
    packageId,
    indicatorId: z.string().min(1).max(40),
    override: z.object({ score: z.number(), reason: reason('改判理由') }).strict().nullable(),
  })
  .strict();

const commentRequest = z.object({ expertId, packageId, comment: z.string().max(5000, '评审意见不能超过 5000 个字') }).strict();
/** An empty explanation removes it. */
const explanationRequest = z
  .object({ expertId, packageId, criterionId, explanation: multiLineText(z.string().max(2000, '说明理由不能超过 2000 个字')) })
  .strict();

const recusalRequest = z.object({ expertId, packageId, reason: reason('回避理由') }).strict();

export const reviewChannels = {
  /** The alliances of a year (default: the newest) with this expert's progress, sheets and blockers. */
  'expert-workspace': channel<ExpertWorkspace>()(workspaceRequest),
  'review-open': channel<ReviewOpen>()(reviewRequest),
  'decision-set': channel<ReviewState>()(decisionRequest),
  /** Accepts the claims given that are still undecided, as one step of undo (本指标全部认定); decided ones stay as they are. */
  'decisions-accept': channel<ReviewState>()(acceptRequest),
  'override-set': channel<ReviewState>()(overrideRequest),
  'comment-set': channel<ReviewState>()(commentRequest),
  /** The expert's written explanation (说明理由) of their score on one criterion. */
  'explanation-set': channel<ReviewState>()(explanationRequest),
  /** Confirms every decision carried over from the alliance's previous package version (待确认). */
  'carried-confirm': channel<ReviewState>()(reviewRequest),
  /** Undoes the latest decision, override or comment change of this review. */
  'review-undo': channel<ReviewState>()(reviewRequest),
  /** Redoes the latest undo, unless a new change came after it. */
  'review-redo': channel<ReviewState>()(reviewRequest),
  'recusal-set': channel<ReviewState>()(recusalRequest),
  'recusal-clear': channel<ReviewState>()(reviewRequest),
  /** The expert's sign-in (签到) for a year, with the pledge text; whether scoring waits for it. */
  'sign-in-get': channel<SignInView>()(z.object({ expertId, year: z.int().min(2000).max(2100) }).strict()),
  /** Signs in: the pledge signed with the drawn signature and the key, and the recusals declared. */
  'sign-in-save': channel<SignInView>()(signInRequest),
} as const;
