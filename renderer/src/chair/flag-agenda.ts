/**
 * The chair's agenda of flags: the flags of alliances whose outcome is unstable (an `unstable`
 * flag: one expert or the method decides the grade, consequence or award) come first, since
 * those disagreements matter most; then every other alliance's flags. Within each part the
 * result's own order (alliances by id, flags as the merge lists them) is kept.
 */
import type { FlagView } from '../../../shared/api/chair-types.ts';

export function flagAgenda(flags: readonly FlagView[]): FlagView[] {
  const unstable = new Set(flags.filter((f) => f.flag.kind === 'unstable').map((f) => f.allianceId));
  return [...flags.filter((f) => unstable.has(f.allianceId)), ...flags.filter((f) => !unstable.has(f.allianceId))];
}
