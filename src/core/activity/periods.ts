// Leaderboard periods in the program's time zone: weeks run from Monday 00:00 local time to the
// next Monday 00:00 (so a DST week is 167 or 169 hours long), months from the 1st at 00:00.
import { DateTime } from 'luxon';

export interface Range {
  from: Date;
  to: Date;
}

const local = (at: Date, zone: string) => DateTime.fromJSDate(at, { zone });

/** The week [Monday 00:00, next Monday 00:00) that contains `at`, in `zone`. */
export function weekContaining(at: Date, zone: string): Range {
  const start = local(at, zone).startOf('week'); // luxon weeks are ISO weeks: they start on Monday
  return { from: start.toJSDate(), to: start.plus({ weeks: 1 }).toJSDate() };
}

/** The last full week that ended at or before `at`. */
export function weekBefore(at: Date, zone: string): Range {
  const end = local(at, zone).startOf('week');
  return { from: end.minus({ weeks: 1 }).toJSDate(), to: end.toJSDate() };
}

/** The week before `week` (for rank changes). */
export function previousWeek(week: Range, zone: string): Range {
  return { from: local(week.from, zone).minus({ weeks: 1 }).toJSDate(), to: week.from };
}

export function monthContaining(at: Date, zone: string): Range {
  const start = local(at, zone).startOf('month');
  return { from: start.toJSDate(), to: start.plus({ months: 1 }).toJSDate() };
}

/** "2026-03-02": the local date a week starts on; it names the week's JobRun period. */
export function weekKey(week: Range, zone: string): string {
  return local(week.from, zone).toISODate()!;
}

/** "Week of 2 March 2026". */
export function weekLabel(week: Range, zone: string): string {
  return `Week of ${local(week.from, zone).setLocale('en-GB').toFormat('d LLLL yyyy')}`;
}

export function monthLabel(month: Range, zone: string): string {
  return local(month.from, zone).setLocale('en-GB').toFormat('LLLL yyyy');
}

/**
 * A staff-typed calendar date (YYYY-MM-DD) as the start of that day in `zone`; `endOfDay` gives the
 * start of the next day, so a range "from 2026-01-01 to 2026-01-31" includes the whole 31st.
 */
export function parseLocalDate(text: string, zone: string, endOfDay = false): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text.trim())) return null;
  const d = DateTime.fromISO(text.trim(), { zone });
  if (!d.isValid) return null;
  return (endOfDay ? d.plus({ days: 1 }) : d).toJSDate();
}

/** The start of the day after `at`'s local day: "up to today", inclusive. */
export function endOfLocalDay(at: Date, zone: string): Date {
  return local(at, zone).startOf('day').plus({ days: 1 }).toJSDate();
}
