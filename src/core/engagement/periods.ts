// Report periods in the program's time zone: ISO weeks (Monday 00:00), calendar months and quarters.
// A report covers the last complete period before "now", with the periods before it for the trend.
import { DateTime } from 'luxon';
import type { Range } from '../activity/periods.js';

export type ReportPeriod = 'week' | 'month' | 'quarter';

const unit = { week: 'week', month: 'month', quarter: 'quarter' } as const;
const length = { week: { weeks: 1 }, month: { months: 1 }, quarter: { quarters: 1 } } as const;

/** The `count` complete periods that ended at or before `at`, oldest first (the last is the one reported). */
export function lastPeriods(kind: ReportPeriod, at: Date, zone: string, count: number): Range[] {
  const end = DateTime.fromJSDate(at, { zone }).startOf(unit[kind]);
  const out: Range[] = [];
  for (let i = count; i >= 1; i--) {
    const from = end.minus({ [unit[kind] + 's']: i });
    out.push({ from: from.toJSDate(), to: from.plus(length[kind]).toJSDate() });
  }
  return out;
}

/** Consecutive weeks covering [from, to), the last `count` of them (a campaign's trend). */
export function weeksOf(range: Range, zone: string, count: number): Range[] {
  const weeks: Range[] = [];
  let start = DateTime.fromJSDate(range.from, { zone }).startOf('week');
  while (start.toJSDate() < range.to) {
    const next = start.plus({ weeks: 1 });
    weeks.push({ from: start.toJSDate() < range.from ? range.from : start.toJSDate(), to: next.toJSDate() > range.to ? range.to : next.toJSDate() });
    start = next;
  }
  return weeks.slice(-count);
}

/** "W 2 Mar", "Mar 2026", "Q1 2026": short labels for a chart's axis. */
export function shortLabel(kind: ReportPeriod, r: Range, zone: string): string {
  const d = DateTime.fromJSDate(r.from, { zone }).setLocale('en-GB');
  if (kind === 'week') return d.toFormat("'W' d LLL");
  if (kind === 'month') return d.toFormat('LLL yyyy');
  return `Q${d.quarter} ${d.year}`;
}

/** "Week of 2 March 2026", "March 2026", "Q1 2026 (January–March)". */
export function longLabel(kind: ReportPeriod, r: Range, zone: string): string {
  const d = DateTime.fromJSDate(r.from, { zone }).setLocale('en-GB');
  if (kind === 'week') return d.toFormat("'Week of' d LLLL yyyy");
  if (kind === 'month') return d.toFormat('LLLL yyyy');
  return `Q${d.quarter} ${d.year} (${d.toFormat('LLLL')}–${d.plus({ months: 2 }).toFormat('LLLL')})`;
}
