/**
 * Offset timestamp: an instant written as local wall-clock time with its offset from UTC,
 * `2027-01-20T09:30:00+08:00`, as a sheet's `signedAt` is (sheets-and-results.md). People in
 * the meeting read it; the offset keeps it one exact instant. The clock and the offset are the
 * caller's (shared/ has no clock), e.g. `-date.getTimezoneOffset()` in main.
 */

/** `date` as seen at `offsetMinutes` east of UTC, to the second. */
export function offsetTimestamp(date: Date, offsetMinutes: number): string {
  if (!Number.isInteger(offsetMinutes) || Math.abs(offsetMinutes) > 18 * 60) throw new RangeError(`bad UTC offset: ${offsetMinutes}`);
  const local = new Date(Math.floor(date.getTime() / 1000) * 1000 + offsetMinutes * 60_000);
  const two = (n: number) => String(n).padStart(2, '0');
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return (
    `${String(local.getUTCFullYear()).padStart(4, '0')}-${two(local.getUTCMonth() + 1)}-${two(local.getUTCDate())}` +
    `T${two(local.getUTCHours())}:${two(local.getUTCMinutes())}:${two(local.getUTCSeconds())}` +
    `${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`
  );
}
