import { describe, expect, it } from 'vitest';
import { EXPERT_STATE_LABELS, SHEET_STATUS_LABELS, flagLabel } from '../../../renderer/src/chair/flag-labels.ts';

describe('flag labels of the chair console', () => {
  it.each([
    ['deviation', '偏离'],
    ['spread', '分歧'],
    ['quorum', '人数不足'],
    ['trimmed-not-applied', '未去极值'],
    ['override', '改判'],
    ['paper-entered', '纸质录入'],
    ['unstable', '结果不稳'],
  ])('labels the %s flag %s', (kind, label) => {
    expect(flagLabel(kind)).toBe(label);
  });

  it('shows a flag kind it does not know by its key rather than hiding it', () => {
    expect(flagLabel('new-kind')).toBe('new-kind');
  });

  it('says a different word for every expert state and every sheet status', () => {
    for (const labels of [EXPERT_STATE_LABELS, SHEET_STATUS_LABELS]) {
      const words = Object.values(labels);
      expect(new Set(words).size).toBe(words.length);
      expect(words.every((w) => w.trim() !== '')).toBe(true);
    }
  });
});
