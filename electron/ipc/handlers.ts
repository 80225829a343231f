/**
 * The handler table: every channel of the contract, joined from the domains' slices (each
 * slice implements exactly its domain's `shared/api/*-channels.ts`). Typed `HandlerTable`, so
 * a channel without a handler fails to compile. The desktop shell (ipcMain) and the browser
 * shell (HTTP) both dispatch through it.
 */
import { z } from 'zod';
import { isChannelName } from '../../shared/api/channels.ts';
import { contract } from '../../shared/api/contract.ts';
import { describeRequestIssues } from '../../shared/api/request-issues.ts';
import { chineseZodLocale } from '../../shared/api/zod-messages.ts';
import type { Result } from '../../shared/api/result.ts';
import type { ServiceContext } from '../app/context.ts';
import { systemAppError } from '../errors/app-error.ts';
import type { HandlerTable } from './handler.ts';
import { meetingHandlers } from '../meeting/handlers.ts';
import { appHandlers } from '../app/handlers.ts';
import { jobHandlers } from '../jobs/handlers.ts';
import { packageHandlers } from '../package-store/handlers.ts';
import { backupHandlers } from '../backup/handlers.ts';
import { expertHandlers } from '../experts/handlers.ts';
import { reviewHandlers } from '../reviews/handlers.ts';
import { evidenceHandlers } from '../evidence/handlers.ts';
import { sheetHandlers } from '../sheets/handlers.ts';
import { meetingSetupHandlers } from '../meeting/setup-handlers.ts';
import { chairHandlers } from '../chair/handlers.ts';
import { resultDocumentHandlers } from '../chair/result-document-handlers.ts';
import { ocrHandlers } from '../ocr/handlers.ts';
import { integrityHandlers } from '../integrity/handlers.ts';
import { panelRecordHandlers } from '../chair/panel-record-handlers.ts';
import { observerRefusal } from './observer-gate.ts';

// Schema messages reach clerks: let zod word them in Chinese (zod-messages.ts words the
// cases zod's own locale gets wrong).
z.config(chineseZodLocale);

export const handlers: HandlerTable = {
  ...appHandlers,
  ...meetingHandlers,
  ...packageHandlers,
  ...jobHandlers,
  ...backupHandlers,
  ...expertHandlers,
  ...reviewHandlers,
  ...evidenceHandlers,
  ...sheetHandlers,
  ...meetingSetupHandlers,
  ...chairHandlers,
  ...resultDocumentHandlers,
  ...ocrHandlers,
  ...integrityHandlers,
  ...panelRecordHandlers,
};

/** The field paths, for the log: the person's message names fields in their words instead. */
function issuePaths(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(request)'}: ${issue.code}`).join('; ');
}

/**
 * Runs one call: checks the channel, parses the payload with the channel's schema, runs
 * the handler, and turns every outcome into a Result. Never throws.
 */
export async function dispatch(ctx: ServiceContext, channel: unknown, payload: unknown): Promise<Result<unknown>> {
  if (!isChannelName(channel)) {
    return { ok: false, error: { code: 'unknown-channel', message: `未知的调用：${String(channel).slice(0, 80)}` } };
  }
  const parsed = contract[channel].request.safeParse(payload);
  if (!parsed.success) {
    console.warn(`[${channel}] invalid request: ${issuePaths(parsed.error)}`);
    return { ok: false, error: { code: 'invalid-request', message: describeRequestIssues(parsed.error.issues) } };
  }
  const refusal = observerRefusal(ctx, channel);
  if (refusal !== null) return { ok: false, error: refusal };
  try {
    const handler = handlers[channel] as (ctx: ServiceContext, request: unknown) => unknown;
    return { ok: true, value: await handler(ctx, parsed.data) };
  } catch (error) {
    const known = systemAppError(error);
    if (known) return { ok: false, error: known.toApiError() };
    console.error(`[${channel}]`, error);
    return {
      ok: false,
      error: { code: 'internal', message: '程序内部错误，操作未完成。请重试；若仍失败，请把日志交给技术支持。' },
    };
  }
}
