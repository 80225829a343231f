import { describe, expect, it } from 'vitest';

import type { MergePackage, VerifiedSheet } from '../../../shared/result/merge-sheets.ts';
import { mergeSheets } from '../../../shared/result/merge-sheets.ts';
import type { PaperSheet } from '../../../shared/result/paper-sheet.ts';
import { resultFileSchema } from '../../../shared/result/result-schema.ts';
import { resultText } from '../../../shared/result/result-text.ts';
import type { ReviewSpec, TestExpert } from '../../helpers/expert-sheet.ts';
import { makeExpert, makeSignedSheet, unsignedSheet } from '../../helpers/expert-sheet.ts';
import { hefei } from '../rubric/fixtures.ts';
import { smallClaims, smallDecisions } from './merge-fixtures.ts';

const small: MergePackage = {
  source: 'HFA-002.zip',
  digest: 'b'.repeat(64),
  year: 2026,
  rubricId: 'hefei-2017',
  allianceId: 'HFA-002',
  allianceName: 'HFA-002 联盟',
  claims: smallClaims,
};
const on = { allianceId: small.allianceId, digest: small.digest, claims: small.claims };

const [e1, e2, e3] = ['E01', 'E02', 'E03'].map((id) => makeExpert(id, `专家${id}`)) as [TestExpert, TestExpert, TestExpert];

function signed(who: TestExpert, reviews: ReviewSpec[]): VerifiedSheet {
  return { source: `${who.id}.sheet.json`, sheet: makeSignedSheet(hefei, who, reviews), fingerprint: who.fingerprint };
}

function paper(who: TestExpert, reviews: ReviewSpec[]): PaperSheet {
  return { source: `纸质评分表 ${who.id}`, sheet: unsignedSheet(hefei, who, reviews), enteredBy: '张三', confirmedBy: '李四' };
}

describe('mergeSheets with a paper sheet', () => {
  const sheets = [signed(e1, [{ package: on, decisions: smallDecisions(2.5) }]), signed(e2, [{ package: on, decisions: smallDecisions(2) }])];

  it('scores the paper sheet like a signed one, shows fingerprint "paper" and flags it with who typed it', () => {
    const outcome = mergeSheets(hefei, [small], sheets, { paperSheets: [paper(e3, [{ package: on, decisions: smallDecisions(1.5) }])] });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
    const alliance = outcome.result.alliances[0];
    expect(alliance?.experts.map((e) => [e.id, e.fingerprint, e.total])).toEqual([
      ['E01', e1.fingerprint, 25],
      ['E02', e2.fingerprint, 23],
      ['E03', 'paper', 21],
    ]);
    expect(alliance?.total).toBe(23);
    expect(alliance?.flags.at(-1)).toEqual({
      kind: 'paper-entered',
      expert: 'E03',
      detail: '纸质评分表，无电子签名：由 张三 录入，李四 盲录复核一致',
    });
    expect(outcome.paperSheets.map((p) => p.sheet.expert.id)).toEqual(['E03']);
    // The result with a paper sheet is still a valid result file (next year's --previous reads it).
    expect(resultFileSchema.safeParse(JSON.parse(resultText(outcome.result))).success).toBe(true);
  });

  it('gives the same result as a signed sheet with the same decisions, apart from fingerprint and flag', () => {
    const reviews = [{ package: on, decisions: smallDecisions(1.5) }];
    const withPaper = mergeSheets(hefei, [small], sheets, { paperSheets: [paper(e3, reviews)] });
    const allSigned = mergeSheets(hefei, [small], [...sheets, signed(e3, reviews)]);
    if (!withPaper.ok || !allSigned.ok) throw new Error('refused');
    const strip = (result: typeof withPaper.result) => ({
      ...result,
      alliances: result.alliances.map((a) => ({
        ...a,
        experts: a.experts.map((e) => ({ ...e, fingerprint: '-' })),
        flags: a.flags.filter((f) => f.kind !== 'paper-entered'),
      })),
    });
    expect(withPaper.result.alliances[0]?.flags.map((f) => f.kind)).toEqual(['paper-entered']);
    expect(resultText(strip(withPaper.result))).toBe(resultText(strip(allSigned.result)));
  });

  it('refuses an incomplete paper sheet like any sheet, naming it', () => {
    const decisions = { ...smallDecisions(2) };
    delete (decisions as Record<string, unknown>)['I2.plans'];
    const outcome = mergeSheets(hefei, [small], sheets, { paperSheets: [paper(e3, [{ package: on, decisions }])] });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.problems.map((p) => [p.code, p.source])).toEqual([['review-incomplete', '纸质评分表 E03']]);
  });

  it('refuses an expert with both a paper and a signed sheet', () => {
    const outcome = mergeSheets(hefei, [small], sheets, { paperSheets: [paper(e2, [{ package: on, decisions: smallDecisions(2) }])] });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(new Set(outcome.problems.map((p) => p.code))).toEqual(new Set(['expert-two-sheets']));
  });
});
