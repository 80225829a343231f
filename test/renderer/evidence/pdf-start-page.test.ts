import { describe, expect, it } from 'vitest';
import { evidenceTarget, targetLabel } from '../../../renderer/src/evidence/evidence-target.ts';
import { startPage } from '../../../renderer/src/evidence/pdf-start-page.ts';

describe('the page a PDF opens at', () => {
  it('is the page the evidence reference names', () => {
    const target = evidenceTarget('证明材料/合同汇编.pdf#page=3');
    expect(target).toEqual({ reference: '证明材料/合同汇编.pdf#page=3', path: '证明材料/合同汇编.pdf', page: 3 });
    expect(startPage(target.page, 5)).toEqual({ page: 3, beyond: null });
  });

  it('is page 1 when the reference names the whole file, or a page that is not a number', () => {
    expect(evidenceTarget('证明材料/合同汇编.pdf')).toEqual({ reference: '证明材料/合同汇编.pdf', path: '证明材料/合同汇编.pdf', page: null });
    expect(evidenceTarget('a.pdf#page=x')).toMatchObject({ path: 'a.pdf', page: null });
    expect(evidenceTarget('a.pdf#page=0')).toMatchObject({ path: 'a.pdf', page: null });
    expect(startPage(null, 5)).toEqual({ page: 1, beyond: null });
    expect(startPage(0, 5)).toEqual({ page: 1, beyond: null });
    expect(startPage(2.5, 5)).toEqual({ page: 1, beyond: null });
  });

  it('is the last page, saying which was meant, when the reference is past the end of the file', () => {
    expect(startPage(9, 5)).toEqual({ page: 5, beyond: 9 });
    expect(startPage(5, 5)).toEqual({ page: 5, beyond: null });
    expect(startPage(2, 0)).toEqual({ page: 1, beyond: 2 });
  });

  it('labels a tab with the file name and the page, so two pages of one compilation are two tabs', () => {
    expect(targetLabel(evidenceTarget('证明材料/合同汇编.pdf#page=3'))).toBe('合同汇编.pdf 第3页');
    expect(targetLabel(evidenceTarget('证明材料/合同汇编.pdf#page=12'))).toBe('合同汇编.pdf 第12页');
    expect(targetLabel(evidenceTarget('照片/办公室.png'))).toBe('办公室.png');
  });
});
