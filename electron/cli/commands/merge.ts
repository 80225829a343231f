/**
 * `alliance-review merge --packages <p…> --sheets <s…> [--paper <f…>] [--method mean|trimmed]
 * [--previous result.json|list.xlsx|list.csv] [--budget yuan] [--deviation points] [--json]`: the chair's merge,
 * stateless (sheets-and-results.md): from the archived packages and signed sheets anyone can
 * recompute the official result.
 *
 * - `--paper`: paper sheet files (`*.paper.json`, written by the chair's console next to the
 *   result) of experts who scored on paper; checked against the packages like sheets and merged
 *   as paper sheets (`fingerprint: "paper"`, a `paper-entered` flag), as the console does.
 * - list option: `--packages` and `--sheets` take every following argument up to the next
 *   option (`--packages a.zip b/ --sheets x.sheet.json y.sheet.json`); they may be repeated.
 * - Output: a Chinese table by default; with `--json` the result file of format 1, byte for
 *   byte the same for the same inputs in any order (alliances and experts in id order).
 * - Refusal: every problem on stderr, one a line, naming the file and where in it; exit 1;
 *   nothing on stdout and no file written. Everything is computed before anything is printed.
 * - `--previous`: last year's result file of any format version, or the bureau's list of grades
 *   (.xlsx, or .csv in UTF-8 or GBK; electron/previous-year/read-previous-file.ts), which names no
 *   year and is taken as the year before the packages' (a note on stderr says so).
 * - `--deviation` (the meeting's deviation threshold, default 10 points) is an addition to
 *   the spec's options, so a meeting that set another threshold can be recomputed too.
 * - `--panel-record FILE`: the signed panel record (专家组记录) exported with the locked result;
 *   verified and refused (exit 1, nothing on stdout) when its signature fails or it belongs to
 *   another year or result than this merge's (electron/chair/panel-record-file.ts).
 * - `--pdf DIR` and `--xlsx FILE` also write the signed result PDFs and the workbook
 *   (electron/cli/merge-documents.ts, with `--meeting`, `--meeting-file`, `--cert` and `--force`).
 */
import { resolve } from 'node:path';
import type { PanelRecordData } from '../../chair/panel-record-file.ts';
import type { ProcedureDocumentsInput } from '../../export/procedure-documents-input.ts';
import { CONSEQUENCE_LABELS } from '../../../shared/panel/consequence.ts';
import type { AllianceResult, PanelMethod } from '../../../shared/panel/types.ts';
import { DEFAULT_DEVIATION_THRESHOLD, PANEL_METHODS } from '../../../shared/panel/types.ts';
import type { MergeProblem } from '../../../shared/result/merge-problem.ts';
import type { VerifiedSheet } from '../../../shared/result/merge-sheets.ts';
import type { PaperSheet } from '../../../shared/result/paper-sheet.ts';
import type { ResultFile } from '../../../shared/result/result-schema.ts';
import { resultText } from '../../../shared/result/result-text.ts';
import { GRADE_LABELS } from '../../../shared/rubric/grade.ts';
import { indicatorsOf } from '../../../shared/rubric/rubric-index.ts';
import type { Grade, Rubric } from '../../../shared/rubric/types.ts';
import { mergeFiles } from '../../sheets/merge-files.ts';
import { exitCode, UsageError, type CliIo, type Command } from '../command.ts';
import { oneLine, shown, term } from '../terminal-text.ts';
import { renderTable } from '../text-table.ts';

export interface MergeArguments {
  readonly packages: readonly string[];
  readonly sheets: readonly string[];
  readonly paper: readonly string[];
  readonly method: PanelMethod;
  readonly previous: string | null;
  readonly budgetYuan: number | null;
  readonly deviationThreshold: number;
  readonly json: boolean;
  readonly pdfDir: string | null;
  readonly xlsxPath: string | null;
  readonly meeting: string | null;
  readonly cert: string | null;
  /** `--meeting-file`: the meeting file whose roster (titles, employers, 组长) the procedure documents print. */
  readonly meetingFile: string | null;
  readonly force: boolean;
  /** `--panel-record FILE`: the signed panel record exported with the locked result. */
  readonly panelRecord: string | null;
}

const LIST_OPTIONS = ['--packages', '--sheets', '--paper'] as const;
/** List options that must be given (`--paper` may be left out). */
const REQUIRED_LISTS = ['--packages', '--sheets'] as const;
const VALUE_OPTIONS = ['--method', '--previous', '--budget', '--deviation', '--pdf', '--xlsx', '--meeting', '--cert', '--meeting-file', '--panel-record'] as const;
const FLAG_OPTIONS = ['--json', '--force'] as const;

type ListOption = (typeof LIST_OPTIONS)[number];
type ValueOption = (typeof VALUE_OPTIONS)[number];

function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}

export function parseMergeArguments(args: readonly string[]): MergeArguments {
  const lists: Record<ListOption, string[]> = { '--packages': [], '--sheets': [], '--paper': [] };
  const seenLists = new Set<ListOption>();
  const values = new Map<ValueOption, string>();
  let json = false;
  let force = false;
  let collecting: ListOption | null = null;

  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (!arg.startsWith('--')) {
      if (collecting === null) throw new UsageError(`多余的参数 unexpected argument：${arg}`);
      lists[collecting].push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg : arg.slice(0, eq);
    const inline = eq === -1 ? undefined : arg.slice(eq + 1);
    collecting = null;
    if (isOneOf(LIST_OPTIONS, name)) {
      seenLists.add(name);
      if (inline !== undefined) lists[name].push(inline);
      collecting = name;
    } else if (isOneOf(VALUE_OPTIONS, name)) {
      if (values.has(name)) throw new UsageError(`${name} 只能给一次 (given twice)`);
      const value = inline ?? args[i + 1];
      if (value === undefined || (inline === undefined && value.startsWith('--'))) {
        throw new UsageError(`${name} 需要一个值 (needs a value)`);
      }
      if (inline === undefined) i += 1;
      values.set(name, value);
    } else if (isOneOf(FLAG_OPTIONS, name) && inline === undefined) {
      if (name === '--json') json = true;
      else force = true;
    } else {
      throw new UsageError(`未知选项 unknown option：${arg}`);
    }
  }

  if (seenLists.has('--paper') && lists['--paper'].length === 0) throw new UsageError('--paper 后面应给出至少一个纸质评分表 paper sheet (*.paper.json)');
  for (const option of REQUIRED_LISTS) {
    if (!seenLists.has(option) || lists[option].length === 0) {
      const what = option === '--packages' ? '材料包 packages' : '评分表 sheets';
      throw new UsageError(`缺少 ${option}：请给出至少一个${what}`);
    }
  }
  if (values.has('--meeting-file') && !values.has('--pdf')) {
    throw new UsageError('--meeting-file 只用于生成 PDF，请同时给出 --pdf 文件夹 (--meeting-file needs --pdf)');
  }
  const method = values.get('--method') ?? 'mean';
  if (!isOneOf(PANEL_METHODS, method)) {
    throw new UsageError(`--method 只能是 mean（平均）或 trimmed（去掉最高最低分），不能是 ${method}`);
  }
  return {
    packages: lists['--packages'],
    sheets: lists['--sheets'],
    paper: lists['--paper'],
    method,
    previous: values.get('--previous') ?? null,
    budgetYuan: parseAmount('--budget', values.get('--budget'), '奖励预算（元）'),
    deviationThreshold: parseAmount('--deviation', values.get('--deviation'), '偏离阈值（分）') ?? DEFAULT_DEVIATION_THRESHOLD,
    json,
    pdfDir: values.get('--pdf') ?? null,
    xlsxPath: values.get('--xlsx') ?? null,
    meeting: values.get('--meeting') ?? null,
    cert: values.get('--cert') ?? null,
    meetingFile: values.get('--meeting-file') ?? null,
    force,
    panelRecord: values.get('--panel-record') ?? null,
  };
}

/** A non-negative decimal number (`1000000`, `12.5`); anything else is a usage mistake. */
function parseAmount(option: string, text: string | undefined, what: string): number | null {
  if (text === undefined) return null;
  if (/^-/.test(text.trim())) throw new UsageError(`${option}：${what}不能为负数 (must not be negative)：${text}`);
  if (!/^\d+(\.\d+)?$/.test(text)) throw new UsageError(`${option}：${what}应为不小于 0 的数字 (a non-negative number)：${text}`);
  const value = Number(text);
  if (!Number.isFinite(value)) throw new UsageError(`${option}：${what}过大 (too large)：${text}`);
  return value;
}

export const mergeCommand: Command = {
  name: 'merge',
  summary: '验证专家评分表并汇总考核结果 verify signed sheets and merge them into the result',
  usage:
    'alliance-review merge --packages <材料包…> --sheets <评分表…> [--paper <纸质评分表.paper.json…>] [--method mean|trimmed] [--previous 上年结果.json|上年等级名单.xlsx|.csv] [--budget 元] [--deviation 分] [--json] [--pdf 文件夹] [--xlsx 文件.xlsx] [--meeting 会议名称] [--meeting-file 会议包.meeting.zip] [--cert 证书.p12] [--force] [--panel-record 专家组记录.panel.json]',
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const options = parseMergeArguments(args);
    const outcome = await mergeFiles({
      cwd: io.cwd,
      packages: options.packages,
      sheets: options.sheets,
      paper: options.paper,
      previous: options.previous,
      method: options.method,
      deviationThreshold: options.deviationThreshold,
      budgetYuan: options.budgetYuan,
    });
    if (!outcome.ok) {
      for (const problem of outcome.problems) io.err(`${problemLine(problem)}\n`);
      io.err(`✗ 未汇总 merge refused：${outcome.problems.length} 个问题，未输出任何结果。请按以上提示处理后重新汇总。\n`);
      return exitCode.invalid;
    }
    for (const duplicate of outcome.duplicates) {
      io.err(term`注意 note：${duplicate.source} 与 ${duplicate.sameAs} 是同一份评分表，只计一次 (same sheet given twice)\n`);
    }
    if (outcome.previous !== null && outcome.previous.kind !== 'result') {
      // A list names no year: say which year it was taken as, so a list of the wrong year is noticed.
      io.err(term`注意 note：${outcome.previous.source} 是考核等级名单，名单本身不写年度，按上一年度即 ${String(outcome.previous.year)} 年度的等级计 (list taken as the year before)\n`);
    }
    let recordProcedure: ProcedureDocumentsInput | undefined;
    let recordMeeting: string | undefined;
    let recordChairNotes: Readonly<Record<string, string>> | undefined;
    if (options.panelRecord !== null) {
      const { readPanelRecord, resultSha256Of } = await import('../../chair/panel-record-file.ts');
      const reading = await readPanelRecord(resolve(io.cwd, options.panelRecord), { year: outcome.result.year, resultSha256: resultSha256Of(resultText(outcome.result)) });
      if (!reading.ok) {
        for (const problem of reading.problems) io.err(term`错误 error [panel-record] ${options.panelRecord}：${oneLine(problem)}\n`);
        io.err('✗ 未汇总 merge refused：专家组记录不能使用，未输出任何结果。\n');
        return exitCode.invalid;
      }
      const d = reading.data;
      const { chairNotesOf, procedureFromPanelRecord } = await import('../../chair/panel-record-procedure.ts');
      recordProcedure = procedureFromPanelRecord(d.record, outcome.rubric);
      recordChairNotes = chairNotesOf(d.record.flagNotes);
      recordMeeting = d.meeting;
      io.err(
        term`专家组记录 panel record：${options.panelRecord} 签名有效 (signature verified)，证书 ${d.certificateSubject}，指纹 ${d.certificateFingerprint}\n` +
          `  ${panelRecordCounts(d)}\n`,
      );
    }
    if (options.pdfDir !== null || options.xlsxPath !== null) {
      // PDFs and Excel pull in pdfkit, exceljs and the fonts: loaded only when asked for.
      const { writeMergeDocuments } = await import('../merge-documents.ts');
      const status = await writeMergeDocuments(
        { ...options, result: outcome.result, rubric: outcome.rubric, packages: outcome.packages, sheets: outcome.sheets, paperSheets: outcome.paperSheets, recordProcedure, recordChairNotes, recordMeeting },
        io,
      );
      if (status !== exitCode.ok) return status;
    }
    io.out(options.json ? resultText(outcome.result) : resultTable(outcome.result, outcome.rubric, outcome.sheets, outcome.paperSheets, options));
    return exitCode.ok;
  },
};

/**
 * The record's second line on stderr: how many of each kind it holds, `补正要求 2 项`; what a
 * record of an earlier version does not keep is said so (`未记录（第 1 版）`), not counted as 0.
 */
export function panelRecordCounts(d: PanelRecordData): string {
  const count = (list: readonly unknown[] | null, unit: string): string => (list === null ? `未记录（第 ${d.version} 版）` : `${list.length} ${unit}`);
  return [
    `标记说明 ${d.flagNotes.length} 条`,
    `客观分歧 ${d.differences.length} 项`,
    `畸高畸低 ${count(d.outliers, '项')}`,
    `纸质承诺书 ${count(d.paperPledges, '份')}`,
    `补正要求 ${count(d.clarifications, '项')}`,
    `监督意见 ${d.observerNotes.length} 条`,
    `专家组结论 ${Object.keys(d.conclusions).length} 个`,
    `重新开启 ${d.reopenings.length} 次`,
  ].join(' · ');
}

/** `错误 error [signature-invalid] E01.sheet.json signature.value：签名验证失败…` */
function problemLine(problem: MergeProblem): string {
  const position = problem.line === undefined ? '' : `（第 ${problem.line} 行第 ${problem.column ?? 1} 列）`;
  const where = [problem.source, problem.path === '(root)' ? null : problem.path].filter((part) => part !== null).join(' ');
  return `错误 error [${problem.code}]${where === '' ? '' : ` ${oneLine(where)}`}${position}：${oneLine(problem.message)}`;
}

function gradeText(grade: Grade | null): string {
  return grade === null ? '无 none' : `${GRADE_LABELS[grade]} ${grade}`;
}

function resultTable(
  result: ResultFile,
  rubric: Rubric,
  sheets: readonly VerifiedSheet[],
  paperSheets: readonly PaperSheet[],
  options: MergeArguments,
): string {
  const names = new Map([...sheets, ...paperSheets].map((input) => [input.sheet.expert.id, input.sheet.expert.name]));
  const indicatorIds = indicatorsOf(rubric).map((indicator) => indicator.id);
  const methodText = result.method === 'mean' ? 'mean 平均分' : 'trimmed 去掉一个最高分和一个最低分';
  const lines: string[] = [
    `${result.year} 年度考核汇总 · 评分细则 ${shown(result.rubric)} · 方法 ${methodText} · 偏离阈值 ${options.deviationThreshold} 分` +
      (options.budgetYuan === null ? '' : ` · 奖励预算 ${options.budgetYuan} 元`),
    `材料包 ${result.alliances.length} 个，评分表 ${sheets.length} 份` + (paperSheets.length === 0 ? '' : `，纸质评分表 ${paperSheets.length} 份（无电子签名）`),
    '',
  ];
  for (const alliance of result.alliances) lines.push(...allianceBlock(alliance, indicatorIds, names), '');
  const count = (grade: Grade): number => result.alliances.filter((alliance) => alliance.grade === grade).length;
  const flags = result.alliances.reduce((sum, alliance) => sum + alliance.flags.length, 0);
  lines.push(
    `合计：优秀 ${count('excellent')} 个，合格 ${count('pass')} 个，不合格 ${count('fail')} 个；需主任审阅的标记 flags ${flags} 条。`,
  );
  return `${lines.join('\n')}\n`;
}

function allianceBlock(alliance: AllianceResult, indicatorIds: readonly string[], names: ReadonlyMap<string, string>): string[] {
  const show = (value: number | null | undefined): string => (value === null || value === undefined ? '' : String(value));
  const rows: string[][] = [['专家 expert', '指纹 fingerprint', '总分 total', ...indicatorIds]];
  for (const expert of alliance.experts) {
    const who = `${expert.id} ${names.get(expert.id) ?? ''}`.trim();
    if (expert.recused) {
      rows.push([who, expert.fingerprint, '回避 recused', ...indicatorIds.map(() => '')]);
    } else {
      rows.push([who, expert.fingerprint, show(expert.total), ...indicatorIds.map((id) => show(expert.indicators?.[id]))]);
    }
  }
  rows.push(['专家组 panel', '', show(alliance.total), ...indicatorIds.map((id) => show(alliance.indicators[id]))]);
  const consequence = alliance.consequence === null ? '—' : `${CONSEQUENCE_LABELS[alliance.consequence]} ${alliance.consequence}`;
  const award = alliance.award === null ? '—' : `${alliance.award} 元`;
  return [
    term`${alliance.allianceId} ${alliance.name}`,
    `  材料包摘要 digest ${alliance.packageDigest}`,
    `  自评分 self ${alliance.selfTotal} · 总分 total ${show(alliance.total) || '—'} · 等级 grade ${gradeText(alliance.grade)} · 结论 consequence ${consequence} · 奖励 award ${award}`,
    ...renderTable(rows, ['left', 'left', 'right', ...indicatorIds.map(() => 'right' as const)])
      .split('\n')
      .map((line) => `  ${line}`),
    ...alliance.flags.map(
      (flag) => `  ⚑ [${flag.kind}]${flag.expert === undefined || flag.expert === null ? '' : ` ${shown(flag.expert)}`}${flag.indicator === undefined ? '' : ` ${shown(flag.indicator)}`}：${oneLine(flag.detail)}`,
    ),
  ];
}
