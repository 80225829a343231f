/**
 * Test fixtures for the rubric engine: the shipped hefei-2017 rubric, a made-up second rubric,
 * claim and decision builders, the worked example of rubric.md, and a seeded PRNG.
 *
 * - claims: what an alliance's package says (FlagClaim, ListClaim, JudgedClaim).
 * - decisions: what an expert's sheet says about them.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { parseRubricOrThrow } from '../../../shared/rubric/parse-rubric.ts';
import type {
  ClaimItem,
  Claims,
  Decision,
  FlagClaim,
  JudgedClaim,
  ListClaim,
  Rubric,
} from '../../../shared/rubric/types.ts';

export const HEFEI_PATH = fileURLToPath(new URL('../../../resources/rubrics/hefei-2017.json', import.meta.url));

export function hefeiJson(): Record<string, unknown> {
  return JSON.parse(readFileSync(HEFEI_PATH, 'utf8')) as Record<string, unknown>;
}

export const hefei: Rubric = parseRubricOrThrow(hefeiJson());

export function flagClaim(claimed = true): FlagClaim {
  return { claimed, evidence: ['证明材料/a.pdf'] };
}

/** `count` items with ids `<prefix>-1` … `<prefix>-<count>`. */
export function listClaim(prefix: string, count: number): ListClaim {
  return { items: Array.from({ length: count }, (_, i) => item(`${prefix}-${i + 1}`)) };
}

/** Tier items, one for each amount in 万元. */
export function tierClaim(prefix: string, amountsWan: readonly number[]): ListClaim {
  return { items: amountsWan.map((amountWan, i) => ({ ...item(`${prefix}-${i + 1}`), amountWan })) };
}

export function judgedClaim(value?: number): JudgedClaim {
  return value === undefined ? { evidence: ['白皮书.pdf'] } : { value, evidence: ['白皮书.pdf'] };
}

function item(id: string): ClaimItem {
  return { id, title: `条目 ${id}`, evidence: [`证明材料/${id}.pdf`] };
}

/** Decisions accepting every claim (flags claimed true, every item), judged values as given. */
export function acceptAll(claims: Claims, judged: Readonly<Record<string, number>> = {}): Record<string, Decision> {
  const decisions: Record<string, Decision> = {};
  for (const [criterionId, claim] of Object.entries(claims)) {
    if ('claimed' in claim) {
      if (claim.claimed) decisions[criterionId] = { accept: true };
    } else if ('items' in claim) {
      decisions[criterionId] = { accepted: claim.items.map((i) => i.id), rejected: {} };
    }
  }
  for (const [criterionId, value] of Object.entries(judged)) decisions[criterionId] = { value };
  return decisions;
}

/** Judged decisions of 0 for every I10 criterion, which a complete hefei review needs. */
export const I10_ZERO = { 'I10.status': 0, 'I10.problems': 0, 'I10.measures': 0, 'I10.outcomes': 0 } as const;

/** The worked example of rubric.md: 90.5, 优秀. */
export const workedExample = {
  claims: {
    'I1.office': flagClaim(),
    'I1.council': flagClaim(),
    'I1.platform': flagClaim(),
    'I2.plans': flagClaim(),
    'I3.policy': flagClaim(),
    'I3.report': flagClaim(),
    'I3.audit': flagClaim(),
    'I4.techContracts': listClaim('tc', 7),
    'I4.achievements': listClaim('ach', 2),
    'I4.projects': listClaim('prj', 3),
    'I5.breakthroughs': listClaim('brk', 1),
    'I6.international': listClaim('int', 12),
    'I7.services': listClaim('svc', 3),
    'I8.leadStandards': listClaim('std', 1),
    'I8.inventionPatents': listClaim('pat', 5),
    'I9.organizedEvents': listClaim('org', 1),
    'I9.joinedEvents': listClaim('join', 2),
    'I10.status': judgedClaim(2.5),
    'I10.problems': judgedClaim(2),
    'I10.measures': judgedClaim(2),
    'I10.outcomes': judgedClaim(1.5),
    'I11.newMembers': listClaim('mem', 7),
    'I11.monthlyReports': flagClaim(),
    'I11.bureauEvents': listClaim('bur', 4),
    'B2.majorProjects': tierClaim('mp', [50000, 9999, 10000]),
  } satisfies Claims,
  judged: { 'I10.status': 2.5, 'I10.problems': 2, 'I10.measures': 2, 'I10.outcomes': 1.5 },
  indicators: {
    I1: '7', I2: '5', I3: '10', I4: '10', I5: '5', I6: '10', I7: '6', I8: '7', I9: '7', I10: '8', I11: '7', B1: '0', B2: '8.5',
  },
  groups: { system: '22', tasks: '60', bonus: '8.5' },
  total: '90.5',
} as const;

/**
 * A made-up rubric, unlike hefei-2017 in every dimension the engine reads (two groups with
 * other ids, other caps and grade thresholds, a band starting at 3, a four-tier ladder, a
 * per-pair worth 1.5, a capped per-item, judged max 5), to prove a revised rubric is data only.
 */
export const madeUpJson = {
  format: 'alliance-review/rubric',
  version: 1,
  id: 'made-up-2030',
  title: '虚构的考核细则',
  grades: { excellent: 85, pass: 50 },
  awardCapYuan: 300000,
  groups: [
    {
      id: 'core',
      label: '核心工作',
      cap: 40,
      indicators: [
        {
          id: 'K1',
          label: '会员发展',
          cap: 12,
          rule: '新会员3-4家得2分，5-9家得4.5分，10家以上得8分；年会计4分。',
          criteria: [
            { id: 'K1.members', kind: 'band', nature: 'objective', label: '新会员', rule: '3-4家2分，5-9家4.5分，10家以上8分', bands: [{ from: 3, to: 4, points: 2 }, { from: 5, to: 9, points: 4.5 }, { from: 10, to: null, points: 8 }] },
            { id: 'K1.annualMeeting', kind: 'flag', nature: 'objective', points: 4, label: '年会', rule: '召开年会计4分' },
          ],
        },
        {
          id: 'K2',
          label: '专利与论文',
          cap: 28,
          rule: '授权专利每2件计1.5分；论文每篇0.5分，最多6分；报告专家评分，满分5分。',
          criteria: [
            { id: 'K2.patents', kind: 'perPair', nature: 'objective', points: 1.5, label: '授权专利', rule: '每2件计1.5分' },
            { id: 'K2.papers', kind: 'perItem', nature: 'objective', points: 0.5, cap: 6, label: '论文', rule: '每篇0.5分，最多6分' },
            { id: 'K2.report', kind: 'judged', nature: 'subjective', max: 5, label: '年度报告', rule: '专家评分，满分5分' },
          ],
        },
      ],
    },
    {
      id: 'extra',
      label: '附加',
      cap: null,
      indicators: [
        {
          id: 'X1',
          label: '投资',
          cap: null,
          rule: '投资额100万以下0.5分，100-1000万1分，1000-10000万3分，10000万以上7分',
          criteria: [
            {
              id: 'X1.investments',
              kind: 'tier', nature: 'objective',
              label: '投资',
              rule: '按金额分档',
              tiers: [
                { fromWan: 0, belowWan: 100, points: 0.5 },
                { fromWan: 100, belowWan: 1000, points: 1 },
                { fromWan: 1000, belowWan: 10000, points: 3 },
                { fromWan: 10000, belowWan: null, points: 7 },
              ],
              forAllianceKinds: ['finance'],
            },
          ],
        },
      ],
    },
  ],
};

export const madeUp: Rubric = parseRubricOrThrow(madeUpJson);

/** mulberry32: a tiny seeded PRNG so property tests are random yet reproducible. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A whole number in [0, max], from `random`. */
export function randomInt(random: () => number, max: number): number {
  return Math.floor(random() * (max + 1));
}
