// What staff type when they create a pulse, read and checked: the choices, and when it closes (a
// date and time, or how long it stays open: "3 days", "48 hours", "in 1 week").
import { fail } from '../errors.js';
import { parseOneOff } from '../campaigns/recurrence.js';
import { formatDate, plural } from '../text.js';
import { MAX_CHOICE_LABEL, MAX_CHOICES } from './model.js';

export const MIN_OPEN_MINUTES = 60;
export const MAX_OPEN_MINUTES = 30 * 24 * 60;
export const DEFAULT_OPEN_MINUTES = 3 * 24 * 60;

const UNITS: Record<string, number> = { h: 60, hour: 60, d: 24 * 60, day: 24 * 60, w: 7 * 24 * 60, week: 7 * 24 * 60 };

/** "3 days", "48h", "in 1 week" as minutes, or null when it is not a duration. */
export function parseDuration(input: string): number | null {
  const m = /^(?:in\s+)?(\d{1,4})\s*(h|hours?|d|days?|w|weeks?)$/.exec(input.trim().toLowerCase());
  if (!m) return null;
  const unit = m[2]!.replace(/s$/, '');
  return Number(m[1]) * UNITS[unit]!;
}

/** "3 days", "1 week", "36 hours": how long a round stays open, in words. */
export const describeMinutes = (min: number): string =>
  min % (7 * 24 * 60) === 0 ? plural(min / (7 * 24 * 60), 'week') : min % (24 * 60) === 0 ? plural(min / (24 * 60), 'day') : plural(Math.round(min / 60), 'hour');

function checkLength(minutes: number, input: string): number {
  if (minutes < MIN_OPEN_MINUTES) fail('invalid_input', `"${input}" is too short: a pulse stays open at least 1 hour, so people have time to see it.`);
  if (minutes > MAX_OPEN_MINUTES) fail('invalid_input', `"${input}" is too long: a pulse stays open at most 30 days.`);
  return minutes;
}

/** How long a round stays open, from `closes:` (a one-off pulse may also give a date and time). */
export function openMinutes(input: string | undefined, o: { recurring: boolean; zone: string; now: Date }): number {
  if (input === undefined) return DEFAULT_OPEN_MINUTES;
  const duration = parseDuration(input);
  if (duration !== null) return checkLength(duration, input);
  if (o.recurring) fail('invalid_input', `A repeating pulse closes a while after each opening: give how long, for example closes:"3 days" or closes:"48 hours" (not "${input}").`);
  const at = parseOneOff(input, o.zone, o.now);
  if (!at.ok) return fail('invalid_input', `closes: ${at.error} Or give how long it stays open, for example "3 days".`);
  return checkLength(Math.ceil((at.at.getTime() - o.now.getTime()) / 60_000), formatDate(at.at, o.zone));
}

/** A choice pulse's options: "yes; no; not sure" (semicolons, or commas when there are none). */
export function parseChoices(input: string | undefined): string[] {
  if (input === undefined || input.trim() === '') {
    return fail('invalid_input', 'A choice pulse needs its options: choices:"Yes; No; Not sure" (2 to 10, separated by semicolons).');
  }
  const sep = input.includes(';') ? ';' : ',';
  const items = input.split(sep).map((s) => s.trim()).filter(Boolean);
  if (items.length < 2) fail('invalid_input', `A choice pulse needs at least 2 options; I read ${items.length} in "${input.trim()}". Separate them with semicolons.`);
  if (items.length > MAX_CHOICES) fail('invalid_input', `A choice pulse has at most ${MAX_CHOICES} options (one tap each); you gave ${items.length}.`);
  const long = items.find((c) => c.length > MAX_CHOICE_LABEL);
  if (long) fail('invalid_input', `"${long.slice(0, 30)}…" is too long for a button: keep each option to ${MAX_CHOICE_LABEL} characters.`);
  const seen = new Set<string>();
  for (const c of items) {
    if (seen.has(c.toLowerCase())) fail('invalid_input', `"${c}" is there twice: each option once, please.`);
    seen.add(c.toLowerCase());
  }
  return items;
}
