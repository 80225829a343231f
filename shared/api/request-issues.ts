/**
 * A refused request in a person's words: the fields a screen sent, named as the screen names
 * them (操作人, 奖励预算, 专家名单第 3 行的编号), never as the request's field paths
 * (`actor`, `budgetYuan`, `experts.2.id`). The paths stay in the log.
 *
 * A request is made by a screen, so a refusal usually means a field the person typed is not
 * acceptable; the message says which and ends by saying what to do.
 */
import type { z } from 'zod';

/** Request fields by their names on the screens. */
const fieldLabels: Readonly<Record<string, string>> = {
  actor: '操作人',
  budgetYuan: '奖励预算',
  deviationThreshold: '偏离阈值',
  method: '汇总方法',
  rubricId: '评分细则',
  experts: '专家名单',
  id: '编号',
  rosterId: '专家编号',
  name: '名称',
  year: '年度',
  folder: '保存到的文件夹',
  folders: '文件夹',
  packageIds: '材料包',
  packageId: '材料包',
  comment: '意见',
  note: '备注',
  reason: '理由',
  score: '分数',
  value: '分值',
  decision: '评定',
  decisions: '评定',
  override: '改判',
  overrides: '改判',
  passphrase: '密码',
  password: '密码',
  signedOn: '签字日期',
  readOut: '核对方式',
  entryNo: '录入次数',
  handSignature: '手写签名',
  recused: '回避',
  reviews: '评审',
  source: '文件',
  sources: '文件',
  path: '文件',
  rotation: '旋转角度',
  itemId: '申报项',
  indicatorId: '指标',
  flagKey: '标记',
  allianceId: '联盟编号',
};

/** Array fields whose entries are rows on the screen (专家名单第 3 行). */
const rowLists = new Set(['experts']);

/** `experts.2.id` → 专家名单第 3 行的编号; a path with no known name → null. */
export function fieldLabel(path: readonly PropertyKey[]): string | null {
  const parts: string[] = [];
  for (let i = 0; i < path.length; i += 1) {
    const key = path[i];
    if (typeof key === 'number') {
      const list = path[i - 1];
      parts.push(typeof list === 'string' && rowLists.has(list) ? `第 ${key + 1} 行` : `第 ${key + 1} 项`);
      continue;
    }
    const label = typeof key === 'string' ? fieldLabels[key] : undefined;
    if (label === undefined) return null;
    parts.push(parts.length > 0 && typeof path[i - 1] === 'number' ? `的${label}` : label);
  }
  return parts.length === 0 ? null : parts.join('');
}

/** The refusal's message: each problem once, its field named unless the problem already names it. */
export function describeRequestIssues(issues: readonly z.core.$ZodIssue[]): string {
  const lines: string[] = [];
  for (const issue of issues.slice(0, 5)) {
    const label = fieldLabel(issue.path);
    const line =
      label === null ? (issue.path.length === 0 ? issue.message : `有一项内容${issue.message}`) : issue.message.includes(label) ? issue.message : `${label}：${issue.message}`;
    if (!lines.includes(line)) lines.push(line);
  }
  const more = issues.length > 5 ? `（另有 ${issues.length - 5} 处）` : '';
  return `${lines.join('；')}${more}。请改正后再试。`;
}
