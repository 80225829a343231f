import { describe, expect, it } from 'vitest';

import type { FlagView } from '../../../shared/api/chair-types.ts';
import type { PanelFlagKind } from '../../../shared/panel/types.ts';
import { flagAgenda } from '../../../renderer/src/chair/flag-agenda.ts';

function view(allianceId: string, kind: PanelFlagKind, expert?: string | null): FlagView {
  const flag = { kind, expert, detail: `${kind} ${expert ?? ''}` };
  return { key: `${allianceId}|${kind}|${String(expert)}`, allianceId, allianceName: allianceId, flag, note: null, history: [] };
}

describe('flagAgenda', () => {
  it.each([
    {
      name: 'unstable alliances first, each with all its flags, in the result order',
      flags: [view('A1', 'deviation', 'E01'), view('A2', 'spread'), view('A2', 'unstable', 'E03'), view('A3', 'override', 'E02'), view('A3', 'unstable', null)],
      order: ['A2|spread|undefined', 'A2|unstable|E03', 'A3|override|E02', 'A3|unstable|null', 'A1|deviation|E01'],
    },
    {
      name: 'no unstable alliance: the result order unchanged',
      flags: [view('A1', 'deviation', 'E01'), view('A2', 'spread')],
      order: ['A1|deviation|E01', 'A2|spread|undefined'],
    },
    { name: 'no flags', flags: [], order: [] },
  ])('$name', ({ flags, order }) => {
    expect(flagAgenda(flags).map((f) => f.key)).toEqual(order);
  });
});
