// The console's clock: what the core reads as "now" in console mode. It starts at real time; in an
// interactive terminal it runs with real time, in a script it stands still between lines (so a
// replay prints the same dates). `:clock +3d` or `:clock 2026-12-07 09:00` moves it, forward only.
import { DateTime } from 'luxon';
import { formatDate } from '../../core/text.js';

export interface ConsoleClockOptions {
  /** Runs with real time (interactive), or stands still until set (scripts). */
  running: boolean;
  start?: Date;
  realNow?: () => number;
}

export class ConsoleClock {
  private readonly realNow: () => number;
  private base: number;
  private since: number;

  constructor(private readonly o: ConsoleClockOptions) {
    this.realNow = o.realNow ?? Date.now;
    this.since = this.realNow();
    this.base = o.start?.getTime() ?? this.since;
  }

  now(): Date {
    return new Date(this.o.running ? this.base + (this.realNow() - this.since) : this.base);
  }

  set(to: Date): void {
    this.base = to.getTime();
    this.since = this.realNow();
  }
}

const UNIT_MS: Record<string, number> = { w: 7 * 86_400_000, d: 86_400_000, h: 3_600_000, m: 60_000 };

export const clockUsage = (zone: string) =>
  `Usage: :clock shows the time; :clock +3d, +2h, +30m (or +1d12h) moves it forward; :clock 2026-12-07 09:00 sets a date and time (${zone}).`;

/** Where `:clock <arg>` points: a step forward (+1d12h) or a local date and time in `zone`. */
export function clockTarget(arg: string, now: Date, zone: string): { at: Date } | { error: string } {
  const text = arg.trim();
  const step = /^\+\s*((?:\d+\s*[wdhm]\s*)+)$/i.exec(text);
  if (step) {
    let ms = 0;
    for (const [, n, unit] of step[1]!.matchAll(/(\d+)\s*([wdhm])/gi)) ms += Number(n) * UNIT_MS[unit!.toLowerCase()]!;
    return ms > 0 ? { at: new Date(now.getTime() + ms) } : { error: 'Move the clock by something: e.g. :clock +1d.' };
  }
  for (const format of ["yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm", 'yyyy-MM-dd H:mm', 'yyyy-MM-dd']) {
    const local = DateTime.fromFormat(text, format, { zone });
    if (local.isValid) return { at: local.toJSDate() };
  }
  return { error: clockUsage(zone) };
}

export const clockText = (at: Date, zone: string) => formatDate(at, zone);
