/**
 * Sheet refusal words: what the chair reads when a file they chose is not a sheet that can
 * count, in their words.
 *
 * - chosen file: the file the chair picked or dropped (or found in a chosen folder), named as
 *   they chose it (`张三.sheet.json`, `评分表/E03.sheet.json`), in 「」.
 * - what it is: the file's kind from its first bytes (a PDF, a zip, a Word document, a picture),
 *   or from its JSON (a year's result file, a meeting description), when it is not a sheet.
 * - what to do next: the one step that gets a sheet that counts (choose the .sheet.json the
 *   expert exported; ask the expert to sign and export again; import the meeting file).
 *
 * The stable code and the JSON path stay in the report's `code` and `path`, and the checks' own
 * text (the one `merge` and `verify` print, with its English key words) in `detail`: they are for
 * whoever looks into a refused file later, not for the chair at the meeting.
 */
import type { SheetProblem } from '../../shared/sheet/sheet-problem.ts';

/** The chair's next step whenever the file is not an expert sheet at all. */
const CHOOSE_SHEET = '请选择专家在自己电脑上“签名并导出”得到的评分表文件（文件名以 .sheet.json 结尾）。';
/** The next step whenever the sheet is an expert's but cannot count as it is. */
const SIGN_AGAIN = '请专家在自己的电脑上改正后重新签名并导出评分表，再导入新文件。';

export function quoted(fileName: string): string {
  return `「${fileName}」`;
}

/** The kind of a file from its first bytes, in words ("一个 PDF 文件"); null when it may be text. */
export function fileKindOf(head: Uint8Array): string | null {
  const ascii = String.fromCharCode(...head.subarray(0, 8));
  if (ascii.startsWith('%PDF')) return '一个 PDF 文件';
  if (ascii.startsWith('PK\u0003\u0004') || ascii.startsWith('PK\u0005\u0006')) {
    // Word and Excel files are zips too; their first entry says which.
    const text = new TextDecoder('latin1').decode(head.subarray(0, Math.min(head.length, 2048)));
    if (text.includes('word/')) return '一个 Word 文档';
    if (text.includes('xl/')) return '一个 Excel 表格';
    return '一个 zip 压缩包（可能是材料包或会议包）';
  }
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) return '一个 Word 或 Excel 文档';
  if (head[0] === 0x89 && ascii.startsWith('PNG', 1)) return '一张 PNG 图片';
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return '一张 JPEG 照片';
  if (ascii.startsWith('GIF8')) return '一张 GIF 图片';
  if (ascii.startsWith('Rar!')) return '一个 RAR 压缩文件';
  if (ascii.startsWith('7z\u00bc\u00af')) return '一个 7z 压缩文件';
  if (ascii.startsWith('II*\u0000') || ascii.startsWith('MM\u0000*')) return '一张 TIFF 扫描图';
  return null;
}

/** What a JSON file that is not a sheet is, from its `format` or its shape; null when unknown. */
export function jsonKindOf(json: unknown): string | null {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return null;
  const value = json as Record<string, unknown>;
  const format = typeof value['format'] === 'string' ? value['format'] : '';
  if (format.endsWith('/result')) return '一份年度评审结果文件';
  if (format.includes('meeting')) return '会议包里的会议说明文件';
  if (format.endsWith('/sheet')) return null;
  if ('claims' in value && 'alliance' in value) return '联盟材料包里的申报清单';
  return null;
}

export interface ReadFailure {
  readonly code: string;
  /** The file's first bytes; empty when it could not be read. */
  readonly head: Uint8Array;
  readonly size?: number | undefined;
  /** The parsed JSON, when the file was JSON. */
  readonly json?: unknown;
}

/** The chair's words for a file that could not be read as a sheet at all. */
export function unreadableSheetWords(fileName: string, failure: ReadFailure): string {
  const file = quoted(fileName);
  const kind = fileKindOf(failure.head);
  switch (failure.code) {
    case 'file-unreadable':
      return failure.head.length === 0 && failure.size === undefined
        ? `无法读取${file}（文件可能已被移走，或 U 盘已拔出）。请确认文件还在后重新选择。`
        : `${file}不是一个普通文件，不是专家评分表。${CHOOSE_SHEET}`;
    case 'file-too-large':
      return `${file}${kind === null ? '' : `是${kind}，`}有 ${Math.round((failure.size ?? 0) / 1024 / 1024)} MB，远大于任何评分表，不是专家评分表（.sheet.json）。${CHOOSE_SHEET}`;
    case 'empty':
      return `${file}是空文件（0 字节），不是专家评分表。可能拷贝时没有写完。请从专家的电脑上重新拷贝评分表。`;
    default:
      break;
  }
  if (kind !== null) return `${file}是${kind}，不是专家评分表（.sheet.json）。${CHOOSE_SHEET}`;
  if (failure.code === 'not-utf8') return `${file}不是文本文件，不是专家评分表（.sheet.json）。${CHOOSE_SHEET}`;
  const jsonKind = failure.json === undefined ? null : jsonKindOf(failure.json);
  if (jsonKind !== null) return `${file}是${jsonKind}，不是专家评分表（.sheet.json）。${CHOOSE_SHEET}`;
  return `${file}不是专家评分表（.sheet.json）。${CHOOSE_SHEET}`;
}

/** The chair's words for a file that is JSON but not a complete, unchanged expert sheet. */
export function formatProblemWords(fileName: string, problem: SheetProblem, json: unknown): string {
  const file = quoted(fileName);
  switch (problem.code) {
    case 'not-json':
      return `${file}读不出来：内容不完整或被改动过，不是一份完整的评分表。可能拷贝时没有写完。请从专家的电脑上重新拷贝，或请专家重新导出评分表。`;
    case 'not-a-sheet': {
      const kind = jsonKindOf(json);
      return `${file}${kind === null ? '不是专家评分表' : `是${kind}，不是专家评分表`}（.sheet.json）。${CHOOSE_SHEET}`;
    }
    case 'sheet-wrong-version':
      return `${file}是另一版本的程序导出的评分表，本程序读不了。请在本机安装与专家电脑相同版本的联盟考核评审程序后再导入。`;
    case 'public-key-invalid':
    case 'signature-invalid':
      return `${file}的签名核对不上：评分表在专家签名之后被改动过（哪怕只改了一个字），或签名已损坏，不能计入。请专家在自己的电脑上重新签名并导出评分表，再导入新文件；评分表不能用记事本等程序打开修改。`;
    case 'hand-signature-invalid':
    case 'hand-signature-too-large':
      return `${file}里的手写签名图片无效，评分表不予导入。请专家在自己的电脑上重新手写签名并导出评分表，再导入新文件。`;
    case 'recused-without-reason':
      return `${file}里有一个回避的联盟没有写回避理由，评分表不予导入。${SIGN_AGAIN}`;
    case 'recused-with-decisions':
      return `${file}里有一个声明回避的联盟仍有评分，评分表不予导入。${SIGN_AGAIN}`;
    case 'sign-in-recusal-not-recused':
      return `${file}里专家签到时声明回避的联盟，在评分表中没有回避，评分表不予导入。${SIGN_AGAIN}`;
    default:
      return `${file}不是本程序导出的完整评分表：内容被改动过或不完整，不予导入。请专家在自己的电脑上重新签名并导出评分表，再导入新文件。`;
  }
}

/** The check's own words without the English key words it adds for the docs: "…评审不完整 (incomplete review)" → "…评审不完整". */
function withoutEnglish(message: string): string {
  return message.replace(/\s*\((?=[^()]*[A-Za-z])[^()\u4e00-\u9fff]*\)\s*$/u, '');
}

/** The chair's words for a sheet that does not fit the meeting's packages. */
export function packageProblemWords(
  fileName: string,
  problem: SheetProblem,
  allianceOf: (reviewIndex: number) => { readonly id: string; readonly name: string | null } | null,
  meetingYear: number,
): string {
  const file = quoted(fileName);
  const index = /^reviews\[(\d+)\]/.exec(problem.path)?.[1];
  const alliance = index === undefined ? null : allianceOf(Number(index));
  const named = alliance === null ? '' : alliance.name === null ? `联盟 ${alliance.id}` : `“${alliance.name}”`;
  // The check's text names the alliance by its id first ("联盟 HFA-003：…"); the name replaces it.
  const what = withoutEnglish(problem.message).replace(/^联盟 [^：]+：/u, '');
  switch (problem.code) {
    case 'alliance-without-package':
      return `${file}评了${named}，但本次会议没有这个联盟的材料包。请确认专家导入的是本次会议的会议包；如会议确应包括该联盟，请会务人员在“会议准备”中加入它的材料包。`;
    case 'package-digest-unknown':
      return `${file}对${named}评的是另一版本的材料包，与本次会议的材料包不一致。请专家导入本次会议的会议包，按其中的材料核对后重新签名并导出评分表。`;
    case 'review-incomplete':
      // One line per alliance however many claims are left: the expert's own screen lists them.
      return `${file}对${named}还有没评定的申报项，评审不完整。请专家在自己的电脑上评完（评分页会列出未评定的项）后重新签名并导出评分表。`;
    case 'review-invalid':
      return `${file}对${named}的评定不符合评分规则：${what}。${SIGN_AGAIN}`;
    case 'year-mismatch':
      return `${file}是评另一年度材料包的评分表，本次会议评的是 ${meetingYear} 年度。请选择本次会议的评分表。`;
    case 'rubric-mismatch':
      return `${file}按另一套评分细则评分，与本次会议的评分细则不一致。请专家导入本次会议的会议包后重新评分并导出。`;
    default:
      return `${file}：${what}。${SIGN_AGAIN}`;
  }
}
