import { describe, expect, it } from 'vitest';

import type { AllianceInput } from '../../../shared/panel/alliance-results.ts';
import { panelAnalysis } from '../../../shared/panel/panel-analysis.ts';
import type { PanelExpert } from '../../../shared/panel/types.ts';
import type { Claims, Decisions } from '../../../shared/rubric/types.ts';
import { flagClaim, hefei, listClaim } from '../rubric/fixtures.ts';
import { recused, scoring } from './panel-fixtures.ts';

/*
 * Five alliances × three experts. The experts' I1 scores are given directly and are their
 * totals (every other indicator 0); their decisions on I1.office (claimed by every alliance)
 * are given on their own: the analysis reads scores and decisions separately, so they need not
 * match here. Expected values computed independently (numpy, and the coincidence matrix by hand):
 * ICC(2,1) 0.8997, alpha 0.4815, leniency E01 −0.4 (σ 0.490), E02 −0.1 (σ 0.917), E03 0.5 (σ 0.949).
 */
const I1 = [
  [7, 6, 7],
  [4, 4, 5],
  [2, 3, 2],
  [5, 5, 7],
  [1, 2, 1],
] as const;
const OFFICE = ['aaa', 'ara', 'rrr', 'aaa', 'rra'] as const;
const IDS = ['E01', 'E02', 'E03'] as const;

function withDecisions(expert: PanelExpert, decisions: Decisions): PanelExpert {
  return expert.recused ? expert : { ...expert, decisions };
}

function alliance(i: number, experts: readonly PanelExpert[], claims: Claims = { 'I1.office': flagClaim() }): AllianceInput {
  return { allianceId: `HFA-00${i + 1}`, name: `联盟 ${i + 1}`, packageDigest: 'a'.repeat(64), claims, experts };
}

function panel(count = 5): AllianceInput[] {
  return I1.slice(0, count).map((scores, i) =>
    alliance(
      i,
      IDS.map((id, e) =>
        withDecisions(scoring(id, { I1: scores[e] ?? 0 }), {
          'I1.office': OFFICE[i]?.[e] === 'a' ? { accept: true } : { accept: false, reason: '未见专职人员' },
        }),
      ),
    ),
  );
}

describe('panelAnalysis', () => {
  it('gives ICC(2,1) and alpha of each indicator, to three decimals, with the sample used', () => {
    const analysis = panelAnalysis(hefei, panel());
    expect(analysis.indicators['I1']).toEqual({ icc: 0.9, alpha: 0.481, alliances: 5, experts: 3 });
    // Every score 0 and nothing claimed: no variance, no decision to compare.
    expect(analysis.indicators['I2']).toEqual({ icc: null, alpha: null, alliances: 5, experts: 3 });
    expect(Object.keys(analysis.indicators)).toEqual(['I1', 'I2', 'I3', 'I4', 'I5', 'I6', 'I7', 'I8', 'I9', 'I10', 'I11', 'B1', 'B2']);
  });

  it('gives each expert its leniency and spread against the others', () => {
    expect(panelAnalysis(hefei, panel()).experts).toEqual({
      E01: { leniency: -0.4, spread: 0.49, alliances: 5 },
      E02: { leniency: -0.1, spread: 0.917, alliances: 5 },
      E03: { leniency: 0.5, spread: 0.949, alliances: 5 },
    });
  });

  it.each([
    { name: 'four alliances', alliances: panel(4), sample: 4, experts: 3 },
    {
      // A fourth expert who recused one alliance: only the four that all four scored count.
      name: 'a recusal takes its alliance out of the sample',
      alliances: panel().map((a, i) => ({ ...a, experts: [...a.experts, i === 2 ? recused('E04') : scoring('E04', { I1: 3 })] })),
      sample: 4,
      experts: 4,
    },
    { name: 'two experts', alliances: panel().map((a) => ({ ...a, experts: a.experts.slice(0, 2) })), sample: 5, experts: 2 },
  ])('is not computed with too few ($name)', ({ alliances, sample, experts }) => {
    expect(panelAnalysis(hefei, alliances).indicators['I1']).toEqual({ icc: null, alpha: null, alliances: sample, experts });
  });

  it('counts each claimed item of a list criterion as a unit, and an undecided one as missing', () => {
    const claims: Claims = { 'I4.techContracts': listClaim('tc', 2) };
    const decided = (accepted: string[], rejected: string[]): Decisions => ({
      'I4.techContracts': { accepted, rejected: Object.fromEntries(rejected.map((id) => [id, '未登记'])) },
    });
    const alliances = I1.map((_, i) =>
      alliance(
        i,
        IDS.map((id, e) => {
          // E03 rejects tc-2 everywhere; on the first alliance E01 gave no decision for the criterion.
          const decisions = i === 0 && e === 0 ? {} : e === 2 ? decided(['tc-1'], ['tc-2']) : decided(['tc-1', 'tc-2'], []);
          return withDecisions(scoring(id, { I4: 2 - (e === 2 ? 1 : 0) + (i % 2) }), decisions);
        }),
        claims,
      ),
    );
    // Units: tc-1 {a,a,a} ×4 and {a,a} (E01 missing on HFA-001); tc-2 {a,a,r} ×4 and {a,r}.
    // o(a,a) = 4·3 + 2 + 4·1 = 18, o(a,r) = o(r,a) = 4·1 + 1 = 5; n(a) = 23, n(r) = 5, n = 28:
    // alpha = 1 − 27·10 / (2·23·5) = −0.1739.
    expect(panelAnalysis(hefei, alliances).indicators['I4']?.alpha).toBe(-0.174);
  });

  it('has no leniency for an expert who never scored with another', () => {
    const alliances = [alliance(0, [scoring('E01', { I1: 5 }), recused('E02')])];
    expect(panelAnalysis(hefei, alliances).experts).toEqual({
      E01: { leniency: null, spread: null, alliances: 0 },
      E02: { leniency: null, spread: null, alliances: 0 },
    });
  });

  it('lists experts in id order whatever order the alliances give them in', () => {
    const alliances = [alliance(0, [scoring('E02', { I1: 5 }), scoring('E10', { I1: 4 })]), alliance(1, [scoring('E01', { I1: 5 }), scoring('E02', { I1: 4 })])];
    expect(Object.keys(panelAnalysis(hefei, alliances).experts)).toEqual(['E01', 'E02', 'E10']);
  });
});
