/**
 * The sample meeting: every sample package, in the order README.md lists them.
 */
import type { Rubric } from '../../../shared/rubric/types.ts';
import { voiceAlliance } from './packages/hfa-003-voice.ts';
import { nevAlliance } from './packages/hfa-011-nev.ts';
import { incubatorAlliance } from './packages/hfa-017-incubator.ts';
import { financeAlliance } from './packages/hfa-022-finance.ts';
import { biomedAlliance } from './packages/hfa-026-biomed.ts';
import { materialsAlliance } from './packages/hfa-030-materials.ts';
import type { SamplePackage } from './sample-package.ts';

export const SAMPLE_YEAR = 2026;

export function allSamples(rubric: Rubric): SamplePackage[] {
  return [voiceAlliance(rubric), nevAlliance(rubric), incubatorAlliance(rubric), financeAlliance(rubric), biomedAlliance(rubric), materialsAlliance(rubric)];
}
