/**
 * Places in a meeting file (会议包), named as the person importing it would name them: the
 * roster line and the expert, the alliance and its package, the file inside a package, rather
 * than a field path (`experts.2.id`) or a zip entry name (`packages/HFA-002/…`).
 *
 * - field path: where zod found a problem in `meeting.json`, as its list of keys and indexes.
 * - entry name: a file's name inside the zip (meeting-file-format.ts: `packages/<alliance>/<path>`).
 */
import { CROSS_CHECK_JSON, MEETING_JSON, OCR_JSON } from './meeting-file-format.ts';
import { rosterLineWords } from './roster.ts';

const topWords: Readonly<Record<string, string>> = {
  format: '格式名（format）',
  version: '格式版本（version）',
  uid: '会议编号（uid）',
  name: '会议名称',
  year: '年度',
  rubric: '评分细则',
  settings: '会议设置',
  experts: '专家名册',
  packages: '材料包清单',
  ocr: `文字识别结果（${OCR_JSON}）的清单项`,
  crossCheck: `材料核查提示（${CROSS_CHECK_JSON}）的清单项`,
  exportedAt: '导出时间',
  contentSha256: '校验值（contentSha256）',
};

const settingWords: Readonly<Record<string, string>> = { method: '汇总方法', deviationThreshold: '偏离阈值', budgetYuan: '奖励预算' };
const expertWords: Readonly<Record<string, string>> = { id: '编号', name: '姓名', title: '职称', specialty: '专业', employer: '工作单位', leader: '组长标记' };
const packageWords: Readonly<Record<string, string>> = { allianceId: '联盟编号', allianceName: '联盟名称', digest: '摘要', files: '文件清单' };
const fileWords: Readonly<Record<string, string>> = { path: '文件名', sha256: 'SHA-256', size: '大小' };

function record(value: unknown): Readonly<Record<string, unknown>> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/** A name read from the file to say which line it is, or null when it cannot be shown as it is. */
function text(value: unknown): string | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  // A lone surrogate (shared's lib has no isWellFormed) cannot be shown either.
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(value)) return null;
  // eslint-disable-next-line no-control-regex -- a name with control characters is the problem, not a way to name its line
  if (/[\u0000-\u001f\u007f]/u.test(value)) return null;
  return value.trim().slice(0, 60);
}

/**
 * An alliance in words: `联盟 HFA-002（庐阳新材料联盟）`, from whatever of it is known. Without a
 * name it ends in a space, so the Chinese written after it stays apart from the id.
 */
export function allianceWords(allianceId: string, allianceName: string | null): string {
  return allianceName === null || allianceName === '' ? `联盟 ${allianceId} ` : `联盟 ${allianceId}（${allianceName}）`;
}

function packageWordsAt(index: number, pkg: Readonly<Record<string, unknown>> | null): string {
  const id = text(pkg?.['allianceId']);
  return id === null ? `材料包清单第 ${index + 1} 项` : `${allianceWords(id, text(pkg?.['allianceName']))}的材料包`;
}

/**
 * Where a field path of `meeting.json` points, in words: `专家名册第 3 行（李华）的编号`,
 * `联盟 HFA-002（…）的材料包的文件清单第 4 项（证明材料/a.pdf）的 SHA-256`. `raw` is the parsed
 * description, read only to name the line or the alliance.
 */
export function meetingFieldPlace(path: readonly PropertyKey[], raw: unknown): string {
  const [top, ...rest] = path;
  if (top === undefined) return `会议说明（${MEETING_JSON}）`;
  const key = String(top);
  const root = record(raw);
  const words = topWords[key] ?? `未知的字段“${key}”`;
  if (key === 'settings' && rest[0] !== undefined) return `会议设置的${settingWords[String(rest[0])] ?? `“${String(rest[0])}”`}`;
  if (key === 'experts' && typeof rest[0] === 'number') {
    const list = Array.isArray(root?.['experts']) ? (root['experts'] as unknown[]) : [];
    const entry = record(list[rest[0]]);
    const line = `专家名册${rosterLineWords(rest[0], { name: text(entry?.['name']) ?? '', id: text(entry?.['id']) ?? '编号不明' })}`;
    return rest[1] === undefined ? line : `${line}的${expertWords[String(rest[1])] ?? `“${String(rest[1])}”`}`;
  }
  if (key === 'packages' && typeof rest[0] === 'number') {
    const list = Array.isArray(root?.['packages']) ? (root['packages'] as unknown[]) : [];
    const pkg = record(list[rest[0]]);
    const where = packageWordsAt(rest[0], pkg);
    const field = rest[1];
    if (field === undefined) return where;
    if (String(field) === 'files' && typeof rest[2] === 'number') {
      const files = Array.isArray(pkg?.['files']) ? (pkg['files'] as unknown[]) : [];
      const name = text(record(files[rest[2]])?.['path']);
      const item = `${where}的文件清单第 ${rest[2] + 1} 项${name === null ? '' : `（${name}）`}`;
      const fileField = fileWords[String(rest[3])] ?? `“${String(rest[3])}”`;
      // Latin words (SHA-256) are set off from the Chinese before them.
      return rest[3] === undefined ? item : `${item}的${/^[A-Za-z]/u.test(fileField) ? ' ' : ''}${fileField}`;
    }
    return `${where}的${packageWords[String(field)] ?? `“${String(field)}”`}`;
  }
  return words;
}

/**
 * A file inside the meeting file, in words: `联盟 HFA-002（…）材料包中的文件“证明材料/a.pdf”`,
 * `会议说明（meeting.json）`. `names` gives each alliance's name where it is known.
 */
export function meetingEntryPlace(entryName: string, names: ReadonlyMap<string, string>): string {
  if (entryName === MEETING_JSON) return `会议说明（${MEETING_JSON}）`;
  if (entryName === OCR_JSON) return `文字识别结果（${OCR_JSON}）`;
  if (entryName === CROSS_CHECK_JSON) return `材料核查提示（${CROSS_CHECK_JSON}）`;
  const match = /^packages\/([^/]+)\/(.+)$/u.exec(entryName);
  if (match?.[1] !== undefined && match[2] !== undefined) return `${allianceWords(match[1], names.get(match[1]) ?? null)}材料包中的文件“${match[2]}”`;
  return `文件“${entryName}”`;
}
