/** Chinese labels for the keys the formats use, in one place so every screen says the same. */
import { allianceKindWords } from '../../../shared/package/manifest-fields.ts';

/** One name for each alliance kind everywhere: the same words the warnings and the documents use. */
export const allianceKindLabel = allianceKindWords;

export const gradeLabel = {
  excellent: '优秀',
  pass: '合格',
  fail: '不合格',
} as const;
