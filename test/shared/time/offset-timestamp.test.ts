import { describe, expect, it } from 'vitest';
import { offsetTimestamp } from '../../../shared/time/offset-timestamp.ts';

describe('offsetTimestamp', () => {
  it.each([
    ['Beijing time', '2027-01-20T01:30:00.000Z', 480, '2027-01-20T09:30:00+08:00'],
    ['UTC', '2027-01-20T01:30:00.000Z', 0, '2027-01-20T01:30:00+00:00'],
    ['west of UTC, across midnight', '2027-01-20T01:30:00.000Z', -300, '2027-01-19T20:30:00-05:00'],
    ['a half-hour zone', '2027-01-20T01:30:00.000Z', 330, '2027-01-20T07:00:00+05:30'],
    ['milliseconds dropped, not rounded up', '2027-12-31T15:59:59.999Z', 480, '2027-12-31T23:59:59+08:00'],
  ])('writes %s', (_label, iso, offset, expected) => {
    const text = offsetTimestamp(new Date(iso), offset);
    expect(text).toBe(expected);
    expect(new Date(text).getTime()).toBe(Math.floor(new Date(iso).getTime() / 1000) * 1000);
  });

  it('refuses an offset no zone has', () => {
    expect(() => offsetTimestamp(new Date(), 20 * 60)).toThrow(RangeError);
  });
});
