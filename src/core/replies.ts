import type { OutboundMessage, Reply } from './ports/chat-platform.js';

export const say = (text: string, extra: Omit<OutboundMessage, 'text'> = {}): Reply => ({
  kind: 'message',
  private: true,
  message: { text, ...extra },
});

export const announce = (message: OutboundMessage): Reply => ({ kind: 'message', private: false, message });

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

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function formatDate(d: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit',
  }).format(d) + ` (${timeZone})`;
}
