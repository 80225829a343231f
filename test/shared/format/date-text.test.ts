import { describe, expect, it } from 'vitest';
import { DATE_HINT, parseDateText } from '../../../shared/format/date-text.ts';

describe('dates as people write them', () => {
  it.each([
    ['2026-12-01', '2026-12-01'],
    ['2026-12-1', '2026-12-01'],
    ['2026/12/1', '2026-12-01'],
    ['2026.12.01', '2026-12-01'],
    ['2026年12月1日', '2026-12-01'],
    ['2026 年 12 月 1 日', '2026-12-01'],
    ['2026年2月28号', '2026-02-28'],
    ['２０２６－１２－０１', '2026-12-01'],
    ['２０２６年１２月１日', '2026-12-01'],
    ['2028-02-29', '2028-02-29'],
  ])('reads %s as %s', (typed, iso) => {
    expect(parseDateText(typed)).toEqual({ ok: true, iso });
  });

  it.each(['12/01/2026', '2026-12', '', '明天', '2026-12-01T10:00', '26-12-01'])('refuses %j, saying how to write it', (typed) => {
    expect(parseDateText(typed)).toEqual({ ok: false, message: DATE_HINT });
  });

  it.each([
    ['2026-02-30', '2026 年没有 2 月 30 日这一天'],
    ['2026-13-01', '2026 年没有 13 月 1 日这一天'],
    ['2026-12-00', '2026 年没有 12 月 0 日这一天'],
    ['2027年2月29日', '2027 年没有 2 月 29 日这一天'],
  ])('refuses %s, a day that does not exist', (typed, said) => {
    expect(parseDateText(typed)).toEqual({ ok: false, message: `${said}，${DATE_HINT}` });
  });
});
