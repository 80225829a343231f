/**
 * Identifiers read from claim fields and evidence text (shared/integrity/identifiers.ts): each
 * way people write them, what is taken and how it is written once.
 */
import { describe, expect, it } from 'vitest';
import { extractIdentifiers, identifierKey } from '../../../shared/integrity/identifiers.ts';

const values = (text: string): string[] => extractIdentifiers(text).map((i) => `${i.kind} ${i.value}${i.check === null ? '' : i.check.ok ? ' ✓' : ' ✗'}`);

describe('extractIdentifiers', () => {
  it.each([
    ['专利号：ZL201710601862.3', ['patent 201710601862.3 ✓']],
    ['专利号 ZL 2017 1 0601862.3（发明）', ['patent 201710601862.3 ✓']],
    ['申请号 201710601862.4', ['patent 201710601862.4 ✗']],
    ['ＺＬ２０１７１０６０１８６２．３', ['patent 201710601862.3 ✓']],
    ['CN201710601862.3', ['patent 201710601862.3 ✓']],
    ['专利号 ZL97101765.4', ['patent 97101765.4 ✓']],
    ['ZL201710601862', ['patent 201710601862']],
    // A check of 10 is written X (sum mod 11 = 10), in the 12-digit and in the older 8-digit form.
    ['专利号 ZL201710601877.X', ['patent 201710601877.X ✓']],
    ['专利号 ZL201710601877.0', ['patent 201710601877.0 ✗']],
    ['专利号 ZL97101700.X', ['patent 97101700.X ✓']],
    ['公开号 CN107123456A', ['patent-publication CN107123456A']],
    ['授权公告号 CN212345678U，', ['patent-publication CN212345678U']],
    ['统一社会信用代码：914403001922038216', ['uscc 914403001922038216 ✓']],
    ['统一社会信用代码：914403001922038217', ['uscc 914403001922038217 ✗']],
    ['信用代码 91340100MA2OX7C04B', ['uscc 91340100MA2OX7C04B ✗']],
    // 31 − (sum mod 31) = 31 is written 0.
    ['统一社会信用代码 91340100MA2NX7C010', ['uscc 91340100MA2NX7C010 ✓']],
    ['技术合同登记号：2026340104000235', ['contract-registration 2026340104000235']],
    ['依据 GB/T 1.1—2020 起草', ['standard GB/T 1.1-2020']],
    ['主持制定 T/HFIA 012-2026 团体标准', ['standard T/HFIA 012-2026']],
    ['DB34/T 4567-2025 与 GB 50016-2014', ['standard DB34/T 4567-2025', 'standard GB 50016-2014']],
    ['QC/T 1206-2026', ['standard QC/T 1206-2026']],
  ])('%s', (text, expected) => {
    expect(values(text)).toEqual(expected);
  });

  it.each([
    ['a bare number of twelve digits (an order number)', '订单号 201710601862 已付款'],
    ['an 18-character run without its label and with a wrong check (a 身份证号 has that shape)', '身份证 340104199001011234'],
    ['a date range', '2026-2027 年度'],
    ['a phone number', '电话 0551-65123456'],
  ])('takes nothing from %s', (_, text) => {
    expect(values(text)).toEqual([]);
  });

  it('takes a right code without its label', () => {
    expect(values('华为 914403001922038216 深圳')).toEqual(['uscc 914403001922038216 ✓']);
  });

  it('takes each identifier once, in the order written', () => {
    expect(values('GB/T 1.1-2020；ZL201710601862.3；GB/T 1.1—2020')).toEqual(['standard GB/T 1.1-2020', 'patent 201710601862.3 ✓']);
  });

  it('gives a patent number with and without its check character one key', () => {
    const [withCheck] = extractIdentifiers('ZL201710601862.3');
    const [without] = extractIdentifiers('ZL201710601862');
    expect(withCheck && without && identifierKey(withCheck)).toBe(without && identifierKey(without));
  });
});
