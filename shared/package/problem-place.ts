/**
 * Problem place in words: where in a package a problem is, as the clerk and the experts name
 * it (the criterion's label, the item's number and title, the indicator, the 自查表 row, the
 * file), instead of the manifest path a package author works with
 * (`claims.I4.techContracts.items[2].evidence`).
 *
 * - place: a manifest path, a workbook cell with that path in brackets (`自查表!C12（claims.…）`),
 *   a workbook cell alone (`联盟工作任务!H5`), an indicator id (`I4`), or a file of the package
 *   (`证明材料/合同.pdf`), which is its own name.
 * - header field: a manifest field outside `claims` (`alliance.contact.phone`), named as the
 *   自查表's 联盟信息 sheet names it.
 */
import { indexRubric } from '../rubric/rubric-index.ts';
import type { Rubric } from '../rubric/types.ts';

const headerWords: Readonly<Record<string, string>> = {
  format: '包的格式标识',
  version: '包的格式版本',
  year: '考核年度',
  rubric: '评分细则',
  alliance: '联盟信息',
  'alliance.id': '联盟信息 · 联盟编号',
  'alliance.name': '联盟信息 · 联盟全称',
  'alliance.kind': '联盟信息 · 联盟类型',
  'alliance.leadOrganization': '联盟信息 · 牵头单位',
  'alliance.contact': '联盟信息 · 联系人',
  'alliance.contact.name': '联盟信息 · 联系人姓名',
  'alliance.contact.phone': '联盟信息 · 联系电话',
  selfReport: '自查报告',
  claims: '申报内容',
};

/** `联盟工作任务!G6` as the clerk finds it in Excel: the sheet, the row, the column. */
function cellInWords(cell: string): string {
  const match = /^(.+)!([A-Z]+)(\d+)$/u.exec(cell);
  if (match === null) return `自查表 ${cell}`;
  return `自查表“${match[1]}”表第 ${match[3]} 行 ${match[2]} 列`;
}

/**
 * The place in words, or `path` itself when it is already a file's name (or nothing better is
 * known). Without the rubric (a package whose rubric is unknown) claims keep their ids.
 */
export function placeInWords(path: string, rubric: Rubric | null, claims: unknown): string {
  const bracket = /^(.+?)（(.+)）$/u.exec(path);
  const cell = bracket?.[1] ?? (/^[^/!]+![A-Z]+\d+$/u.test(path) ? path : undefined);
  const field = bracket?.[2] ?? (cell === undefined ? path : '');
  const where: string[] = [];
  const claim = /^claims\.([A-Za-z0-9]+\.[A-Za-z0-9]+)(?:\.items\[(\d+)\])?/u.exec(field);
  const header = Object.hasOwn(headerWords, field) ? headerWords[field] : undefined;
  if (claim?.[1] !== undefined) {
    const placement = rubric === null ? undefined : indexRubric(rubric).criteria.get(claim[1]);
    if (placement !== undefined) where.push(`${placement.indicator.label} · ${placement.criterion.label}`);
    else where.push(`评分项 ${claim[1]}`);
    if (claim[2] !== undefined) {
      const i = Number(claim[2]);
      const items = (claims as Record<string, { items?: { title?: unknown }[] } | undefined> | null)?.[claim[1]]?.items;
      const title = items?.[i]?.title;
      where.push(typeof title === 'string' && title.trim() !== '' ? `第 ${i + 1} 条“${title}”` : `第 ${i + 1} 条`);
    }
  } else if (header !== undefined) {
    where.push(header);
  } else if (cell === undefined && rubric !== null) {
    const indicator = indexRubric(rubric).indicators.get(path);
    if (indicator !== undefined) return `指标“${indicator.indicator.label}”`;
  }
  const words = where.join(' ');
  if (cell !== undefined) return words === '' ? cellInWords(cell) : `${words}（${cellInWords(cell)}）`;
  return words === '' ? path : words;
}
