import { describe, expect, it } from 'vitest';
import { findInPages, foldText, partOfBox, partOfLine, type PageText } from '../../../shared/evidence/page-text.ts';

describe('foldText', () => {
  it.each([
    ['全角数字 ２０２６ 年', '全角数字2026年'],
    ['（合同）', '(合同)'],
    ['技 术\n合 同', '技术合同'],
    ['ＡＢＣ Contract', 'abccontract'],
    ['\u3000全角空格\u00a0', '全角空格'],
    ['', ''],
  ])('%j → %j', (source, folded) => {
    expect(foldText(source)).toBe(folded);
  });
});

const page = (n: number, lines: [string, [number, number, number, number] | null][]): PageText => ({
  page: n,
  lines: lines.map(([text, box]) => ({ text, box })),
});

describe('findInPages', () => {
  const pages = [
    page(1, [['合肥市语音识别技术许可合同', [0.1, 0.1, 0.9, 0.15]]]),
    // The text layer of a Chinese PDF: one character an item, spaces between.
    page(2, [
      ['技', [0.1, 0.2, 0.15, 0.25]],
      ['术', [0.15, 0.2, 0.2, 0.25]],
      [' ', [0.2, 0.2, 0.22, 0.25]],
      ['许可', [0.22, 0.2, 0.32, 0.25]],
    ]),
    page(3, [['合同金额：１２０万元；许可期限三年。许可费分期支付。', null]]),
  ];

  it('finds words split across text items, one box a line touched', () => {
    const hits = findInPages(pages, '技术许可');
    expect(hits.map((h) => h.page)).toEqual([1, 2]);
    expect(hits[1]!.boxes).toHaveLength(3);
    expect(hits[1]!.snippet.match).toBe('技术 许可');
  });

  it('matches half-width typed against full-width printed, and counts every hit', () => {
    const hits = findInPages(pages, '120万');
    expect(hits).toHaveLength(1);
    expect(hits[0]!.page).toBe(3);
    expect(hits[0]!.snippet).toEqual({ before: '合同金额：', match: '１２０万', after: '元；许可期限三年。许可费分期支付。' });
    expect(findInPages(pages, '许可')).toHaveLength(4);
    expect(findInPages(pages, '许可', 2)).toHaveLength(2);
  });

  it('gives the part of a line the hit covers', () => {
    const [hit] = findInPages([page(1, [['ABCDEFGHIJ', [0, 0.5, 1, 0.6]]])], 'cd');
    expect(hit!.boxes[0]![0]).toBeCloseTo(0.2);
    expect(hit!.boxes[0]![2]).toBeCloseTo(0.4);
    expect(hit!.boxes[0]![1]).toBe(0.5);
  });

  it('cuts long context to a short snippet', () => {
    const long = `${'甲'.repeat(40)}关键字${'乙'.repeat(40)}`;
    const [hit] = findInPages([page(7, [[long, null]])], '关键字');
    expect(hit!.snippet.before).toBe(`…${'甲'.repeat(18)}`);
    expect(hit!.snippet.after).toBe(`${'乙'.repeat(18)}…`);
  });

  it('finds nothing for an empty or blank query', () => {
    expect(findInPages(pages, '')).toEqual([]);
    expect(findInPages(pages, '  \n')).toEqual([]);
    expect(findInPages(pages, '不存在的词')).toEqual([]);
  });
});

describe('partOfBox', () => {
  it('splits a vertical line along its height', () => {
    expect(partOfBox([0.5, 0, 0.55, 1], 1, 2, 4)).toEqual([0.5, 0.25, 0.55, 0.5]);
  });
  it('keeps the whole box of a one-character line', () => {
    expect(partOfBox([0.1, 0.1, 0.12, 0.3], 0, 1, 1)).toEqual([0.1, 0.1, 0.12, 0.3]);
  });
});

describe('partOfLine', () => {
  it('weighs Chinese characters a whole em and digits and spaces less (an OCR line of mixed text)', () => {
    const [x0, , x1] = partOfLine([0, 0, 1, 0.1], '签订日期：2026 年 5 月 12 日', 0, 4);
    expect(x0).toBe(0);
    // 签订日期 is 4 of about 13.4 ems, not 4 of 22 characters.
    expect(x1).toBeGreaterThan(0.27);
    expect(x1).toBeLessThan(0.33);
  });
});
