/**
 * Flag key: the identity of one flag of a result, so the chair's note (a finding) stays with
 * the flag it answers. A flag is identified by everything it says: alliance, kind, expert,
 * indicator and detail. When a re-signed sheet changes the numbers, the detail changes, the
 * flag is a new one and needs a new note: a note on "偏离 12.5 分" is not a note on "偏离 15 分".
 */
import type { PanelFlag } from '../panel/types.ts';
import { canonicalJson } from '../format/canonical-json.ts';

export function flagKey(allianceId: string, flag: PanelFlag): string {
  return canonicalJson({
    allianceId,
    kind: flag.kind,
    expert: flag.expert ?? null,
    indicator: flag.indicator ?? null,
    detail: flag.detail,
  });
}
