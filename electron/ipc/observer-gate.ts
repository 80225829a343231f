/**
 * The observer gate: while 监督查看 is on (electron/chair/panel-record-store.ts), the running
 * program answers only calls that read, and the observer's own; every other call is refused
 * before its handler runs, whichever window or tab sends it. An allow-list, so a channel added
 * later is refused in this mode until someone decides that it only reads.
 */
import type { ChannelName } from '../../shared/api/contract.ts';
import type { ServiceContext } from '../app/context.ts';
import { observerSession } from '../chair/panel-record-store.ts';

export const OBSERVER_ALLOWED: ReadonlySet<ChannelName> = new Set<ChannelName>([
  'app-info',
  'backup-list',
  'meeting-list',
  'meeting-setup',
  'meeting-file-import-outcome',
  'package-list',
  'package-detail',
  'package-search',
  'expert-list',
  'expert-roster-choices',
  'chair-sheet-list',
  'panel-view',
  'panel-drilldown',
  'panel-agreement-history',
  'audit-log',
  'paper-form',
  'paper-sheet-list',
  'paper-entry-get',
  'evidence-preview',
  'evidence-view',
  'evidence-search',
  'evidence-locate',
  'evidence-pdf-skeleton',
  // Calls that write nothing of the meeting: opening evidence in the system's viewer (a copy),
  // putting a file first in the OCR queue (this run's order of work), choosing a folder in a
  // dialog, and printing the blank paper score form (an unsigned draft, no record kept).
  'evidence-open',
  'ocr-put-first',
  'sheet-folder-pick',
  'paper-form-pdf',
  'cross-check-findings',
  'claim-hints',
  'job-status',
  'ocr-progress',
  'sign-in-get',
  'panel-record-view',
  'observer-session',
  'observer-start',
  'observer-note-add',
  'observer-end',
]);

/** The refusal of `channel` now, or null when it may run. */
export function observerRefusal(ctx: ServiceContext, channel: ChannelName): { code: string; message: string } | null {
  const session = observerSession(ctx);
  if (session === null || OBSERVER_ALLOWED.has(channel)) return null;
  return {
    code: 'observer-read-only',
    message: `监督人 ${session.name} 正在监督查看，本机现在只能查看，不能修改任何内容。需要修改时，请先在主任控制台点“结束监督查看”。`,
  };
}
