/**
 * Schema problems: zod's issues with manifest.json turned into problems a clerk can act on.
 *
 * - missing field (`field-missing`): a required key is absent.
 * - invalid field (`field-invalid`): the key is there but its value is not what the format
 *   asks (wrong type, out of range, bad pattern).
 * - unknown field (`field-unknown`): a key the format does not have, usually a misspelling,
 *   so the message suggests the nearest key the format does have.
 *
 * Each message names the field by its JSON path, says what it should hold (manifest-fields.ts)
 * and shows what is there now.
 */
import type { z } from 'zod';
import { unsafeTextIssue } from '../format/safe-text-schema.ts';
import { describeCharacter } from '../format/text-safety.ts';
import type { Criterion } from '../rubric/types.ts';
import { formatJsonPath, type JsonPathSegment } from './json-path.ts';
import { manifestFieldName } from './field-name.ts';
import { fieldHelp } from './manifest-fields.ts';
import type { TextPosition } from './parse-json.ts';
import { problem, type PackageProblem } from './problem.ts';
import { closest } from './suggest.ts';

/** Every key the format has anywhere, for "是不是……" suggestions. */
const KNOWN_KEYS = [
  'format',
  'version',
  'year',
  'rubric',
  'alliance',
  'id',
  'name',
  'kind',
  'leadOrganization',
  'contact',
  'phone',
  'selfReport',
  'claims',
  'claimed',
  'note',
  'evidence',
  'items',
  'title',
  'date',
  'amountWan',
  'value',
];

export interface SchemaContext {
  /** The whole manifest value, to tell a missing key from a wrong value. */
  readonly root: unknown;
  /** The claim's criterion, for issues under `claims.<id>`. */
  readonly criterion?: Criterion | undefined;
  readonly positionOf: (path: readonly JsonPathSegment[]) => TextPosition | undefined;
}

export function valueAt(root: unknown, path: readonly JsonPathSegment[]): { found: boolean; value: unknown } {
  let value: unknown = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object' || !Object.prototype.hasOwnProperty.call(value, key)) {
      return { found: false, value: undefined };
    }
    value = (value as Record<string | number, unknown>)[key];
  }
  return { found: true, value };
}

/** A value as the clerk typed it, short. */
export function showValue(value: unknown): string {
  if (Array.isArray(value)) return '一个列表 […]';
  if (value !== null && typeof value === 'object') return '一个对象 {…}';
  // JSON.stringify writes NaN and Infinity as null, which would tell the clerk the opposite.
  if (typeof value === 'number' && !Number.isFinite(value)) return Number.isNaN(value) ? 'NaN（不是一个数）' : `${String(value)}（无穷大）`;
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

export function schemaProblems(
  issues: readonly z.core.$ZodIssue[],
  base: readonly JsonPathSegment[],
  context: SchemaContext,
): PackageProblem[] {
  const problems: PackageProblem[] = [];
  const seen = new Set<string>();
  const add = (p: PackageProblem): void => {
    const key = `${p.code} ${p.path}`;
    if (seen.has(key)) return;
    seen.add(key);
    problems.push(p);
  };
  for (const issue of issues) {
    const path = [...base, ...(issue.path as JsonPathSegment[])];
    const where = formatJsonPath(path);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const keyPath = [...path, key];
        add(problem('field-unknown', formatJsonPath(keyPath), unknownKeyMessage(keyPath, key, context), context.positionOf(keyPath)));
      }
      continue;
    }
    const { found, value } = valueAt(context.root, path);
    const unsafe = unsafeTextIssue(issue, value);
    if (unsafe !== null) {
      const field = manifestFieldName(path, context.root);
      add(
        unsafe.illFormed
          ? illFormedProblem(path, context.root, unsafe.found.codePoint, context.positionOf(path))
          : problem(
              'field-control-character',
              where,
              `${field}含有${describeCharacter(unsafe.found.codePoint)}。${unsafe.multiLine ? '说明文字里只能有普通文字、换行和制表符' : '名称、编号和标题里不能有换行、控制字符、改变文字方向的字符或零宽字符'}，它们会让不同的文字看起来一样，或让显示出来的内容与实际不符。请删除该字符后重新打包。`,
              context.positionOf(path),
            ),
      );
      continue;
    }
    const help = fieldHelp(path, context.criterion);
    if (!found) {
      add(problem('field-missing', where, `缺少“${where}”：${help}。请补上后重新打包。`, context.positionOf(path.slice(0, -1))));
    } else {
      add(problem('field-invalid', where, `“${where}”写得不对：应为${help}；现在是 ${showValue(value)}。`, context.positionOf(path)));
    }
  }
  return problems;
}

/**
 * A string with a lone surrogate: once stored it would read back as U+FFFD (an item that
 * matches no decision, a sheet no one can sign), so it is refused where it is read.
 */
export function illFormedProblem(
  path: readonly JsonPathSegment[],
  root: unknown,
  codePoint: number,
  position: TextPosition | undefined,
  isKey = false,
): PackageProblem {
  return problem(
    'field-ill-formed',
    formatJsonPath(path),
    `${manifestFieldName(path, root, isKey)}含有无法显示的字符：${describeCharacter(codePoint)}。这样的文字保存后会变成“\ufffd”，专家无法认定、也无法签名。请删除该字符（常见于手写的 \\u 转义）后重新打包。`,
    position,
  );
}

function unknownKeyMessage(path: readonly JsonPathSegment[], key: string, context: SchemaContext): string {
  const where = formatJsonPath(path);
  if (key === 'amountWan' && context.criterion !== undefined) {
    return `“${where}”：金额 amountWan 只用于按每项金额分档（tier）的评分项，${context.criterion.id} 不是，请删除它。`;
  }
  const guess = closest(key, KNOWN_KEYS);
  const hint = KNOWN_KEYS.includes(key) ? `“${key}”不能写在这一层。` : guess === null ? '' : `是不是“${guess}”？`;
  return `“${where}”是本格式没有的字段（可能拼错了）。${hint}请改正或删除它。`;
}
