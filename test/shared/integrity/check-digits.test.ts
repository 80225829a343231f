/**
 * Check characters of 统一社会信用代码 (GB 32100-2015) and patent application numbers, against
 * published codes and worked examples:
 *
 * - 914403001922038216 华为技术有限公司: the code Wikipedia's article on 华为 gives
 *   (zh.wikipedia.org/zh-hk/華為, 機構代碼), which the algorithm also accepts.
 * - 91440300708461136T 深圳市腾讯计算机系统有限公司, 91330100799655058B 阿里巴巴（中国）有限公司,
 *   91110000710925462X 中国石油天然气股份有限公司, 91110108551385082Q 小米科技有限责任公司: the
 *   codes of the public register (国家企业信用信息公示系统) as the author knew them, not looked up
 *   again here (no network); each passes the algorithm, which a code wrong in one character
 *   fails 30 times in 31, so they are at least codes of that shape.
 * - 201710601862.3: the worked example of the patent check of dfrtw.com (专利查询, "国家专利号中，
 *   点后面的数字是怎么计算出"), computed there step by step; 97101765.4: the pre-2004 example of
 *   Baidu Baike's 专利号 article (first eight digits weighted 2–9).
 */
import { describe, expect, it } from 'vitest';
import { checkPatentApplication, checkUscc, patentCheckCharacter, usccCheckCharacter } from '../../../shared/integrity/check-digits.ts';

describe('统一社会信用代码', () => {
  it.each([
    ['914403001922038216', '华为技术有限公司'],
    ['91440300708461136T', '深圳市腾讯计算机系统有限公司'],
    ['91330100799655058B', '阿里巴巴（中国）有限公司'],
    ['91110000710925462X', '中国石油天然气股份有限公司'],
    ['91110108551385082Q', '小米科技有限责任公司'],
  ])('%s (%s) is valid', (code) => {
    expect(checkUscc(code)).toEqual({ ok: true });
  });

  it.each([
    // Each a published code with its check character changed, or two characters swapped.
    ['914403001922038217', 'check', '6'],
    ['91440300708461136A', 'check', 'T'],
    ['91330100799655085B', 'check', null],
    ['91110000710925462Y', 'check', 'X'],
  ])('%s is refused for its check character', (code, reason, expected) => {
    const check = checkUscc(code);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.reason).toBe(reason);
    if (expected !== null && check.reason === 'check') expect(check.expected).toBe(expected);
  });

  it.each(['I', 'O', 'S', 'V', 'Z', 'a'])('a code holding %s, which GB 32100 never uses, is refused for that character', (letter) => {
    const code = `9144030019220382${letter}6`;
    expect(checkUscc(code)).toEqual({ ok: false, reason: 'character', character: letter });
  });

  it('writes a check of 31 as 0 (a check value of 0 is its own)', () => {
    // Found by search: the first 17 characters whose weighted sum is 0 mod 31 ("31 − 0").
    expect(usccCheckCharacter('00000000000000000')).toBe('0');
    expect(checkUscc('000000000000000000')).toEqual({ ok: true });
  });
});

describe('patent application numbers', () => {
  it.each([
    ['201710601862', '3', 'dfrtw.com worked example'],
    ['97101765', '4', 'pre-2004 eight digits, Baidu Baike example'],
    ['201410123456', '7', 'the brief\'s ZL201410123456.X, computed: 128 mod 11 = 7'],
  ])('%s.%s is valid (%s)', (digits, check) => {
    expect(patentCheckCharacter(digits)).toBe(check);
    expect(checkPatentApplication(digits, check)).toEqual({ ok: true });
  });

  it('writes a check of 10 as X', () => {
    // Searched for: the first serial of 2016 inventions whose weighted sum is 10 mod 11.
    const digits = Array.from({ length: 10_000 }, (_, i) => `20161${String(i).padStart(7, '0')}`).find((d) => patentCheckCharacter(d) === 'X');
    expect(digits).toBeDefined();
    expect(checkPatentApplication(digits ?? '', 'x')).toEqual({ ok: true });
  });

  it.each([
    ['201410123456', 'X', '7'],
    ['201710601862', '4', '3'],
    ['97101765', '5', '4'],
  ])('%s.%s is refused: the check is %s', (digits, written, expected) => {
    expect(checkPatentApplication(digits, written)).toEqual({ ok: false, reason: 'check', written, expected });
  });

  it('has no check for another length', () => {
    expect(patentCheckCharacter('1234567')).toBeNull();
    expect(patentCheckCharacter('20141012345a')).toBeNull();
  });
});
