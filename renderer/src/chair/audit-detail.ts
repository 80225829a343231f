/**
 * An audit entry's detail in the chair's words: `汇总方法：平均分 · 计入结果：否（密钥待核对）`, not
 * the stored JSON's keys and codes (`method: mean · counts: false`). The entry itself is kept as
 * stored (its hash depends on it); only its display is worded here. A key this table does not
 * know is shown by its value alone, so nothing recorded is hidden.
 */
import { chinaDateTime } from '../../../shared/meeting/china-time.ts';
import { REOPEN_GROUND_LABELS, isReopenGround } from '../../../shared/panel/reopen-grounds.ts';
import { findingKindNames, type FindingKind } from '../../../shared/integrity/finding.ts';
import { flagLabel } from './flag-labels.ts';

const labels: Readonly<Record<string, string>> = {
  file: '文件',
  contentSha256: '内容摘要',
  outcome: '结果',
  roster: '专家名册',
  packages: '材料包',
  method: '汇总方法',
  deviationThreshold: '偏离阈值（分）',
  budgetYuan: '奖励预算（元）',
  rubric: '评分细则',
  before: '修改前',
  year: '年度',
  sha256: '文件摘要',
  alliances: '联盟数',
  failed: '不合格联盟',
  resultSha256: '结果摘要',
  excellent: '优秀联盟',
  auditHead: '日志链头',
  lockedAt: '定稿时间',
  lockedBy: '定稿人',
  reason: '理由',
  expert: '专家编号',
  name: '姓名',
  fingerprint: '密钥指纹',
  readOut: '核对方式',
  signedAt: '签名时间',
  sheetSha256: '评分表摘要',
  counts: '计入结果',
  enteredBy: '第一次录入人',
  confirmedBy: '第二次录入人',
  signedOn: '签字日期',
  alliance: '联盟',
  kind: '标记类型',
  indicator: '指标',
  flag: '标记内容',
  note: '说明',
  outlierPercent: '畸高畸低阈值（占满分 %）',
  criterion: '评分项',
  item: '条目',
  decisions: '各专家判断',
  score: '评分',
  othersMean: '其他专家平均分',
  explanation: '专家说明',
  ground: '法定事由',
  identifier: '编号',
  finding: '核查发现',
  allianceName: '联盟名称',
  conclusion: '专家组结论',
  observer: '监督人',
  missing: '需补正的材料',
  dueOn: '补正期限',
};

const methods: Readonly<Record<string, string>> = { mean: '平均分', trimmed: '去掉一个最高分和一个最低分后平均' };
const outcomes: Readonly<Record<string, string>> = { created: '新建会议', updated: '更新会议', unchanged: '与本机一致，未改动' };

function valueText(key: string, value: string | number | boolean): string {
  if (key === 'method' && typeof value === 'string') return methods[value] ?? value;
  if (key === 'outcome' && typeof value === 'string') return outcomes[value] ?? value;
  if (key === 'kind' && typeof value === 'string') return Object.prototype.hasOwnProperty.call(findingKindNames, value) ? findingKindNames[value as FindingKind] : flagLabel(value);
  if (key === 'ground' && typeof value === 'string') return isReopenGround(value) ? REOPEN_GROUND_LABELS[value] : value;
  if (key === 'counts') return value === true ? '是' : '否（专家密钥指纹尚待核对）';
  if ((key === 'signedAt' || key === 'lockedAt') && typeof value === 'string') return chinaDateTime(value);
  // A digest is shown by its first 12 digits: enough to compare with a document's, short enough to read.
  if (/sha256$/i.test(key) && typeof value === 'string' && /^[0-9a-f]{64}$/.test(value)) return `${value.slice(0, 12)}…`;
  if (typeof value === 'boolean') return value ? '是' : '否';
  return String(value);
}

export function auditDetailText(json: string): string {
  let detail: unknown;
  try {
    detail = JSON.parse(json);
  } catch {
    return json;
  }
  if (detail === null || typeof detail !== 'object' || Array.isArray(detail)) return json;
  return Object.entries(detail as Record<string, unknown>)
    .filter((entry): entry is [string, string | number | boolean] => ['string', 'number', 'boolean'].includes(typeof entry[1]) && entry[1] !== '')
    .map(([key, value]) => {
      const label = labels[key];
      return label === undefined ? valueText(key, value) : `${label}：${valueText(key, value)}`;
    })
    .join(' · ');
}
