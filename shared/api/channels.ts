/**
 * The names of the channels between renderer and main, and nothing else.
 *
 * Kept apart from `contract.ts` so that the sandboxed preload can check a channel name
 * without bundling the request schemas. `contract.ts` is checked against this list at
 * compile time, so the two cannot drift apart.
 */
export const channelNames = [
  'app-info',
  'meeting-create',
  'meeting-list',
  'package-list',
  'package-detail',
  'package-import',
  'package-pick',
  'sample-packages-import',
  'job-status',
  'job-cancel',
  'backup-list',
  'backup-create',
  'backup-restore',
  'expert-list',
  'expert-create',
  'expert-hand-signature-set',
  'expert-workspace',
  'review-open',
  'decision-set',
  'override-set',
  'comment-set',
  'review-undo',
  'recusal-set',
  'recusal-clear',
  'evidence-preview',
  'evidence-open',
  'evidence-view',
  'evidence-view-set',
  'sheet-sign',
  'sheet-export-again',
  'sheet-revise',
  'sheet-folder-pick',
  'meeting-setup',
  'meeting-settings-save',
  'meeting-roster-save',
  'meeting-packages-save',
  'meeting-file-export',
  'meeting-file-import',
  'meeting-file-import-outcome',
  'chair-sheet-import',
  'chair-sheet-list',
  'chair-key-decide',
  'panel-view',
  'panel-drilldown',
  'flag-note-save',
  'previous-result-import',
  'panel-finalize',
  'panel-reopen',
  'panel-result-export',
  'audit-log',
  'paper-form',
  'paper-sheet-list',
  'paper-entry-save',
  'paper-entry-get',
  'result-documents-export',
  'result-certificate-import',
] as const;

export type ChannelName = (typeof channelNames)[number];

export function isChannelName(value: unknown): value is ChannelName {
  return typeof value === 'string' && (channelNames as readonly string[]).includes(value);
}
