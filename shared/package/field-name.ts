/**
 * Field names: a place in manifest.json in the clerk's words (`第 2 项（tc-2）的编号`), for
 * messages about what a value holds rather than how it is written. The JSON path stays in the
 * problem's `path`; this is what its message says. Text from the manifest shown here is
 * escaped (text-safety.ts), so a name quoted in a message cannot itself hold what is refused.
 */
import { escapeForTerminal } from '../format/text-safety.ts';
import { formatJsonPath, type JsonPathSegment } from './json-path.ts';

const HEADER_NAMES: Readonly<Record<string, string>> = {
  format: '格式标识 format',
  rubric: '评分细则编号 rubric',
  selfReport: '自查报告路径 selfReport',
  'alliance.id': '联盟编号 alliance.id',
  'alliance.name': '联盟名称 alliance.name',
  'alliance.kind': '联盟类型 alliance.kind',
  'alliance.leadOrganization': '牵头单位 alliance.leadOrganization',
  'alliance.contact.name': '联系人姓名 alliance.contact.name',
  'alliance.contact.phone': '联系电话 alliance.contact.phone',
};

const ITEM_FIELDS: Readonly<Record<string, string>> = {
  id: '编号',
  title: '标题',
  note: '说明',
  date: '日期',
  amountWan: '金额',
  evidence: '证明材料列表',
};

/** The field at `path` in people's words; `root` is the manifest as read, for an item's label. */
export function manifestFieldName(path: readonly JsonPathSegment[], root: unknown, isKey = false): string {
  const show = (segment: JsonPathSegment): string => escapeForTerminal(String(segment));
  if (isKey) {
    const parent = path.slice(0, -1);
    const key = path[path.length - 1] ?? '';
    if (parent.length === 1 && parent[0] === 'claims') return `评分项编号“${show(key)}”`;
    return `${parent.length === 0 ? '' : `${manifestFieldName(parent, root)}里的`}键名“${show(key)}”`;
  }
  if (path[0] !== 'claims' || path.length < 2) {
    return HEADER_NAMES[path.join('.')] ?? `“${escapeForTerminal(formatJsonPath(path))}”`;
  }
  const criterion = `评分项 ${show(path[1] ?? '')}`;
  const rest = path.slice(2);
  if (rest.length === 0) return criterion;
  if (rest[0] === 'items' && typeof rest[1] === 'number') {
    const index = rest[1];
    const field = rest[2];
    const label = itemLabel(root, path.slice(0, 4));
    const item = `${criterion} 第 ${index + 1} 项${label === null ? '' : `（${label}）`}`;
    if (field === undefined) return item;
    if (field === 'evidence' && typeof rest[3] === 'number') return `${item}的第 ${rest[3] + 1} 个证明材料路径`;
    return `${item}的${ITEM_FIELDS[String(field)] ?? show(field)}`;
  }
  if (rest[0] === 'evidence' && typeof rest[1] === 'number') return `${criterion} 的第 ${rest[1] + 1} 个证明材料路径`;
  if (rest[0] === 'note') return `${criterion} 的说明`;
  return `“${escapeForTerminal(formatJsonPath(path))}”`;
}

/** An item's id (escaped, so a refused character in it shows where it is), else its title; or null. */
function itemLabel(root: unknown, itemPath: readonly JsonPathSegment[]): string | null {
  let item: unknown = root;
  for (const segment of itemPath) {
    if (item === null || typeof item !== 'object' || !Object.prototype.hasOwnProperty.call(item, segment)) return null;
    item = (item as Record<string | number, unknown>)[segment];
  }
  if (item === null || typeof item !== 'object') return null;
  const record = item as Record<string, unknown>;
  for (const key of ['id', 'title']) {
    const value = record[key];
    if (typeof value !== 'string' || value.trim() === '') continue;
    const shown = escapeForTerminal(value);
    return shown.length > 30 ? `${shown.slice(0, 29)}…` : shown;
  }
  return null;
}
