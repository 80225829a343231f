import { describe, expect, it } from 'vitest';
import { addDays, addMonths, dayWords, endOfWeek, monthGrid, startOfWeek, todayIso } from '../../../renderer/src/common/calendar-month.ts';

describe('the date field’s calendar', () => {
  it('lays a month out in weeks from Monday, filled from the months around it', () => {
    // December 2026 starts on a Tuesday and ends on a Thursday.
    const weeks = monthGrid(2026, 12);
    expect(weeks).toHaveLength(5);
    expect(weeks[0]!.map((d) => d.iso)).toEqual(['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06']);
    expect(weeks[0]![0]!.inMonth).toBe(false);
    expect(weeks[4]!.map((d) => `${d.day}${d.inMonth ? '' : '*'}`)).toEqual(['28', '29', '30', '31', '1*', '2*', '3*']);
    // February 2027 begins on a Monday and fills exactly four weeks.
    expect(monthGrid(2027, 2)).toHaveLength(4);
    expect(monthGrid(2028, 2).flat().filter((d) => d.inMonth)).toHaveLength(29);
  });

  it.each([
    ['2026-12-31', 1, '2027-01-01'],
    ['2027-03-01', -1, '2027-02-28'],
    ['2028-03-01', -1, '2028-02-29'],
    ['2026-12-01', -7, '2026-11-24'],
  ])('addDays(%s, %i) = %s', (iso, n, expected) => {
    expect(addDays(iso, n)).toBe(expected);
  });

  it.each([
    ['2027-01-31', 1, '2027-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2027-01-15', -1, '2026-12-15'],
    ['2026-12-01', 12, '2027-12-01'],
    ['2028-02-29', -12, '2027-02-28'],
  ])('addMonths(%s, %i) = %s', (iso, n, expected) => {
    expect(addMonths(iso, n)).toBe(expected);
  });

  it('finds the week’s Monday and Sunday, names a day, and reads today from the local clock', () => {
    expect(startOfWeek('2026-12-03')).toBe('2026-11-30');
    expect(endOfWeek('2026-12-03')).toBe('2026-12-06');
    expect(startOfWeek('2026-11-30')).toBe('2026-11-30');
    expect(endOfWeek('2026-12-06')).toBe('2026-12-06');
    expect(dayWords('2026-12-01')).toBe('2026年12月1日 星期二');
    expect(dayWords('2026-12-06')).toBe('2026年12月6日 星期日');
    expect(todayIso(new Date(2026, 11, 1, 23, 59))).toBe('2026-12-01');
  });
});
