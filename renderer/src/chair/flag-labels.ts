/** Short labels of flag kinds and expert states, in one place for every tab of the console. */
import { flagKindText } from '../../../shared/result/flag-explanation.ts';
import type { PanelExpertView, SheetStatus } from '../../../shared/api/chair-types.ts';

export function flagLabel(kind: string): string {
  return flagKindText(kind, 10).label;
}

export const EXPERT_STATE_LABELS: Readonly<Record<PanelExpertView['state'], string>> = {
  signed: '已签名',
  paper: '纸质录入',
  'awaiting-fingerprint': '待核对指纹',
  'paper-entering': '纸质录入中',
  none: '未交',
};

export const SHEET_STATUS_LABELS: Readonly<Record<SheetStatus, string>> = {
  current: '计入',
  superseded: '已被新表取代',
  'awaiting-fingerprint': '待核对指纹',
  'key-rejected': '密钥已拒绝',
};
