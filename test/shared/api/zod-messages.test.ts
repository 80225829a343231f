import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { chineseZodLocale } from '../../../shared/api/zod-messages.ts';

z.config(chineseZodLocale);

const message = (schema: z.ZodType, value: unknown): string | undefined => schema.safeParse(value).error?.issues[0]?.message;

describe('zod messages in Chinese', () => {
  it.each([
    ['a fraction where an integer is wanted', z.int(), 2.5, '应为整数，实际是 2.5（有小数部分）'],
    ['infinity where a number is wanted', z.number(), Infinity, '数字太大（无穷大），超出了能表示的范围'],
    ['minus infinity where an integer is wanted', z.int(), -Infinity, '数字太大（负无穷大），超出了能表示的范围'],
    ['NaN', z.number(), NaN, '应为数字，实际是 NaN（不是一个数）'],
    ['an integer past the exact range', z.int(), 1e20, '整数太大，超出了能精确表示的范围（最大 9007199254740991）'],
    ['a number over its maximum', z.number().max(10), 11, '数值过大：应不大于 10，实际是 11'],
    ['a number not above zero', z.number().positive(), 0, '数值过小：应大于 0，实际是 0'],
    ['text where a number is wanted', z.number(), '12', '应为数字，实际是文字 "12"'],
    ['a number where text is wanted', z.string(), 12, '应为文字，实际是数字 12'],
    ['a missing value', z.string(), undefined, '应为文字，实际是未填写'],
    ['text too long', z.string().max(3), '一二三四', '太长：应最多 3 个字符'],
  ])('%s', (_what, schema, value, expected) => {
    expect(message(schema, value)).toBe(expected);
  });

  it('never words a number as "期望 数字，实际接收 数字"', () => {
    for (const value of [2.5, Infinity, -Infinity, NaN, 1e308]) {
      expect(message(z.int(), value)).not.toMatch(/期望|实际接收/);
    }
  });

  it('leaves the rest to zod’s zh-CN locale', () => {
    expect(message(z.enum(['mean', 'trimmed']), 'median')).toMatch(/^无效选项/);
  });
});
