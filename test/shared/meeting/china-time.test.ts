import { describe, expect, it } from 'vitest';
import { chinaDateTime, chinaTimeOfDay } from '../../../shared/meeting/china-time.ts';

describe('times for people, in China time whatever the laptop’s zone', () => {
  it.each([
    ['2027-01-20T01:30:05Z', '2027-01-20 09:30', '09:30:05'],
    ['2026-12-31T16:00:00Z', '2027-01-01 00:00', '00:00:00'],
    ['2027-01-20T09:30:05+08:00', '2027-01-20 09:30', '09:30:05'],
  ])('%s → %s, %s', (iso, dateTime, timeOfDay) => {
    expect(chinaDateTime(iso)).toBe(dateTime);
    expect(chinaTimeOfDay(iso)).toBe(timeOfDay);
  });

  it('leaves what is no time as it is', () => {
    expect(chinaTimeOfDay('不是时间')).toBe('不是时间');
  });
});
