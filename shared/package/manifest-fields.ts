/**
 * Manifest fields, explained: for every field of manifest.json, what it holds and how it is
 * written, in the words messages use ("应为……"). One table, so a message about `alliance.kind`
 * reads the same wherever it is produced, and docs/package-format.md can say the same.
 *
 * - claim shape: how a claim of one criterion kind is written (`{ "items": [ … ] }`).
 */
import { assertNever } from '../rubric/assert-never.ts';
import type { AllianceKind, Criterion, CriterionKind } from '../rubric/types.ts';
import type { JsonPathSegment } from './json-path.ts';
import { PACKAGE_FORMAT, PACKAGE_FORMAT_VERSION } from './manifest.ts';

export function kindName(kind: CriterionKind): string {
  switch (kind) {
    case 'flag':
      return '是否达到（flag）';
    case 'perItem':
      return '按条目计分（perItem）';
    case 'perPair':
      return '按条目每两项计分（perPair）';
    case 'band':
      return '按条目数量分档（band）';
    case 'tier':
      return '按每项金额分档（tier）';
    case 'judged':
      return '专家评分（judged）';
    default:
      return assertNever(kind);
  }
}

export function claimShape(kind: CriterionKind): string {
  switch (kind) {
    case 'flag':
      return '{ "claimed": true, "evidence": ["…"] }';
    case 'perItem':
    case 'perPair':
    case 'band':
      return '{ "items": [ { "id": "…", "title": "…", "evidence": ["…"] } ] }';
    case 'tier':
      return '{ "items": [ { "id": "…", "title": "…", "amountWan": 52000, "evidence": ["…"] } ] }';
    case 'judged':
      return '{ "value": 2.5, "evidence": ["…"] }';
    default:
      return assertNever(kind);
  }
}

const header: Readonly<Record<string, string>> = {
  format: `格式标识，固定写 "${PACKAGE_FORMAT}"`,
  version: `格式版本，固定写 ${PACKAGE_FORMAT_VERSION}`,
  year: '考核年度，整数（不加引号），如 2026',
  rubric: '评分细则编号（文字），如 "hefei-2017"',
  alliance: '联盟信息，如 { "id": "HFA-012", "name": "…", "kind": "general" }',
  'alliance.id': '联盟编号，1–64 个英文字母、数字、“-”或“_”，如 "HFA-012"',
  'alliance.name': '联盟全称（文字，不能为空）',
  'alliance.kind': '联盟类型："general"（一般联盟）、"incubator"（孵化器、众创空间联盟）或 "finance"（科技金融联盟）',
  'alliance.leadOrganization': '牵头单位名称（文字）',
  'alliance.contact': '联系人，如 { "name": "张三", "phone": "0551-12345678" }',
  'alliance.contact.name': '联系人姓名（文字）',
  'alliance.contact.phone': '联系电话（文字，用英文双引号括起来）',
  selfReport: '自查报告在包里的路径（文字，不能为空），如 "自查报告.pdf"',
  claims: '申报内容：以评分项编号为键的对象，如 { "I1.office": { "claimed": true, "evidence": ["…"] } }',
};

/** What the field at `path` holds; `criterion` is the claim's criterion for paths under `claims`. */
export function fieldHelp(path: readonly JsonPathSegment[], criterion?: Criterion): string {
  if (path[0] !== 'claims' || path.length === 1) {
    return header[path.filter((s) => typeof s === 'string').join('.')] ?? '本格式规定的写法';
  }
  const rest = path.slice(2).map((s) => (typeof s === 'number' ? '*' : s));
  const field = rest.join('.');
  if (criterion === undefined) return '本格式规定的写法';
  if (field === '') return `${kindName(criterion.kind)}评分项的申报，写法 ${claimShape(criterion.kind)}`;
  switch (field) {
    case 'claimed':
      return '是否申报：true 或 false（不加引号）';
    case 'note':
    case 'items.*.note':
      return '说明（文字）';
    case 'evidence':
    case 'items.*.evidence':
      return '证明材料路径的列表，如 ["证明材料/合同1.pdf"]；没有材料写 []';
    case 'evidence.*':
    case 'items.*.evidence.*':
      return '证明材料在包里的路径（文字），如 "证明材料/合同1.pdf"';
    case 'items':
      return `条目列表，写法 ${claimShape(criterion.kind)}`;
    case 'items.*':
      return `一个条目 ${criterion.kind === 'tier' ? '{ "id", "title", "amountWan", "date"?, "note"?, "evidence" }' : '{ "id", "title", "date"?, "note"?, "evidence" }'}`;
    case 'items.*.id':
      return '条目编号（文字，在本评分项内不重复），如 "tc-1"';
    case 'items.*.title':
      return '条目名称（文字，不能为空）';
    case 'items.*.date':
      return '日期（文字），格式 YYYY-MM-DD，如 "2026-05-12"';
    case 'items.*.amountWan':
      return '金额（万元），大于 0 的数字（不加引号），如 52000';
    case 'value':
      return criterion.kind === 'judged'
        ? `自评分：0 到 ${criterion.max} 之间的数字（不加引号），最多一位小数`
        : '本格式规定的写法';
    default:
      return '本格式规定的写法';
  }
}

/**
 * The name of each alliance kind, wherever a person reads it (screens, warnings, documents): the
 * bureau's own words for the two special kinds (孵化器、众创空间联盟, 科技金融联盟), and 一般联盟, the
 * name the package format and the 自查表's list give the others.
 */
export const allianceKindWords: Readonly<Record<AllianceKind, string>> = {
  general: '一般联盟',
  incubator: '孵化器、众创空间联盟',
  finance: '科技金融联盟',
};

/** The kind's name with its key, for whoever writes a manifest (`validate`'s lines). */
export function allianceKindName(kind: AllianceKind): string {
  switch (kind) {
    case 'general':
      return '一般联盟（general）';
    case 'incubator':
      return '孵化器、众创空间联盟（incubator）';
    case 'finance':
      return '科技金融联盟（finance）';
    default:
      return assertNever(kind);
  }
}
