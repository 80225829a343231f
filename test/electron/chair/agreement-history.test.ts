/**
 * Agreement by year through the chair's channel, on a real SQLite store holding meetings of
 * 2024, 2025 and 2026, each with real package zips of its year and real signed sheets
 * (test/helpers/agreement-years.ts). Expected values by hand (exact fractions):
 * - 2025 I10.status: ICC(2,1) of the values 0.8997 → 0.900 (一致性好); I10 scores are those
 *   values plus zeros, so I10 is 0.900 too.
 * - 2025 I1.office (aaa ara rrr aaa rra): alpha = 1 − 14·4 / (2·9·6) = 0.481 (差).
 * - 2025 I1: scores are office's points when accepted plus a constant, so ICC is that of the
 *   0/1 matrix: BMS 0.5667, JMS 0.2, EMS 0.1167, ICC = 0.45 / 0.85 = 0.529 (一般); alpha with
 *   the 10 all-accepted council and platform units: 1 − 44·4 / (2·39·6) = 0.624 (差).
 * - 2026: each alliance the same value and decision from every expert: ICC 1, alpha 1.
 * - 2024: four alliances, so 样本太少.
 */
import { describe, expect, it } from 'vitest';
import { call } from '../../helpers/call.ts';
import { testContext } from '../../helpers/context.ts';
import { storeYearMeeting } from '../../helpers/agreement-years.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';

const tempDir = useTempDir('agreement-years-');

const Y2025 = {
  year: 2025,
  values: [
    [1.4, 1.2, 1.4],
    [0.8, 0.8, 1.0],
    [0.4, 0.6, 0.4],
    [1.0, 1.0, 1.4],
    [0.2, 0.4, 0.2],
  ],
  office: ['aaa', 'ara', 'rrr', 'aaa', 'rra'],
};
const Y2026 = {
  year: 2026,
  values: [
    [2, 2, 2],
    [1, 1, 1],
    [2.5, 2.5, 2.5],
    [0, 0, 0],
    [1, 1, 1],
  ],
  office: ['aaa', 'rrr', 'aaa', 'aaa', 'rrr'],
};
const Y2024 = { year: 2024, values: Y2025.values.slice(0, 4), office: Y2025.office.slice(0, 4) };

describe('agreement by year (panel-agreement-history)', () => {
  it('gives each criterion and indicator its agreement and reading in each stored year, from each meeting’s signed sheets', async () => {
    const dir = tempDir();
    const ctx = testContext(tempDir());
    await storeYearMeeting(ctx, dir, Y2024);
    await storeYearMeeting(ctx, dir, Y2025);
    // A newer 2025 meeting that was never prepared does not hide the 2025 that was held.
    await call(ctx, 'meeting-create', { name: '2025 年度评审会（重建）', year: 2025 });
    const open = await storeYearMeeting(ctx, dir, Y2026);
    // A later year is not looked at from 2026.
    await storeYearMeeting(ctx, dir, { ...Y2026, year: 2027 });

    const history = await call(ctx, 'panel-agreement-history', { meetingId: open });
    expect(history.years.map((y) => y.year)).toEqual([2024, 2025, 2026]);
    expect(history.left).toEqual([]);
    const cells = (id: string) =>
      history.rows.find((row) => row.id === id)?.cells.map((cell) => cell?.measures.map((m) => `${m.statistic} ${m.value ?? '—'} ${m.reading.text}`).join(' / '));
    expect(cells('I10.status')).toEqual(['icc — 样本太少', 'icc 0.9 一致性好', 'icc 1 一致性好']);
    expect(cells('I1.office')).toEqual(['alpha — 样本太少', 'alpha 0.481 差', 'alpha 1 一致性好']);
    expect(cells('I1.council')?.[1]).toBe('alpha — 认定全部相同或无认定项，无从计算');
    expect(cells('I1')).toEqual([
      'icc — 样本太少 / alpha — 样本太少',
      'icc 0.529 一般 / alpha 0.624 差',
      'icc 1 一致性好 / alpha 1 一致性好',
    ]);
    expect(cells('I10')?.[1]).toBe('icc 0.9 一致性好 / alpha — 认定全部相同或无认定项，无从计算');
    expect(history.rows.find((row) => row.id === 'I1.office')?.cells.map((cell) => `${cell?.alliances}×${cell?.experts}`)).toEqual(['4×3', '5×3', '5×3']);

    // The 2026 column is the open meeting's own panel: the same numbers as its result's analysis.
    const view = await call(ctx, 'panel-view', { meetingId: open });
    const i1 = view.result?.analysis?.indicators['I1'];
    expect(history.rows.find((row) => row.id === 'I1')?.cells[2]?.measures.map((m) => m.value)).toEqual([i1?.icc, i1?.alpha]);
    ctx.close();
  });

  it('names a year whose meeting has no merged sheets yet, and gives only the open year when the store holds no other', async () => {
    const dir = tempDir();
    const ctx = testContext(tempDir());
    const open = await storeYearMeeting(ctx, dir, Y2026);
    expect((await call(ctx, 'panel-agreement-history', { meetingId: open })).years.map((y) => y.year)).toEqual([2026]);
    await call(ctx, 'meeting-create', { name: '2025 年度评审会', year: 2025 });
    const history = await call(ctx, 'panel-agreement-history', { meetingId: open });
    expect(history.years.map((y) => y.year)).toEqual([2026]);
    expect(history.left).toEqual([{ year: 2025, meetingName: '2025 年度评审会', reason: '会议尚未准备（没有设置、名册和材料包）' }]);
    ctx.close();
  });
});
