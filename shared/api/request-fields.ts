/**
 * Request fields the channels of several domains share, so the same field is checked the same
 * way whichever screen sends it.
 *
 * - actor: the name the operator typed at the top of the console. The app has no accounts; the
 *   name is what the audit log records as who acted (docs/meeting-procedure.md).
 * - expert id: the profile's row id on this laptop (`ExpertProfile.id`), not the roster id.
 */
import { z } from 'zod';
import { singleLineText } from '../format/safe-text-schema.ts';

/** The request of a channel that takes nothing. */
export const emptyRequest = z.object({}).strict();

export const meetingId = z.number().int().positive();
export const expertId = z.number().int().positive();
export const packageId = z.number().int().positive();

export const actorSchema = singleLineText(z.string().trim().min(1, '请先在页面顶部填写操作人姓名').max(100, '操作人姓名不能超过 100 个字'));

/** The request of a channel about one meeting. */
export const meetingRequest = z.object({ meetingId }).strict();

/** The request of a channel that writes a meeting's files into a folder the clerk typed or picked. */
export const folderRequest = z.object({ meetingId, folder: z.string().trim().min(1, '请填写保存到的文件夹').max(4096) }).strict();

/** The request of a channel about one background job. */
export const jobRequest = z.object({ jobId: z.string().min(1).max(100) }).strict();
