/**
 * The findings beside one claim (shared/integrity/claim-findings.ts): worded from the claim's
 * side, the other places side by side, and a recused alliance's place named without its file.
 */
import { describe, expect, it } from 'vitest';
import { claimFindings } from '../../../shared/integrity/claim-findings.ts';
import type { Finding } from '../../../shared/integrity/finding.ts';

const sameFile: Finding = {
  kind: 'same-file',
  identifier: null,
  places: [
    { allianceId: 'HFA-012', year: 2026, criterion: 'I4.techContracts', itemId: 'tc-1', file: '合同.pdf', page: 3 },
    { allianceId: 'HFA-017', year: 2026, criterion: 'I6.international', itemId: 'intl-2', file: '协议.pdf', page: null },
  ],
  detail: '2 个联盟的材料包里有同一文件……',
};
const dated: Finding = {
  kind: 'date-outside-year',
  identifier: null,
  places: [{ allianceId: 'HFA-012', year: 2026, criterion: 'I4.techContracts', itemId: 'tc-1', file: null, page: null }],
  detail: '日期不在考核年度',
};
const claim = { allianceId: 'HFA-012', year: 2026, criterion: 'I4.techContracts', itemId: 'tc-1' };

describe('claimFindings', () => {
  it('words each finding from the claim and lists the other places', () => {
    const found = claimFindings([sameFile, dated], claim, new Set());
    expect(found.map((f) => f.line)).toEqual(['同一文件也出现在 HFA-017 · I6.international 第“intl-2”项（协议.pdf）', '日期不在考核年度']);
    expect(found[0]?.elsewhere).toEqual([sameFile.places[1]]);
  });

  it('names a recused alliance\'s place without its file', () => {
    const [found] = claimFindings([sameFile], claim, new Set(['HFA-017']));
    expect(found?.line).toBe('同一文件也出现在 HFA-017 · I6.international 第“intl-2”项');
    expect(found?.elsewhere).toEqual([{ allianceId: 'HFA-017', year: 2026, criterion: 'I6.international', itemId: 'intl-2', file: null, page: null }]);
  });

  it('shows nothing for another claim', () => {
    expect(claimFindings([sameFile, dated], { ...claim, itemId: 'tc-2' }, new Set())).toEqual([]);
  });
});
