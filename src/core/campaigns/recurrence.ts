// Turns what staff type into a schedule: a friendly recurrence ("every Monday 09:00") or a raw
// 5-field cron expression into { cron, description }, and a one-off date-time into an instant.
// Errors are meant to be shown to staff as they are: say what is wrong and give an example.
import { CronExpressionParser } from 'cron-parser';
import { DateTime } from 'luxon';
import { isValidTimeZone } from '../time-zone.js';
import { localToInstant } from './next-runs.js';
import { formatDate } from '../text.js';

export { isValidTimeZone }; // one source of truth for zone names, shared with program setup

export type RecurrenceResult = { ok: true; cron: string; description: string } | { ok: false; error: string };
export type OneOffResult = { ok: true; at: Date; description: string } | { ok: false; error: string };

/** Posting more often than this is taken as a mistake, not a schedule. */
export const MIN_INTERVAL_MINUTES = 5;
/** The time used when staff name days but no time ("every Monday", "first day of the month"). */
export const DEFAULT_TIME = { hour: 9, minute: 0 } as const;

const EXAMPLES = '"every Monday 09:00", "weekdays 17:30", "daily at 18:00" or "first day of the month"';
const CRON_FIELDS = 'minute hour day-of-month month day-of-week';
const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const DAY_WORDS: Record<string, number> = {
  sun: 0, sunday: 0, mon: 1, monday: 1, tue: 2, tues: 2, tuesday: 2, wed: 3, wednesday: 3,
  thu: 4, thur: 4, thurs: 4, thursday: 4, fri: 5, friday: 5, sat: 6, saturday: 6,
};
const FILLER = new Set(['every', 'each', 'on', 'at', 'the', 'and', '&', 'of']);

type Time = { hour: number; minute: number };
type TimeParse = { ok: true; time: Time | null; rest: string } | { ok: false; error: string };

const pad = (n: number) => String(n).padStart(2, '0');
const hhmm = (t: Time) => `${pad(t.hour)}:${pad(t.minute)}`;
const fail = (error: string) => ({ ok: false as const, error });

function badTime(text: string, example = 'every Monday 09:00'): string {
  return `"${text}" isn't a time I can use: write it as 24-hour HH:MM (00:00 to 23:59) or like 9am or 5:30pm, for example "${example}".`;
}

/** Finds one time of day in the text ("09:00", "9am", "5:30 pm", "at 17", "noon") and removes it. */
function extractTime(text: string, example?: string): TimeParse {
  const patterns: Array<[RegExp, (m: RegExpMatchArray) => Time | null]> = [
    [/\b(\d{1,2})(?::(\d{2}))?\s*([ap])\.?m\.?(?=\s|$)/g, (m) => {
      const h = Number(m[1]), min = Number(m[2] ?? 0);
      if (h < 1 || h > 12 || min > 59) return null;
      return { hour: (h % 12) + (m[3] === 'p' ? 12 : 0), minute: min };
    }],
    [/\b(\d{1,2})[:h](\d{2})\b/g, (m) => {
      const h = Number(m[1]), min = Number(m[2]);
      return h > 23 || min > 59 ? null : { hour: h, minute: min };
    }],
    [/\bat\s+(\d{1,2})(?=\s|$)/g, (m) => (Number(m[1]) > 23 ? null : { hour: Number(m[1]), minute: 0 })],
    [/\b(noon|midday|midnight)\b/g, (m) => ({ hour: m[1] === 'midnight' ? 0 : 12, minute: 0 })],
  ];
  let rest = text;
  let found: Time | null = null;
  for (const [re, read] of patterns) {
    for (const m of rest.matchAll(re)) {
      if (found) return fail(`I can only use one time per schedule; "${text}" has more. Add a second schedule for the other time.`);
      found = read(m);
      if (!found) return fail(badTime(m[0].trim(), example));
    }
    rest = rest.replace(re, ' ');
  }
  return { ok: true, time: found, rest: rest.replace(/\s+/g, ' ').trim() };
}

function dayList(days: number[]): string {
  const names = days.map((d) => DAY_NAMES[d] ?? '?');
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** "every 2 hours", "hourly", "every 30 minutes" — no time of day allowed with these. */
function parseInterval(text: string): RecurrenceResult | null {
  if (/^(every )?hour(ly)?$/.test(text)) return { ok: true, cron: '0 * * * *', description: 'Every hour, on the hour' };
  const m = /^every (\d+) ?(hours?|hrs?|h|minutes?|mins?|m)$/.exec(text);
  if (!m) return null;
  const n = Number(m[1]);
  if (m[2]!.startsWith('h')) {
    if (n < 1 || 24 % n !== 0 || n === 24) {
      return fail(`"every ${n} hours" doesn't divide the day evenly; use 1, 2, 3, 4, 6, 8 or 12 hours, or "every day 09:00".`);
    }
    return n === 1
      ? { ok: true, cron: '0 * * * *', description: 'Every hour, on the hour' }
      : { ok: true, cron: `0 */${n} * * *`, description: `Every ${n} hours, on the hour (from 00:00)` };
  }
  if (n < MIN_INTERVAL_MINUTES || 60 % n !== 0 || n === 60) {
    return fail(`"every ${n} minutes" isn't possible: use 5, 10, 15, 20 or 30 minutes (at least ${MIN_INTERVAL_MINUTES}), or "every hour".`);
  }
  return { ok: true, cron: `*/${n} * * * *`, description: `Every ${n} minutes` };
}

/** A raw 5-field cron expression: validated, and refused when it would flood a channel. */
function parseCron(text: string): RecurrenceResult {
  const fields = text.split(' ');
  const example = `for example "0 9 * * 1" is every Monday at 09:00`;
  if (fields.length !== 5) {
    return fail(`"${text}" looks like a cron expression but has ${fields.length} fields; it needs 5 (${CRON_FIELDS}), ${example}.`);
  }
  // H (jitter) is a random time per process: two bot processes would disagree on the period.
  if (fields.some((f) => /h/i.test(f.replace(/[a-z]{3,}/gi, '')))) {
    return fail(`"${text}" uses H (a random time), which isn't supported: every bot process must agree on the time. Write the minute and hour out, ${example}.`);
  }
  let runs: number[];
  try {
    const it = CronExpressionParser.parse(text, { tz: 'UTC', currentDate: new Date(Date.UTC(2026, 0, 1)) });
    runs = it.take(300).map((d) => d.getTime());
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return fail(`"${text}" isn't a valid cron expression (${why}). It needs 5 fields (${CRON_FIELDS}), ${example}.`);
  }
  if (runs.length === 0) return fail(`"${text}" never runs; check the day and month fields, ${example}.`);
  for (let i = 1; i < runs.length; i++) {
    if (runs[i]! - runs[i - 1]! < MIN_INTERVAL_MINUTES * 60_000) {
      return fail(`"${text}" runs more often than every ${MIN_INTERVAL_MINUTES} minutes, which would flood the channel; ${example}.`);
    }
  }
  return { ok: true, cron: text, description: `Custom schedule (cron "${text}")` };
}

/** Parses a friendly recurrence or a raw cron expression. The cron is in the schedule's own zone. */
export function parseRecurrence(input: string): RecurrenceResult {
  const text = (input ?? '').toLowerCase().replace(/[\u2013\u2014]/g, '-').replace(/\s+/g, ' ').trim();
  if (text === '') return fail(`Tell me when to post, for example ${EXAMPLES}.`);
  const tokens = text.split(' ');
  if (tokens.length >= 2 && tokens.slice(0, 2).every((t) => /^[\d*?,/\-h]+$/.test(t))) {
    return parseCron(input.replace(/\s+/g, ' ').trim()); // original case: it is shown back as typed
  }

  const interval = parseInterval(text);
  if (interval) return interval;

  const timed = extractTime(text);
  if (!timed.ok) return timed;
  const time = timed.time ?? DEFAULT_TIME;
  const at = hhmm(time);
  const phrase = timed.rest
    .replace(/\b(working|work|business|week) ?days?\b/g, 'weekdays')
    .replace(/\bweekend ?days?\b/g, 'weekends')
    .replace(/,/g, ' ')
    .split(' ')
    .filter((w) => w !== '' && !FILLER.has(w))
    .join(' ');

  if (/^(?:(?:first|1st)(?: day)? month|monthly|month|start month)$/.test(phrase)) {
    return { ok: true, cron: `${time.minute} ${time.hour} 1 * *`, description: `On the first day of every month at ${at}` };
  }
  if (/^last(?: day)? month$/.test(phrase)) {
    return { ok: true, cron: `${time.minute} ${time.hour} L * *`, description: `On the last day of every month at ${at}` };
  }
  if (/\b(every|\d+) ?(hours?|minutes?|mins?)\b/.test(text)) {
    return fail(`"${input.trim()}" mixes a repeat interval with a time of day; use one, for example "every 2 hours" or "every day 09:00".`);
  }
  if (phrase === '') {
    return fail(`"${input.trim()}" has a time but no days; say which days, for example "every day ${at}" or "weekdays ${at}".`);
  }

  const days = new Set<number>();
  const unknown: string[] = [];
  for (const word of phrase.split(' ')) {
    const single = word.endsWith('s') && !(word in DAY_WORDS) ? word.slice(0, -1) : word;
    if (['day', 'daily', 'everyday'].includes(single)) [0, 1, 2, 3, 4, 5, 6].forEach((d) => days.add(d));
    else if (single === 'weekday') [1, 2, 3, 4, 5].forEach((d) => days.add(d));
    else if (single === 'weekend') [0, 6].forEach((d) => days.add(d));
    else if (single in DAY_WORDS) days.add(DAY_WORDS[single]!);
    else unknown.push(word);
  }
  if (unknown.length > 0) {
    const what = unknown.map((w) => `"${w}"`).join(', ');
    return fail(`I didn't understand ${what} in "${input.trim()}". Try something like ${EXAMPLES}, or a cron expression like "0 9 * * 1".`);
  }

  const sorted = [...days].sort((a, b) => a - b);
  const key = sorted.join(',');
  const cronTime = `${time.minute} ${time.hour}`;
  if (sorted.length === 7) return { ok: true, cron: `${cronTime} * * *`, description: `Every day at ${at}` };
  if (key === '1,2,3,4,5') {
    return { ok: true, cron: `${cronTime} * * 1-5`, description: `Every weekday (Monday to Friday) at ${at}` };
  }
  if (key === '0,6') {
    return { ok: true, cron: `${cronTime} * * 0,6`, description: `Every Saturday and Sunday at ${at}` };
  }
  // Monday-first in the description, as staff read a week.
  const weekOrder = [...sorted.filter((d) => d !== 0), ...sorted.filter((d) => d === 0)];
  return { ok: true, cron: `${cronTime} * * ${key}`, description: `Every ${dayList(weekOrder)} at ${at}` };
}

/**
 * A local "YYYY-MM-DD HH:MM" (or "YYYY-MM-DD 9am"; no time = 09:00) in `zone`, as an instant. A time
 * skipped by a spring-forward change is refused rather than moved, so staff pick what they mean; a
 * time repeated by a fall-back change means its first occurrence.
 */
export function parseLocalDateTime(input: string, zone: string): OneOffResult {
  if (!isValidTimeZone(zone)) {
    return fail(`Unknown time zone "${zone}": use an IANA name like "Europe/Paris" or "America/New_York".`);
  }
  const text = (input ?? '').toLowerCase().replace(/\s+/g, ' ').trim();
  const example = 'write it as YYYY-MM-DD HH:MM, for example "2026-12-01 09:00"';
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ t](.*))?$/.exec(text);
  if (!m) return fail(`I couldn't read "${(input ?? '').trim()}" as a date and time; ${example}.`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return fail(`"${m[0].split(/[ t]/)[0]}" isn't a real date; ${example}.`);
  }
  let time: Time = DEFAULT_TIME;
  const timeText = (m[4] ?? '').trim();
  if (timeText !== '') {
    const timed = extractTime(/^\d{1,2}$/.test(timeText) ? `at ${timeText}` : timeText, '2026-12-01 09:00');
    if (!timed.ok) return timed;
    if (!timed.time || !['', 'at'].includes(timed.rest)) return fail(badTime(timeText, '2026-12-01 09:00'));
    time = timed.time;
  }
  const local = localToInstant({ year, month, day, ...time }, zone);
  if (local.kind === 'gap') {
    const after = DateTime.fromJSDate(local.at, { zone }).toFormat('HH:mm');
    return fail(`${hhmm(time)} doesn't exist on ${year}-${pad(month)}-${pad(day)} in ${zone} (the clocks go forward); pick another time, for example ${after}.`);
  }
  return { ok: true, at: local.at, description: formatDate(local.at, zone) };
}

/** A one-off post time (see parseLocalDateTime), which must be after `now`. */
export function parseOneOff(input: string, zone: string, now: Date): OneOffResult {
  const local = parseLocalDateTime(input, zone);
  if (!local.ok) return local;
  if (local.at.getTime() <= now.getTime()) {
    return fail(`${local.description} is in the past (it is now ${formatDate(now, zone)}); pick a later date and time.`);
  }
  return local;
}
