/**
 * China time, for people: the meeting happens in Hefei, so times recorded in UTC (ISO 8601) are
 * shown as `2027-01-20 09:30` in China Standard Time (UTC+8, no daylight saving), whatever zone
 * the laptop is set to.
 */
export function chinaDateTime(iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  return new Date(time + 8 * 3600 * 1000).toISOString().slice(0, 16).replace('T', ' ');
}

/** The time of day in China time with seconds, `09:30:05`: for "saved at" beside a field. */
export function chinaTimeOfDay(iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  return new Date(time + 8 * 3600 * 1000).toISOString().slice(11, 19);
}
