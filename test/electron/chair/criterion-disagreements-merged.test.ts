/**
 * The criterion disagreements on a real merged panel: the chair meeting of
 * test/helpers/chair-meeting.ts (real package zips, real signed sheets) merged by the CLI's
 * own function, then read by shared/panel/criterion-disagreements.ts. Expected by hand:
 * - HFA-002, I10's four parts, values 2.5 2 1.5 2 0 (E01…E05), limit 0.3 × 2.5 = 0.75: E01 2.5
 *   against the others' mean 5.5 / 4 = 1.375 is 1.125 away (高); E05 0 against 8 / 4 = 2 is 2
 *   away (低); E02 and E04 (2 vs 6 / 4 = 1.5) and E03 (1.5 vs 6.5 / 4 = 1.625) are within.
 *   So E01 and E05 on each of the four parts, nothing else.
 * - HFA-002, I2.plans: rejected by E05 only, accepted by E01–E04: one objective disagreement.
 * - HFA-003: E03 recused, the other four all reject I3.audit and B2's items: no disagreement.
 */
import { describe, expect, it } from 'vitest';
import { mergeFiles } from '../../../electron/sheets/merge-files.ts';
import { objectiveDisagreements, subjectiveOutliers } from '../../../shared/panel/criterion-disagreements.ts';
import { writeChairMeeting } from '../../helpers/chair-meeting.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';

const tempDir = useTempDir('criterion-disagreements-');

describe('criterion disagreements of a merged panel', () => {
  it('lists the objective claims decided differently and the subjective scores out of line, exactly', async () => {
    const meeting = await writeChairMeeting(tempDir());
    const outcome = await mergeFiles({ cwd: meeting.dir, packages: meeting.packages.map((p) => p.path), sheets: meeting.sheets, method: 'trimmed' });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));

    const outliers = subjectiveOutliers(outcome.rubric, outcome.alliances);
    expect(outliers.map((o) => `${o.allianceId} ${o.criterionId} ${o.expertId} ${o.score.toFixed()} ${o.othersMean.toFixed()} ${o.direction}`)).toEqual([
      'HFA-002 I10.status E01 2.5 1.375 high',
      'HFA-002 I10.status E05 0 2 low',
      'HFA-002 I10.problems E01 2.5 1.375 high',
      'HFA-002 I10.problems E05 0 2 low',
      'HFA-002 I10.measures E01 2.5 1.375 high',
      'HFA-002 I10.measures E05 0 2 low',
      'HFA-002 I10.outcomes E01 2.5 1.375 high',
      'HFA-002 I10.outcomes E05 0 2 low',
    ]);

    const disagreements = objectiveDisagreements(outcome.rubric, outcome.alliances);
    expect(disagreements.map((d) => `${d.allianceId} ${d.criterionId} ${d.itemId ?? ''} ${d.decisions.map((x) => `${x.expertId}:${x.decision}`).join(' ')}`)).toEqual([
      'HFA-002 I2.plans  E01:accept E02:accept E03:accept E04:accept E05:reject',
    ]);
    expect(disagreements[0]?.decisions[4]).toEqual({ expertId: 'E05', decision: 'reject', reason: '证明材料不足' });
  });
});
