/**
 * Who counts as signed in for the lock: an expert whose counted sheet is of format 2 (it carries
 * their signed sign-in and pledge), or one whose signed paper pledge the chair recorded.
 */
import { describe, expect, it } from 'vitest';
import { expertSignedIn, sheetSignInsOf } from '../../../electron/chair/panel-procedure.ts';
import type { VerifiedSheet } from '../../../shared/result/merge-sheets.ts';

const sheet = (id: string, signIn: boolean): VerifiedSheet =>
  ({
    source: `${id}.sheet.json`,
    fingerprint: 'f',
    sheet: {
      format: 'alliance-review/sheet',
      version: signIn ? 2 : 1,
      year: 2026,
      rubric: 'hefei-2017',
      expert: { id, name: id },
      signedAt: '2027-01-20T10:00:00+08:00',
      reviews: [],
      ...(signIn ? { signIn: { at: '2027-01-20T08:30:00+08:00', pledge: { text: '承诺', signedAt: '2027-01-20T08:31:00+08:00' }, recusals: [] } } : {}),
    },
  }) as unknown as VerifiedSheet;

describe('signed in, for the lock', () => {
  it('counts a format-2 sheet’s sign-in, and a recorded paper pledge, and nothing else', () => {
    const signIns = sheetSignInsOf([sheet('E01', true), sheet('E02', false)]);
    expect([...signIns]).toEqual(['E01']);
    const pledges = new Map([['E03', { expertId: 'E03', signedOn: '2027-01-20', by: '主任', at: 't' }]]);
    expect(expertSignedIn({ id: 'E01' }, pledges, signIns)).toBe(true);
    expect(expertSignedIn({ id: 'E02' }, pledges, signIns)).toBe(false);
    expect(expertSignedIn({ id: 'E03' }, pledges, signIns)).toBe(true);
  });
});
