/**
 * The channels of the meeting's preparation and its meeting file. Types in
 * meeting-setup-types.ts.
 */
import { z } from 'zod';
import { singleLineText } from '../format/safe-text-schema.ts';
import { ROSTER_LIMITS } from '../meeting/roster.ts';
import { parseYuanText } from '../meeting/yuan-text.ts';
import { EXPERT_ID } from '../sheet/sheet-schema.ts';
import { channel } from './channel.ts';
import { fileSourceSchema } from './file-source.ts';
import type { MeetingFileExport, MeetingFileImportOutcome, MeetingSetup } from './meeting-setup-types.ts';
import { actorSchema, folderRequest, jobRequest, meetingId, meetingRequest } from './request-fields.ts';

/**
 * A non-negative decimal as typed (`10`, `7.5`, `1000000`), kept as text so nothing is rounded.
 * Typed the way people write amounts, it is accepted too: thousands separators (`1,000,000`,
 * `1，000，000`) and the full-width digits of a Chinese input method (`２．５`).
 */
const decimalTextSchema = z
  .string()
  .transform((text) => text.normalize('NFKC').trim().replace(/(?<=\d)[,，](?=\d{3}(\D|$))/g, '').replace(/。/g, '.'))
  .pipe(z.string().regex(/^\d{1,12}(\.\d{1,2})?$/, '应为不小于 0 的数字，最多两位小数（如 500000 或 7.5）'));

/** The award budget as people write it (`1,000,000`, `１，０００，０００`, `100万`), as yuan text. */
const yuanTextSchema = z.string().transform((text, ctx) => {
  const read = parseYuanText(text);
  if (read.ok) return read.yuan;
  ctx.addIssue({ code: 'custom', message: read.message });
  return z.NEVER;
});

const settingsSaveRequest = z
  .object({
    meetingId,
    actor: actorSchema,
    rubricId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/),
    method: z.enum(['mean', 'trimmed']),
    deviationThreshold: decimalTextSchema,
    budgetYuan: yuanTextSchema.nullable(),
    /**
     * 畸高畸低 threshold as a percentage of a criterion's cap (`30`); absent: unchanged. Kept
     * apart from the meeting file's settings: only the chair's console uses it.
     */
    outlierPercent: decimalTextSchema
      .refine((text) => Number(text) > 0 && Number(text) <= 100, '应为大于 0、不超过 100 的百分数（如 30）')
      .optional(),
  })
  .strict();

/** Title, specialty, employer and the 组长 mark may be left out (a roster of ids and names, as before). */
const rosterSaveRequest = z
  .object({
    meetingId,
    actor: actorSchema,
    experts: z
      .array(
        z
          .object({
            id: z.string().trim().regex(EXPERT_ID, '专家编号只能用字母、数字、- 和 _（1–64 个）'),
            name: singleLineText(z.string().trim().min(1, '专家姓名不能为空').max(100)),
            title: singleLineText(z.string().trim().max(ROSTER_LIMITS.title, `职称不能超过 ${ROSTER_LIMITS.title} 个字`)).default(''),
            specialty: singleLineText(z.string().trim().max(ROSTER_LIMITS.specialty, `专业不能超过 ${ROSTER_LIMITS.specialty} 个字`)).default(''),
            employer: singleLineText(z.string().trim().max(ROSTER_LIMITS.employer, `工作单位不能超过 ${ROSTER_LIMITS.employer} 个字`)).default(''),
            leader: z.boolean().default(false),
          })
          .strict(),
      )
      .max(200),
  })
  .strict();

const packagesSaveRequest = z
  .object({ meetingId, actor: actorSchema, packageIds: z.array(z.number().int().positive()).max(1000) })
  .strict();

/**
 * The operator may be left out: an expert laptop imports the meeting file before anyone on it
 * has a name in the roster, and the file itself says everything the import needs.
 */
const meetingFileImportRequest = z.object({ actor: actorSchema.optional(), source: fileSourceSchema }).strict();

export const meetingSetupChannels = {
  'meeting-setup': channel<MeetingSetup>()(meetingRequest),
  'meeting-settings-save': channel<MeetingSetup>()(settingsSaveRequest),
  'meeting-roster-save': channel<MeetingSetup>()(rosterSaveRequest),
  /** The package version each alliance is reviewed with (one per alliance, of the meeting's year). */
  'meeting-packages-save': channel<MeetingSetup>()(packagesSaveRequest),
  /** Writes `<folder>/<meeting name>.meeting.zip` atomically; refuses to overwrite. */
  'meeting-file-export': channel<MeetingFileExport>()(folderRequest),
  /** Starts importing a meeting file; poll `job-status`, then ask `meeting-file-import-outcome`. */
  'meeting-file-import': channel<{ readonly jobId: string }>()(meetingFileImportRequest),
  'meeting-file-import-outcome': channel<MeetingFileImportOutcome>()(jobRequest),
} as const;
