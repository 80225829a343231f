/**
 * Audit entry: one line of the meeting's audit log (审计日志), the record of every action that
 * changes a result: who did what, when.
 *
 * - entry: `seq` (1, 2, 3, … with no gaps), the meeting, the time, the actor (the name the
 *   operator typed: the app has no accounts, so this says who claimed to act, like a signature
 *   in a paper register), the action and its detail (a JSON object).
 * - chain: each entry's `hash` is the SHA-256 of `prevHash + "\n" + entry text`, where the entry
 *   text is the RFC 8785 (JCS) text of `{ seq, meetingId, at, actor, action, detail }` and
 *   `prevHash` is the hash of the entry before (64 zeros before the first). Editing an entry
 *   changes its hash; deleting one breaks the link of the next; both are found by walking the
 *   chain. Removing the last entries leaves a shorter valid chain, so the records that actions
 *   leave behind name their entry's `seq`, and a record naming a missing entry is reported too.
 *
 * Hashing needs node:crypto (electron/audit/); this module fixes the text and the vocabulary.
 */
import { canonicalJson } from '../format/canonical-json.ts';

export const GENESIS_HASH = '0'.repeat(64);

export const AUDIT_ACTIONS = [
  'meeting-file-import',
  'settings-change',
  'roster-change',
  'packages-change',
  'sheet-import',
  'sheet-supersede',
  'key-confirm',
  'key-reject',
  'paper-agree',
  'previous-import',
  'flag-note',
  'cross-check-note',
  'difference-standing',
  'outlier-explanation',
  'pledge-record',
  'previous-none',
  'clarification-request',
  'lock',
  'reopen',
  'panel-conclusion',
  'observer-start',
  'observer-note',
  'observer-end',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_ACTION_LABELS: Readonly<Record<AuditAction, string>> = {
  'meeting-file-import': '导入会议包',
  'settings-change': '修改会议设置',
  'roster-change': '修改专家名册',
  'packages-change': '修改会议材料包',
  'sheet-import': '导入评分表',
  'sheet-supersede': '导入新评分表（取代旧表）',
  'key-confirm': '确认专家密钥指纹',
  'key-reject': '拒绝专家密钥',
  'paper-agree': '纸质评分表双人录入一致',
  'previous-import': '导入上一年度结果',
  'flag-note': '标记说明',
  'cross-check-note': '材料核查批注',
  'difference-standing': '记录客观分歧维持的理由',
  'outlier-explanation': '登记畸高畸低评分的说明',
  'pledge-record': '登记专家签字承诺书',
  'previous-none': '确认没有上一年度结果',
  'clarification-request': '要求联盟补正材料',
  lock: '定稿（锁定结果）',
  reopen: '重新开启',
  'panel-conclusion': '专家组结论',
  'observer-start': '进入监督查看',
  'observer-note': '监督意见',
  'observer-end': '结束监督查看',
};

export type AuditDetail = Readonly<Record<string, string | number | boolean | null>>;

export interface AuditEntryContent {
  readonly seq: number;
  readonly meetingId: number;
  /** ISO 8601, UTC. */
  readonly at: string;
  readonly actor: string;
  readonly action: AuditAction;
  readonly detail: AuditDetail;
}

export interface AuditEntry extends AuditEntryContent {
  readonly prevHash: string;
  readonly hash: string;
}

/** The text an entry's hash covers, after the previous hash and a line feed. */
export function auditHashText(prevHash: string, entry: AuditEntryContent): string {
  const content = {
    seq: entry.seq,
    meetingId: entry.meetingId,
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    detail: entry.detail,
  };
  return `${prevHash}\n${canonicalJson(content)}`;
}

export function isAuditAction(value: string): value is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(value);
}
