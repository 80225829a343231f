/**
 * The result's analysis and `unstable` flags, through the whole merge (the code the CLI and the
 * console share), and the result format: where they sit in the text, that they parse, and that
 * a result made before them still parses.
 */
import { describe, expect, it } from 'vitest';

import type { MergePackage, VerifiedSheet } from '../../../shared/result/merge-sheets.ts';
import { mergeSheets } from '../../../shared/result/merge-sheets.ts';
import { resultFileSchema, type ResultFile } from '../../../shared/result/result-schema.ts';
import { resultText } from '../../../shared/result/result-text.ts';
import { makeExpert, makeSignedSheet } from '../../helpers/expert-sheet.ts';
import { acceptAll, hefei, I10_ZERO, workedExample } from '../rubric/fixtures.ts';
import { richClaims, smallClaims, smallDecisions } from './merge-fixtures.ts';

function pkg(allianceId: string, claims: MergePackage['claims'], digestChar: string): MergePackage {
  return { source: `${allianceId}.zip`, digest: digestChar.repeat(64), year: 2026, rubricId: 'hefei-2017', allianceId, allianceName: `${allianceId} 联盟`, claims };
}

const rich = pkg('HFA-001', richClaims, 'a');
const small = pkg('HFA-002', smallClaims, 'b');
const experts = ['E01', 'E02', 'E03', 'E04'].map((id) => makeExpert(id, `专家${id}`));

/** E01–E03 give the worked example 90.5; E04 gives I10 0 (82.5): the mean 88.5 is 合格, 90.5 without E04. */
function sheets(): VerifiedSheet[] {
  return experts.map((who, i) => ({
    source: `${who.id}.sheet.json`,
    fingerprint: who.fingerprint,
    sheet: makeSignedSheet(hefei, who, [
      { package: { allianceId: rich.allianceId, digest: rich.digest, claims: rich.claims }, decisions: acceptAll(richClaims, i === 3 ? I10_ZERO : workedExample.judged) },
      { package: { allianceId: small.allianceId, digest: small.digest, claims: small.claims }, decisions: smallDecisions(2) },
    ]),
  }));
}

function merged(): ResultFile {
  const outcome = mergeSheets(hefei, [rich, small], sheets(), { budgetYuan: 100000 });
  if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join('\n'));
  return outcome.result;
}

describe('the result with its analysis', () => {
  it('flags the alliance whose grade one expert decides, after its other flags', () => {
    const flags = merged().alliances[0]?.flags ?? [];
    expect(flags.at(-1)).toEqual({
      kind: 'unstable',
      expert: 'E04',
      detail: '去掉 E04 后总分 90.5，等级由合格变为优秀，处理由无变为“给予资金奖励”，奖励由无变为 100000 元',
    });
    expect(flags.map((f) => f.kind)).toEqual(['spread', 'unstable']);
    expect(merged().alliances[1]?.flags.filter((f) => f.kind === 'unstable')).toEqual([]);
  });

  it('carries each indicator and each expert, too few alliances for agreement', () => {
    const { analysis } = merged();
    expect(analysis?.indicators['I10']).toEqual({ icc: null, alpha: null, alliances: 2, experts: 4 });
    expect(Object.keys(analysis?.experts ?? {})).toEqual(['E01', 'E02', 'E03', 'E04']);
    // E04: 82.5 − 90.5 on HFA-001, 0 on HFA-002: mean −4, spread 4.
    expect(analysis?.experts['E04']).toEqual({ leniency: -4, spread: 4, alliances: 2 });
  });

  it('prints the analysis after the alliances, the same bytes each time, and parses back', () => {
    const text = resultText(merged());
    expect(text).toBe(resultText(merged()));
    expect(text.indexOf('"analysis"')).toBeGreaterThan(text.lastIndexOf('"allianceId"'));
    expect(text).toContain('"analysis": {\n    "indicators": {\n      "I1": {\n        "icc": null,\n        "alpha": null,\n        "alliances": 2,\n        "experts": 4\n      },');
    const parsed = resultFileSchema.safeParse(JSON.parse(text));
    expect(parsed.success).toBe(true);
    expect(parsed.success && resultText(parsed.data)).toBe(text);
  });

  it('still reads a result made before the analysis (as --previous gives it)', () => {
    const { analysis, ...older } = merged();
    void analysis;
    const oldFlags = { ...older, alliances: older.alliances.map((a) => ({ ...a, flags: a.flags.filter((f) => f.kind !== 'unstable') })) };
    const text = resultText(oldFlags);
    expect(text).not.toContain('analysis');
    expect(resultFileSchema.safeParse(JSON.parse(text)).success).toBe(true);
  });

  it('refuses an analysis with members the format does not have', () => {
    const result = JSON.parse(resultText(merged())) as { analysis: { experts: Record<string, Record<string, unknown>> } };
    const e01 = result.analysis.experts['E01'];
    if (e01 !== undefined) e01['applied'] = true;
    expect(resultFileSchema.safeParse(result).success).toBe(false);
  });
});
