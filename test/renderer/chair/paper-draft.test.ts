/**
 * The paper entry's draft: 全部认定 sets only what is still 未填 (never a choice already made,
 * never a judged score), the alliance's state follows what is typed, and the sheet's reviews
 * keep typed reasons and comments exactly as typed.
 */
import { describe, expect, it } from 'vitest';
import type { PaperFormView } from '../../../shared/api/chair-types.ts';
import { acceptAllUnfilled, allianceScore, allianceState, emptyReview, fromContent, toContent } from '../../../renderer/src/chair/paper-draft.ts';
import { hefei } from '../../shared/rubric/fixtures.ts';
import { smallClaims } from '../../shared/result/merge-fixtures.ts';

const alliance = { allianceId: 'HFA-002', allianceName: '合肥市新材料产业技术创新战略联盟', digest: 'a'.repeat(64), claims: smallClaims };
const form: PaperFormView = { rubric: hefei, year: 2026, experts: [{ id: 'E02', name: '张伟' }], alliances: [alliance] };

describe('the paper draft', () => {
  it('全部认定 sets every flag and item still 未填, keeps a rejection already typed, fills no judged score', () => {
    const start = { ...emptyReview, choices: { 'I4.techContracts/tc-2': { accept: false, reason: '无登记证明' } } };
    const { review, count } = acceptAllUnfilled(start, alliance, form);
    // 4 flags and 3 contracts, one of which was already rejected.
    expect(count).toBe(6);
    expect(review.choices['I4.techContracts/tc-2']).toEqual({ accept: false, reason: '无登记证明' });
    expect(review.choices['I1.council']).toEqual({ accept: true, reason: '' });
    expect(review.judged).toEqual({});
    expect(acceptAllUnfilled(review, alliance, form).count).toBe(0);
  });

  it.each([
    ['untouched', { signedOn: '', reviews: {} }, { kind: 'untouched' }],
    ['recused', { signedOn: '', reviews: { 'HFA-002': { ...emptyReview, recused: true } } }, { kind: 'recused' }],
    ['typing', { signedOn: '', reviews: { 'HFA-002': acceptAllUnfilled(emptyReview, alliance, form).review } }, { kind: 'typing', open: 4 }],
  ] as const)('the state of an alliance: %s', (_name, draft, state) => {
    expect(allianceState(draft, alliance, form)).toEqual(state);
  });

  it('the total is the engine’s on what is typed so far, and complete once the judged scores are in', () => {
    const review = { ...acceptAllUnfilled(emptyReview, alliance, form).review, judged: { 'I10.status': '2', 'I10.problems': '2', 'I10.measures': '1.5', 'I10.outcomes': '2' } };
    const draft = { signedOn: '2027-01-20', reviews: { 'HFA-002': review } };
    // I1 7 (office 2, council 3, platform 2), I2 5, I4 3 contracts, I10 7.5.
    expect(allianceScore(draft, alliance, form)?.total.toFixed()).toBe('22.5');
    expect(allianceState(draft, alliance, form)).toEqual({ kind: 'complete' });
  });

  it('keeps typed reasons and comments exactly, through the sheet content and back', () => {
    const reason = '  合同未登记，登记号 “HT-0012”\t查无此号 ';
    const review = {
      ...acceptAllUnfilled(emptyReview, alliance, form).review,
      comment: '第一行\n第二行  ',
    };
    const typed = { ...review, choices: { ...review.choices, 'I4.techContracts/tc-3': { accept: false, reason } } };
    const content = toContent({ signedOn: '2027-01-20', reviews: { 'HFA-002': typed } }, form);
    const decision = content.reviews[0]?.decisions?.['I4.techContracts'];
    expect(decision).toEqual({ accepted: ['tc-1', 'tc-2'], rejected: { 'tc-3': reason } });
    expect(content.reviews[0]?.comment).toBe('第一行\n第二行  ');
    expect(fromContent(content).reviews['HFA-002']?.choices['I4.techContracts/tc-3']).toEqual({ accept: false, reason });
  });
});
