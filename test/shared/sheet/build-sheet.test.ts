import { describe, expect, it } from 'vitest';
import { buildUnsignedSheet } from '../../../shared/sheet/build-sheet.ts';
import { parseUnsignedSheet } from '../../../shared/sheet/parse-sheet.ts';

const base = {
  year: 2026,
  rubricId: 'hefei-2017',
  expert: { id: 'E01', name: '王明', handSignature: null },
  signedAt: '2027-01-20T09:30:00+08:00',
};

describe('buildUnsignedSheet', () => {
  it('writes recused reviews with their reason only, scored ones with what the expert said, in alliance order', () => {
    const sheet = buildUnsignedSheet({
      ...base,
      reviews: [
        { allianceId: 'HFA-2', packageDigest: 'b'.repeat(64), recusalReason: '任职于牵头单位', review: { decisions: { 'I1.office': { accept: true } } }, comment: '忽略' },
        { allianceId: 'HFA-1', packageDigest: 'a'.repeat(64), recusalReason: null, review: { decisions: { 'I1.office': { accept: true } }, overrides: {} }, comment: '  ' },
        {
          allianceId: 'HFA-10',
          packageDigest: 'c'.repeat(64),
          recusalReason: null,
          review: { decisions: {}, overrides: { I2: { score: 3, reason: '缺总结' } } },
          comment: ' 良好 ',
        },
      ],
    });
    expect(sheet.reviews).toEqual([
      { allianceId: 'HFA-1', packageDigest: 'a'.repeat(64), recused: false, decisions: { 'I1.office': { accept: true } } },
      {
        allianceId: 'HFA-10',
        packageDigest: 'c'.repeat(64),
        recused: false,
        decisions: {},
        overrides: { I2: { score: 3, reason: '缺总结' } },
        comment: '良好',
      },
      { allianceId: 'HFA-2', packageDigest: 'b'.repeat(64), recused: true, comment: '任职于牵头单位' },
    ]);
    expect(sheet.expert).toEqual({ id: 'E01', name: '王明' });
    expect(parseUnsignedSheet(sheet).ok).toBe(true);
  });

  it('carries the hand signature when one is drawn', () => {
    const sheet = buildUnsignedSheet({ ...base, expert: { ...base.expert, handSignature: 'data:image/png;base64,xyz' }, reviews: [] });
    expect(sheet.expert.handSignature).toBe('data:image/png;base64,xyz');
  });
});
