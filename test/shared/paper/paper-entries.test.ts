import { describe, expect, it } from 'vitest';
import type { PaperContent } from '../../../shared/paper/paper-entries.ts';
import { comparePaperEntries, paperEntriesAgree, paperSheetOf } from '../../../shared/paper/paper-entries.ts';
import type { SheetReview } from '../../../shared/sheet/sheet-schema.ts';

const digest = 'a'.repeat(64);

function review(changes: Partial<SheetReview> = {}): SheetReview {
  return {
    allianceId: 'HFA-012',
    packageDigest: digest,
    recused: false,
    decisions: {
      'I1.office': { accept: true },
      'I1.council': { accept: false, reason: '无理事会会议纪要' },
      'I4.techContracts': { accepted: ['tc-1', 'tc-3'], rejected: { 'tc-2': '合同未在技术市场登记' } },
      'I10.status': { value: 2 },
    },
    overrides: { I2: { score: 3, reason: '仅有年度计划' } },
    comment: '材料较完整',
    ...changes,
  };
}

const content = (r: SheetReview = review(), signedOn = '2027-01-20'): PaperContent => ({ signedOn, reviews: [r] });

describe('paper entries: agreement', () => {
  it('agrees when both people typed the same', () => {
    expect(comparePaperEntries(content(), content())).toEqual([]);
    expect(paperEntriesAgree(content(), content())).toBe(true);
  });

  it.each<[string, Partial<SheetReview>, Partial<SheetReview>]>([
    ['spacing in a reason', { decisions: { ...review().decisions, 'I1.council': { accept: false, reason: '  无理事会会议纪要 ' } } }, {}],
    ['the order of accepted items', { decisions: { ...review().decisions, 'I4.techContracts': { accepted: ['tc-3', 'tc-1'], rejected: { 'tc-2': '合同未在技术市场登记' } } } }, {}],
    ['a blank comment against none', { comment: '   ' }, { comment: undefined }],
  ])('ignores %s', (_label, first, second) => {
    expect(comparePaperEntries(content(review(first)), content(review(second)))).toEqual([]);
    expect(paperEntriesAgree(content(review(first)), content(review(second)))).toBe(true);
  });

  it('reads full-width characters as their plain forms (ＡＢ１ = AB1)', () => {
    const a = content(review({ comment: '见附件ＡＢ１' }));
    const b = content(review({ comment: '见附件AB1' }));
    expect(paperEntriesAgree(a, b)).toBe(true);
  });
});

describe('paper entries: mismatches, field by field', () => {
  it.each<[string, Partial<SheetReview>, string, string, string]>([
    ['a flag accepted by one, rejected by the other', { decisions: { ...review().decisions, 'I1.office': { accept: false, reason: '照片不清' } } }, 'HFA-012 · I1.office', '不予认定：照片不清', '认定'],
    ['an item rejected by one', { decisions: { ...review().decisions, 'I4.techContracts': { accepted: ['tc-1'], rejected: { 'tc-2': '合同未在技术市场登记', 'tc-3': '无盖章' } } } }, 'HFA-012 · I4.techContracts · tc-3', '不予认定：无盖章', '认定'],
    ['a different judged value', { decisions: { ...review().decisions, 'I10.status': { value: 2.5 } } }, 'HFA-012 · I10.status', '2.5', '2'],
    ['a different override score', { overrides: { I2: { score: 4, reason: '仅有年度计划' } } }, 'HFA-012 · I2 改判', '改判为 4 分：仅有年度计划', '改判为 3 分：仅有年度计划'],
    ['an override only one typed', { overrides: {} }, 'HFA-012 · I2 改判', '无改判', '改判为 3 分：仅有年度计划'],
    ['recused against scored', { recused: true, decisions: {}, overrides: {}, comment: '回避' }, 'HFA-012 · 回避', '回避', '评审'],
  ])('names %s', (_label, changes, where, first, second) => {
    const mismatches = comparePaperEntries(content(review(changes)), content(review()));
    expect(mismatches.map(({ where: w, first: a, second: b }) => ({ where: w, first: a, second: b }))).toContainEqual({ where, first, second });
    expect(paperEntriesAgree(content(review(changes)), content(review()))).toBe(false);
  });

  it('names a different date and a review missing from one entry', () => {
    const other: SheetReview = { ...review(), allianceId: 'HFA-013' };
    const mismatches = comparePaperEntries({ signedOn: '2027-01-21', reviews: [review(), other] }, content());
    expect(mismatches).toEqual([
      { where: '签字日期', at: { allianceId: null, criterionId: null, itemId: null, indicatorId: null, field: '签字日期' }, first: '2027-01-21', second: '2027-01-20' },
      { where: 'HFA-013 · 评审', at: { allianceId: 'HFA-013', criterionId: null, itemId: null, indicatorId: null, field: '评审' }, first: '已填', second: '（未填）' },
    ]);
  });

  it('gives each place by its parts too, for the screen to name with the form’s names', () => {
    const changed = review({ decisions: { ...review().decisions, 'I4.techContracts': { accepted: ['tc-1'], rejected: { 'tc-2': '合同未在技术市场登记', 'tc-3': '无盖章' } } } });
    const [mismatch] = comparePaperEntries(content(changed), content());
    expect(mismatch?.at).toEqual({ allianceId: 'HFA-012', criterionId: 'I4.techContracts', itemId: 'tc-3', indicatorId: null, field: null });
  });
});

describe('paper sheet', () => {
  it('is the agreed content as the expert’s unsigned sheet, signed at midnight China time of the paper’s date', () => {
    const sheet = paperSheetOf(content(review({ comment: ' 材料较完整 ' })), { id: 'E04', name: '赵六' }, { year: 2026, rubric: 'hefei-2017' });
    expect(sheet).toMatchObject({ format: 'alliance-review/sheet', version: 1, year: 2026, rubric: 'hefei-2017', expert: { id: 'E04', name: '赵六' } });
    expect(sheet.signedAt).toBe('2027-01-20T00:00:00+08:00');
    expect(sheet.reviews[0]?.comment).toBe('材料较完整');
    expect(sheet).not.toHaveProperty('signature');
  });

  it('keeps the punctuation and forms exactly as typed, though entries differing only in width agree', () => {
    const typed = review({
      comment: '材料不足，请补充（仅签约）',
      decisions: { ...review().decisions, 'I1.council': { accept: false, reason: '会议纪要不足，请补充  原件' } },
    });
    const halfWidth = review({
      comment: '材料不足,请补充(仅签约)',
      decisions: { ...review().decisions, 'I1.council': { accept: false, reason: '会议纪要不足,请补充 原件' } },
    });
    expect(paperEntriesAgree(content(typed), content(halfWidth))).toBe(true);
    const sheet = paperSheetOf(content(typed), { id: 'E04', name: '赵六' }, { year: 2026, rubric: 'hefei-2017' });
    expect(sheet.reviews[0]?.comment).toBe('材料不足，请补充（仅签约）');
    expect(sheet.reviews[0]?.decisions?.['I1.council']).toEqual({ accept: false, reason: '会议纪要不足，请补充  原件' });
  });
});
