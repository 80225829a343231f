/**
 * The calendar the date field opens: a month as weeks from Monday (as calendars in China print
 * them), and the moves its keys make. Dates are `YYYY-MM-DD` text throughout, computed in UTC so
 * that no time zone or daylight-saving change can shift a day.
 *
 * - day: `YYYY-MM-DD`.
 * - month grid: the weeks that hold the month's days, each seven days from Monday; days of the
 *   months before and after fill the first and last week.
 */

export interface CalendarDay {
  readonly iso: string;
  readonly day: number;
  /** The day belongs to the month shown (not to the one before or after). */
  readonly inMonth: boolean;
}

function toIso(date: Date): string {
  return `${String(date.getUTCFullYear()).padStart(4, '0')}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-${String(date.getUTCDate()).padStart(2, '0')}`;
}

function fromIso(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

export function yearMonthOf(iso: string): { readonly year: number; readonly month: number } {
  const date = fromIso(iso);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1 };
}

/** The person's own date today, from the clock they see (local time). */
export function todayIso(now: Date): string {
  return toIso(new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate())));
}

export function addDays(iso: string, days: number): string {
  const date = fromIso(iso);
  date.setUTCDate(date.getUTCDate() + days);
  return toIso(date);
}

/** The same day `months` later, or the month's last day when it has no such day (01-31 → 02-28). */
export function addMonths(iso: string, months: number): string {
  const date = fromIso(iso);
  const day = date.getUTCDate();
  const first = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(day, last));
  return toIso(first);
}

/** 0 for Monday … 6 for Sunday. */
function weekdayFromMonday(date: Date): number {
  return (date.getUTCDay() + 6) % 7;
}

export function startOfWeek(iso: string): string {
  return addDays(iso, -weekdayFromMonday(fromIso(iso)));
}

export function endOfWeek(iso: string): string {
  return addDays(iso, 6 - weekdayFromMonday(fromIso(iso)));
}

export function monthGrid(year: number, month: number): CalendarDay[][] {
  const first = toIso(new Date(Date.UTC(year, month - 1, 1)));
  const last = toIso(new Date(Date.UTC(year, month, 0)));
  const weeks: CalendarDay[][] = [];
  for (let start = startOfWeek(first); start <= last; start = addDays(start, 7)) {
    weeks.push(
      Array.from({ length: 7 }, (_, i) => {
        const iso = addDays(start, i);
        const date = fromIso(iso);
        return { iso, day: date.getUTCDate(), inMonth: date.getUTCMonth() === month - 1 };
      }),
    );
  }
  return weeks;
}

/** A day as a person says it: 2026年12月1日 星期二. */
export function dayWords(iso: string): string {
  const date = fromIso(iso);
  return `${date.getUTCFullYear()}年${date.getUTCMonth() + 1}月${date.getUTCDate()}日 星期${'一二三四五六日'[weekdayFromMonday(date)] ?? ''}`;
}
