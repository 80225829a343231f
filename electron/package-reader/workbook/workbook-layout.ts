/**
 * Workbook layout: the shape of the self-check workbook (自查表.xlsx), shared by the writer
 * (build-template.ts) and the reader (workbook-to-manifest.ts) so the two cannot drift apart.
 *
 * - self-check workbook: an Excel file an alliance fills instead of writing manifest.json; the
 *   program turns it into exactly the manifest object it stands for.
 * - info sheet (联盟信息): one row per manifest field outside `claims`, found by its English key
 *   in the key column, the value beside it.
 * - group sheet: one sheet per rubric group (制度建设, 联盟工作任务, 加分项), named by the
 *   group's label. Two header rows (Chinese, then the English column key); the reader finds
 *   columns by key, so a column moved or inserted by hand does not break it.
 * - indicator row: column `criterion` holds the indicator id (`I4`); read as a heading only.
 * - criterion row: column `criterion` holds a criterion id. A flag or judged criterion is
 *   claimed on its own row; a list criterion's row heads a block of item rows below it.
 * - item row: one item of a list claim (a contract, an event, a new member). Its criterion is
 *   the id in its `criterion` cell or, when that is empty (a row inserted by hand), the nearest
 *   criterion id above it.
 */
import type { AllianceKind, CriterionKind } from '../../../shared/rubric/types.ts';

/** Marks a workbook as ours; kept in the very hidden sheet `_meta`. */
export const WORKBOOK_FORMAT = 'alliance-review/workbook';
export const WORKBOOK_VERSION = 1;

/** The name the package reader looks for at the package root (see find-workbook.ts). */
export const WORKBOOK_FILE_NAME = '自查表.xlsx';

export const SHEET_GUIDE = '说明';
export const SHEET_INFO = '联盟信息';
export const SHEET_META = '_meta';

/* ------------------------------------------------------------------------------------------
 * 联盟信息
 * ---------------------------------------------------------------------------------------- */

export const INFO_COLUMNS = { label: 1, key: 2, value: 3, hint: 4 } as const;
export const INFO_HEADER = ['项目 item', '键 key', '填写内容 value', '填写说明 hint'] as const;

/** Keys are the manifest paths they fill. */
export type InfoKey =
  | 'year'
  | 'rubric'
  | 'alliance.id'
  | 'alliance.name'
  | 'alliance.kind'
  | 'alliance.leadOrganization'
  | 'alliance.contact.name'
  | 'alliance.contact.phone'
  | 'selfReport';

export interface InfoField {
  readonly key: InfoKey;
  readonly label: string;
  readonly hint: string;
}

export const INFO_FIELDS: readonly InfoField[] = [
  { key: 'year', label: '考核年度', hint: '四位数字，如 2026' },
  { key: 'rubric', label: '评分细则', hint: '已预填，请勿修改' },
  { key: 'alliance.id', label: '联盟编号', hint: '市科技局给出的编号，如 HFA-012（字母、数字、- 或 _，至多 64 个字符）' },
  { key: 'alliance.name', label: '联盟名称', hint: '全称，如 合肥市智能语音产业技术创新战略联盟' },
  { key: 'alliance.kind', label: '联盟类型', hint: '从下拉列表中选择' },
  { key: 'alliance.leadOrganization', label: '牵头单位', hint: '全称' },
  { key: 'alliance.contact.name', label: '联系人', hint: '' },
  { key: 'alliance.contact.phone', label: '联系电话', hint: '' },
  { key: 'selfReport', label: '自查报告文件', hint: '自查报告在材料包中的路径，如 自查报告.pdf' },
];

/** Dropdown entries for `alliance.kind`: Chinese, a space, then the key the manifest holds. */
export const KIND_CHOICES: Readonly<Record<AllianceKind, string>> = {
  general: '一般联盟 general',
  incubator: '孵化器、众创空间联盟 incubator',
  finance: '科技金融联盟 finance',
};

/* ------------------------------------------------------------------------------------------
 * Group sheets
 * ---------------------------------------------------------------------------------------- */

export type ColumnKey =
  | 'criterion'
  | 'label'
  | 'rule'
  | 'claimed'
  | 'value'
  | 'itemId'
  | 'title'
  | 'date'
  | 'amountWan'
  | 'note'
  | 'evidence';

export interface GroupColumn {
  readonly key: ColumnKey;
  readonly header: string;
  readonly width: number;
  /** Shown as a note on the header cell. */
  readonly help: string;
}

/** In sheet order; column n (1-based) is `GROUP_COLUMNS[n - 1]` in a fresh template. */
export const GROUP_COLUMNS: readonly GroupColumn[] = [
  { key: 'criterion', header: '评分项编号', width: 18, help: '评分项的编号，请勿修改。插入的新行此列可留空：程序把它归入上方最近的评分项。' },
  { key: 'label', header: '评分项', width: 24, help: '评分项名称（只读）。' },
  { key: 'rule', header: '评分标准', width: 34, help: '考核内容及评分细则原文（专家评审时看到的文字）。' },
  { key: 'claimed', header: '是否申报', width: 10, help: '“是/否”类评分项：选择 是 或 否。不申报可留空。' },
  { key: 'value', header: '自评分', width: 9, help: '专家评分类评分项（白皮书）：0 至满分，最多一位小数。只计入自评分。' },
  { key: 'itemId', header: '事项编号', width: 11, help: '可留空：程序按行号编号（如 row-25）。如填写，同一评分项内不得重复。' },
  { key: 'title', header: '事项名称', width: 30, help: '逐项计分的评分项：每行一项（一份合同、一次活动、一家新成员……）。' },
  { key: 'date', header: '日期', width: 12, help: '事项日期，如 2026-05-12，应在考核年度内。' },
  { key: 'amountWan', header: '金额（万元）', width: 12, help: '仅“招引重大项目”填写：项目投资额，单位万元（5亿元 = 50000）。' },
  { key: 'note', header: '说明', width: 24, help: '补充说明，如登记号、合作方。' },
  { key: 'evidence', header: '证明材料路径', width: 40, help: '相对于材料包根目录的路径，用 / 分隔，如 证明材料/成果转化/技术合同1.pdf。多个文件用分号 ; 分隔。证明在 PDF 的某一页时写页码，如 证明材料/合同汇编.pdf 第3页。' },
];

export const HEADER_ROWS = 2;
/** Row of the English column keys; the Chinese headers are on the row above. */
export const KEY_ROW = 2;

/** Which input columns a row of each criterion kind uses; anything else in them is ignored. */
export function inputColumnsFor(kind: CriterionKind): readonly ColumnKey[] {
  switch (kind) {
    case 'flag':
      return ['claimed', 'note', 'evidence'];
    case 'judged':
      return ['value', 'evidence'];
    case 'perItem':
    case 'perPair':
    case 'band':
      return ['itemId', 'title', 'date', 'note', 'evidence'];
    case 'tier':
      return ['itemId', 'title', 'date', 'amountWan', 'note', 'evidence'];
  }
}

/** Every column an alliance types into. */
export const INPUT_COLUMNS: readonly ColumnKey[] = ['claimed', 'value', 'itemId', 'title', 'date', 'amountWan', 'note', 'evidence'];

export const CLAIMED_YES = '是';
export const CLAIMED_NO = '否';

/** Evidence cells hold several paths separated by `;`, `；` or line breaks. */
export const EVIDENCE_SEPARATOR = /[;；\r\n]+/;
