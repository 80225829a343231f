/**
 * Zod's messages in Chinese, for the places they reach people (a refused request, a damaged
 * meeting file, a sheet). Zod's own zh-CN locale leaves type names in English ("期望 int") and
 * words a number that is not an integer, or is infinite, as "期望 数字，实际接收 数字"; the
 * cases people meet are worded here, and everything else falls back to that locale.
 */
import { z } from 'zod';

const fallback = z.locales.zhCN().localeError;

const typeNames: Readonly<Record<string, string>> = {
  string: '文字',
  number: '数字',
  int: '整数',
  boolean: 'true 或 false',
  array: '列表 […]',
  object: '对象 {…}',
  null: '空值 null',
  undefined: '未填写',
  bigint: '整数',
  date: '日期',
};

/** What the input is, in the same words. */
function received(input: unknown): string {
  if (input === undefined) return '未填写';
  if (input === null) return '空值 null';
  if (Array.isArray(input)) return '列表 […]';
  if (typeof input === 'number') return `数字 ${String(input)}`;
  if (typeof input === 'string') return `文字 ${JSON.stringify(input.length > 40 ? `${input.slice(0, 37)}…` : input)}`;
  return typeNames[typeof input] ?? typeof input;
}

function numberMessage(expected: string, input: number): string {
  if (Number.isNaN(input)) return `应为${typeNames[expected] ?? '数字'}，实际是 NaN（不是一个数）`;
  if (!Number.isFinite(input)) return `数字太大（${input > 0 ? '' : '负'}无穷大），超出了能表示的范围`;
  if (expected === 'int') return `应为整数，实际是 ${String(input)}（有小数部分）`;
  return `应为${typeNames[expected] ?? expected}，实际是数字 ${String(input)}`;
}

/** The message for one issue, or `undefined` to let zod's zh-CN locale word it. */
export function chineseIssueMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type': {
      if (typeof issue.input === 'number' && (issue.expected === 'number' || issue.expected === 'int')) {
        return numberMessage(issue.expected, issue.input);
      }
      const expected = typeNames[issue.expected];
      return expected === undefined ? undefined : `应为${expected}，实际是${received(issue.input)}`;
    }
    case 'too_big':
    case 'too_small': {
      const big = issue.code === 'too_big';
      const limit = big ? issue.maximum : issue.minimum;
      if (issue.origin === 'int' && big && Number(limit) === Number.MAX_SAFE_INTEGER) {
        return `整数太大，超出了能精确表示的范围（最大 ${Number.MAX_SAFE_INTEGER}）`;
      }
      if (issue.origin === 'int' && !big && Number(limit) === Number.MIN_SAFE_INTEGER) {
        return `整数太小，超出了能精确表示的范围（最小 ${Number.MIN_SAFE_INTEGER}）`;
      }
      const bound = `${big ? (issue.inclusive ? '不大于' : '小于') : issue.inclusive ? '不小于' : '大于'} ${String(limit)}`;
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') {
        return `${big ? '数值过大' : '数值过小'}：应${bound}${typeof issue.input === 'number' ? `，实际是 ${String(issue.input)}` : ''}`;
      }
      const unit = issue.origin === 'string' ? '个字符' : issue.origin === 'array' || issue.origin === 'set' ? '项' : undefined;
      if (unit === undefined) return undefined;
      return `${big ? '太长' : '太短'}：应${big ? '最多' : '至少'} ${String(limit)} ${unit}`;
    }
    default:
      return undefined;
  }
}

/** For `z.config(...)`: these messages first, zod's zh-CN locale for the rest. */
export const chineseZodLocale: { localeError: z.core.$ZodErrorMap } = {
  localeError: (issue) => chineseIssueMessage(issue) ?? fallback(issue),
};
