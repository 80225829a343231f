import { describe, expect, it } from 'vitest';
import { amountForms, dateForms, locatePage, type ItemFields } from '../../../shared/evidence/auto-locate.ts';
import type { PageText } from '../../../shared/evidence/page-text.ts';

const pages = (...texts: string[]): PageText[] => texts.map((text, i) => ({ page: i + 1, lines: [{ text, box: null }] }));

const compilation = pages(
  '合同汇编 目录 1. 语音识别技术许可合同 2. 声学模型联合开发合同',
  '技术许可合同 合同编号：HT-2026-015 甲方：某某科技有限公司 签订日期：2026年5月12日 金额：人民币壹佰贰拾万元（¥1,200,000.00）',
  '声学模型联合开发合同 合同编号：HT-2026-021 签订日期：2026.08.01 合同金额 ８５.５万元',
  '附件：发票 2026/05/12 金额 1200000',
  '',
);

describe('dateForms and amountForms', () => {
  it('writes a date every way a Chinese document prints it', () => {
    expect(dateForms('2026-05-12')).toEqual(
      expect.arrayContaining(['2026-05-12', '2026年05月12日', '2026.05.12', '2026/05/12', '2026-5-12', '2026年5月12日', '2026.5.12', '2026/5/12', '20260512']),
    );
    expect(dateForms('12 May 2026')).toEqual([]);
  });
  it('writes an amount in 万 and, when long enough, in 元 with and without separators', () => {
    expect(amountForms(120)).toEqual(['120万', '1200000', '1,200,000']);
    expect(amountForms(85.5)).toEqual(['85.5万', '855000', '855,000']);
    expect(amountForms(0.3)).toEqual(['0.3万']);
    expect(amountForms(0)).toEqual([]);
  });
});

describe('locatePage', () => {
  it.each<[string, ItemFields, number | null, string[]]>([
    ['title, id, date and amount on one page', { id: 'HT-2026-015', title: '技术许可合同', date: '2026-05-12', amountWan: 120 }, 2, ['title', 'id', 'date', 'amount']],
    ['the dotted date and full-width amount', { id: 'tc-3', title: '声学模型联合开发合同', date: '2026-08-01', amountWan: 85.5 }, 3, ['title', 'date', 'amount']],
    ['a title on the contents page and its own page: the page with more fields', { title: '声学模型联合开发合同', date: '2026-08-01' }, 3, ['title', 'date']],
    ['a title alone: the first page it is on', { title: '语音识别技术许可合同' }, 1, ['title']],
    ['date and amount without the title (an invoice)', { title: '不在文件里的标题', date: '2026-05-12', amountWan: 120 }, 2, ['date', 'amount']],
    ['a date alone is too weak', { title: '不在文件里的标题', date: '2026-08-01' }, null, []],
    ['an id without digits names nothing', { id: 'abc', title: '另一份合同' }, null, []],
    ['nothing of the item in the file', { id: 'X-9', title: '完全无关', date: '2025-01-01', amountWan: 3 }, null, []],
  ])('%s', (_, item, page, found) => {
    const located = locatePage(compilation, item);
    expect(located?.page ?? null).toBe(page);
    expect(located?.found ?? []).toEqual(found);
  });

  it('a title cut by a line break in a scan still counts, in part', () => {
    const scan: PageText[] = [
      { page: 1, lines: [{ text: '封面', box: null }] },
      { page: 2, lines: [{ text: '合肥市人工智能产业', box: null }, { text: '联盟年度工作总结报告', box: null }, { text: '2026年12月1日', box: null }] },
    ];
    expect(locatePage(scan, { title: '合肥市人工智能产业联盟年度工作总结报告', date: '2026-12-01' })?.page).toBe(2);
    // Half of the pieces on a page and nothing else: below the bar.
    expect(locatePage([{ page: 1, lines: [{ text: '合肥市人工智能产业', box: null }] }], { title: '合肥市人工智能产业联盟年度总结' })).toBeNull();
  });

  it('finds nothing in a file without text', () => {
    expect(locatePage([], { title: '技术许可合同' })).toBeNull();
    expect(locatePage(pages('', ''), { title: '技术许可合同' })).toBeNull();
  });
});
