/**
 * Request schemas of the expert's workspace channels (contract.ts names the channels). Main
 * parses every payload with these before a handler sees it; rules that need the rubric or
 * the package (is this item claimed, is 2.6 above the maximum) are checked by the handlers.
 *
 * - expert id: the profile's row id on this laptop (`ExpertProfile.id`), not the roster id.
 * - decision: accept, reject with a reason, or a judged value; `null` clears it.
 */
import { z } from 'zod';
import { EXPERT_ID } from '../sheet/sheet-schema.ts';

const expertId = z.number().int().positive();
const packageId = z.number().int().positive();
const criterionId = z.string().min(1).max(100);
const reason = (what: string) => z.string().trim().min(1, `${what}不能为空`).max(2000, `${what}不能超过 2000 个字`);

/** Passphrases are compared after Unicode NFC, so an IME that composes differently still unlocks. */
export const PASSPHRASE_MIN_LENGTH = 8;

export const expertCreateRequest = z
  .object({
    rosterId: z.string().trim().regex(EXPERT_ID, '专家编号只能由 1–64 个字母、数字、“-”或“_”组成'),
    name: z.string().trim().min(1, '姓名不能为空').max(100, '姓名不能超过 100 个字'),
    passphrase: z.string().min(PASSPHRASE_MIN_LENGTH, `口令至少 ${PASSPHRASE_MIN_LENGTH} 个字符`).max(1000),
  })
  .strict();

export const handSignatureRequest = z
  .object({ expertId, handSignature: z.string().max(300 * 1024).nullable() })
  .strict();

export const workspaceRequest = z.object({ expertId, year: z.number().int().min(2000).max(2100).optional() }).strict();

export const reviewRequest = z.object({ expertId, packageId }).strict();

export const decisionRequest = z
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

export const overrideRequest = z
  .object({
    expertId,
    packageId,
    indicatorId: z.string().min(1).max(40),
    override: z.object({ score: z.number(), reason: reason('改判理由') }).strict().nullable(),
  })
  .strict();

export const commentRequest = z.object({ expertId, packageId, comment: z.string().max(5000, '评审意见不能超过 5000 个字') }).strict();

export const recusalRequest = z.object({ expertId, packageId, reason: reason('回避理由') }).strict();

export const evidenceRequest = z.object({ packageId, path: z.string().min(1).max(4096) }).strict();

export const sheetSignRequest = z
  .object({
    expertId,
    year: z.number().int().min(2000).max(2100),
    passphrase: z.string().min(1, '请输入口令').max(1000),
    /** Absent: `<data>/exports`. */
    folder: z.string().trim().min(1).max(4096).optional(),
  })
  .strict();

export const sheetExportAgainRequest = z
  .object({ expertId, sheetId: z.number().int().positive(), folder: z.string().trim().min(1).max(4096).optional() })
  .strict();

export const sheetReviseRequest = z.object({ expertId, year: z.number().int().min(2000).max(2100) }).strict();
