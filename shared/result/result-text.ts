/**
 * Result text: the bytes `merge --json` prints, the same for the same inputs on every laptop.
 *
 * - result text: indented JSON (two spaces, a final newline) with every object's members in
 *   the fixed order of the format's description, whatever order the object was built in, and
 *   numbers as `toJsonNumber` made them (at most two decimals, printed exactly).
 *
 * The order of alliances, experts and flags is the result's own (merge-sheets.ts sorts them);
 * this only fixes the members' order, so the text is a function of the values alone.
 */
import type { AllianceResult, PanelAnalysis, PanelFlag } from '../panel/types.ts';
import type { ResultFile } from './result-schema.ts';

export function resultText(result: ResultFile): string {
  const ordered = {
    format: result.format,
    version: result.version,
    year: result.year,
    rubric: result.rubric,
    method: result.method,
    alliances: result.alliances.map(orderedAlliance),
    // Absent (left out by JSON.stringify) in a result made before the analysis existed.
    analysis: result.analysis === undefined ? undefined : orderedAnalysis(result.analysis),
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

function orderedAlliance(alliance: AllianceResult): AllianceResult {
  return {
    allianceId: alliance.allianceId,
    name: alliance.name,
    packageDigest: alliance.packageDigest,
    selfTotal: alliance.selfTotal,
    experts: alliance.experts.map((expert) => ({
      id: expert.id,
      fingerprint: expert.fingerprint,
      recused: expert.recused,
      total: expert.total,
      indicators: expert.indicators,
    })),
    indicators: alliance.indicators,
    total: alliance.total,
    grade: alliance.grade,
    consequence: alliance.consequence,
    award: alliance.award,
    flags: alliance.flags.map(orderedFlag),
  };
}

function orderedFlag(flag: PanelFlag): PanelFlag {
  // JSON.stringify leaves out the members that are undefined (a quorum flag names no expert).
  return { kind: flag.kind, expert: flag.expert, indicator: flag.indicator, detail: flag.detail };
}

/** Indicators and experts keep the order they were built in (rubric order, id order); members a fixed order. */
function orderedAnalysis(analysis: PanelAnalysis): PanelAnalysis {
  const indicators: Record<string, PanelAnalysis['indicators'][string]> = {};
  for (const [id, a] of Object.entries(analysis.indicators)) {
    indicators[id] = { icc: a.icc, alpha: a.alpha, alliances: a.alliances, experts: a.experts };
  }
  const experts: Record<string, PanelAnalysis['experts'][string]> = {};
  for (const [id, e] of Object.entries(analysis.experts)) {
    experts[id] = { leniency: e.leniency, spread: e.spread, alliances: e.alliances };
  }
  return { indicators, experts };
}
