import { describe, expect, it } from 'vitest';
import { allianceKindLabel, gradeLabel } from '../../../renderer/src/common/labels.ts';
import { ALLIANCE_KINDS } from '../../../shared/rubric/types.ts';

describe('labels: the Chinese words every screen uses for format keys', () => {
  it('names every alliance kind of the rubric, each differently', () => {
    expect(Object.keys(allianceKindLabel).sort()).toEqual([...ALLIANCE_KINDS].sort());
    expect(new Set(Object.values(allianceKindLabel)).size).toBe(ALLIANCE_KINDS.length);
  });

  it('names the three grades as the rubric does', () => {
    expect(gradeLabel).toEqual({ excellent: '优秀', pass: '合格', fail: '不合格' });
  });
});
