/**
 * The expert profile channels: the profiles of this laptop, creating one with its signing key,
 * and the drawn signature. Types in expert-work-types.ts.
 */
import { z } from 'zod';
import { EXPERT_ID } from '../sheet/sheet-schema.ts';
import { channel } from './channel.ts';
import type { ExpertProfile, RosterChoices } from './expert-work-types.ts';
import { emptyRequest, expertId, meetingId } from './request-fields.ts';

/** Passphrases are compared after Unicode NFC, so an IME that composes differently still unlocks. */
export const PASSPHRASE_MIN_LENGTH = 8;

const passphrase = z.string().min(PASSPHRASE_MIN_LENGTH, `口令至少 ${PASSPHRASE_MIN_LENGTH} 个字符`).max(1000);

/**
 * Two ways to make a profile. On a laptop with a meeting's roster, the expert chooses their
 * entry: the request names the meeting and the roster id exactly as listed (not trimmed, not
 * case-folded), and the name, title and employer come from the roster. On a laptop with no
 * roster at all, id and name are typed, as before rosters travelled in meeting files.
 */
const expertCreateRequest = z.union([
  z.object({ meetingId, rosterId: z.string().regex(EXPERT_ID, '请从名册中选择您的条目'), passphrase }).strict(),
  z
    .object({
      rosterId: z.string().trim().regex(EXPERT_ID, '专家编号只能由 1–64 个字母、数字、“-”或“_”组成'),
      name: z.string().trim().min(1, '姓名不能为空').max(100, '姓名不能超过 100 个字'),
      passphrase,
    })
    .strict(),
]);

const handSignatureRequest = z
  .object({ expertId, handSignature: z.string().max(300 * 1024).nullable() })
  .strict();

export const expertChannels = {
  'expert-list': channel<readonly ExpertProfile[]>()(emptyRequest),
  /** The rosters on this laptop (meetings with one), to choose a new profile's entry from; empty: type id and name. */
  'expert-roster-choices': channel<readonly RosterChoices[]>()(emptyRequest),
  /** Creates a profile and its Ed25519 key pair, sealed with the passphrase. */
  'expert-create': channel<ExpertProfile>()(expertCreateRequest),
  /** Sets (PNG data URL, at most 200 KB) or clears the drawn signature. */
  'expert-hand-signature-set': channel<ExpertProfile>()(handSignatureRequest),
} as const;
