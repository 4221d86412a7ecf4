// How numbers, dates, plurals and progress read, everywhere people see them: one place, so a
// program's posts, replies and DMs never show the same thing two ways.
import { DateTime } from 'luxon';

/** "1,250". */
export const formatNumber = (v: number) => v.toLocaleString('en-US');

/** "1 vote", "3 votes", "2 people" (with the plural given when it isn't +s). */
export const plural = (n: number, word: string, many = `${word}s`) => `${formatNumber(n)} ${n === 1 ? word : many}`;

/** "1 pt", "12 pts". */
export const formatPoints = (v: number) => plural(v, 'pt');

/** "Mon 7 Sep 2026, 09:00 Europe/Paris": in the program's zone, named, so nobody has to guess. */
export function formatDate(date: Date, zone: string): string {
  // en-US month abbreviations ("Sep", not en-GB's "Sept"); the layout itself is fixed.
  const local = DateTime.fromJSDate(date, { zone }).setLocale('en-US');
  return `${local.toFormat('ccc d LLL yyyy, HH:mm')} ${zone}`;
}

/** "3 months", "12 days", "1 year" — for "in the community for …". */
export function humanDuration(ms: number): string {
  const day = 86_400_000;
  const days = Math.floor(ms / day);
  if (days < 1) return 'less than a day';
  if (days < 31) return plural(days, 'day');
  const months = Math.floor(days / 30.44);
  if (months < 12) return plural(months, 'month');
  return plural(Math.floor(months / 12), 'year');
}

/** "612 / 1,000 sign-ups — 61%", the same figure cards draw; with `bar`, a 10-step bar below. */
export function progressText(p: { current: number; target: number; unit: string }, o: { bar?: boolean } = {}): string {
  const pct = p.target > 0 ? Math.floor((p.current / p.target) * 100) : 0;
  const line = `${formatNumber(p.current)} / ${formatNumber(p.target)} ${p.unit} — ${pct}%`;
  if (!o.bar) return line;
  const filled = Math.max(0, Math.min(10, Math.floor(pct / 10)));
  return `${line}\n${'▰'.repeat(filled)}${'▱'.repeat(10 - filled)}`;
}
