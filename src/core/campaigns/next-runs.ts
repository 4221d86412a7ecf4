// When a cron schedule fires, as real instants, in an IANA time zone.
//
// DST policy: a cron expression describes local wall-clock times, and every matching wall-clock
// time fires exactly once. cron-parser's own tz handling is not consistent across DST (next() moves a
// 02:30 run on the spring-forward day to 03:30, prev() skips it), so we enumerate wall-clock matches
// with cron-parser in UTC (a "floating" clock) and map each one to an instant ourselves:
// - a wall time that occurs twice (fall-back) fires at its FIRST occurrence only;
// - a wall time that does not exist (spring-forward gap) fires once, at the next valid local time,
//   i.e. the moment the clocks jump (02:30 -> 03:00 in Europe/Paris). When another match lands on
//   that same instant (an hourly job's 03:00), the two collapse into one run.
// The mapping is monotonic, so runs come out in order and never repeat.
import { CronExpressionParser } from 'cron-parser';
import { DateTime, IANAZone } from 'luxon';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Widest gap or overlap any zone has had; bounds how far wall time and instant can disagree. */
const MAX_SHIFT = 3 * HOUR;
/** Stops a search for a schedule that (almost) never fires, instead of looping forever. */
const MAX_STEPS = 100_000;

export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

export type LocalInstant =
  | { kind: 'exact'; at: Date }
  /** The wall time happens twice; `at` is the first, `second` the repeat. */
  | { kind: 'ambiguous'; at: Date; second: Date }
  /** The wall time does not exist; `at` is the next valid local time (the end of the gap). */
  | { kind: 'gap'; at: Date };

function zoneOf(zone: string): IANAZone {
  const z = IANAZone.create(zone);
  if (!z.isValid) throw new RangeError(`Unknown time zone "${zone}"`);
  return z;
}

/** The wall clock of `date` in `zone`, expressed as if it were a UTC timestamp. */
function wallMs(date: Date, zone: IANAZone): number {
  return date.getTime() + zone.offset(date.getTime()) * MINUTE;
}

/** Maps a floating wall-clock timestamp to instants in the zone, classifying DST edge cases. */
function resolveWallMs(wall: number, zone: IANAZone): LocalInstant {
  // A first guess lands within one DST shift of the answer; the offsets in force either side of
  // it are the only ones the wall time can have been read with.
  const guess = wall - zone.offset(wall) * MINUTE;
  const before = zone.offset(guess - MAX_SHIFT);
  const after = zone.offset(guess + MAX_SHIFT);
  const valid = [...new Set([before, zone.offset(guess), after])]
    .map((o) => wall - o * MINUTE)
    .filter((t) => wallMs(new Date(t), zone) === wall)
    .sort((a, b) => a - b);
  const [first, second] = valid;
  if (first !== undefined) {
    return second !== undefined
      ? { kind: 'ambiguous', at: new Date(first), second: new Date(second) }
      : { kind: 'exact', at: new Date(first) };
  }
  if (before === after) return { kind: 'gap', at: new Date(guess) }; // not reachable with real tz data
  // In a gap: the jump lies between reading the wall time with the later and with the earlier
  // offset. Transitions fall on whole minutes, so a binary search over minutes finds it exactly.
  let lo = Math.floor((wall - after * MINUTE) / MINUTE); // still before the jump
  let hi = Math.ceil((wall - before * MINUTE) / MINUTE); // already after it
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (zone.offset(mid * MINUTE) === before) lo = mid;
    else hi = mid;
  }
  return { kind: 'gap', at: new Date(hi * MINUTE) };
}

/** The instant(s) a local wall-clock time names in `zone` (see the DST policy above). */
export function localToInstant(wall: WallTime, zone: string): LocalInstant {
  const ms = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  return resolveWallMs(ms, zoneOf(zone));
}

function floating(cron: string, wall: number) {
  return CronExpressionParser.parse(cron, { tz: 'UTC', currentDate: new Date(wall) });
}

/** Lazily yields every run strictly after `after`, in order. Throws on an invalid cron or zone. */
export function* runsAfter(cron: string, zone: string, after: Date): Generator<Date> {
  const z = zoneOf(zone);
  // No wall match before wall(after) can map past `after` (the mapping is monotonic).
  const it = floating(cron, wallMs(after, z));
  let last = after.getTime();
  for (let steps = 0; steps < MAX_STEPS; steps++) {
    let wall: number;
    try {
      wall = it.next().getTime();
    } catch {
      return; // out of cron-parser's range: the schedule has no further runs
    }
    const at = resolveWallMs(wall, z).at.getTime();
    if (at > last) {
      last = at;
      yield new Date(at);
      steps = 0;
    }
  }
}

/** The next `count` runs strictly after `after`. */
export function nextRuns(cron: string, zone: string, after: Date, count: number): Date[] {
  const out: Date[] = [];
  if (count <= 0) return out;
  for (const at of runsAfter(cron, zone, after)) {
    out.push(at);
    if (out.length >= count) break;
  }
  return out;
}

/** The earliest next run after `after` of several schedules (each a cron in its time zone); null when none has one. */
export function earliestNextRun(schedules: Iterable<{ cron: string; zone: string }>, after: Date): Date | null {
  let best: Date | null = null;
  for (const s of schedules) {
    const [next] = nextRuns(s.cron, s.zone, after, 1);
    if (next && (!best || next < best)) best = next;
  }
  return best;
}

/**
 * The latest run at or before `atOrBefore` (a run exactly at `now` is due, not upcoming: together
 * with nextRuns' "strictly after", every run is on exactly one side of `now`). Null if none.
 */
export function previousRun(cron: string, zone: string, atOrBefore: Date): Date | null {
  const z = zoneOf(zone);
  const limit = atOrBefore.getTime();
  // A repeated wall time can sit up to MAX_SHIFT after wall(atOrBefore) yet be earlier in real time.
  const it = floating(cron, wallMs(atOrBefore, z) + MAX_SHIFT + 1);
  for (let steps = 0; steps < MAX_STEPS; steps++) {
    let wall: number;
    try {
      wall = it.prev().getTime();
    } catch {
      return null;
    }
    const at = resolveWallMs(wall, z).at;
    if (at.getTime() <= limit) return at;
  }
  return null;
}

/** The JobRun period for a run: its UTC ISO instant, which sorts chronologically as text. */
export function periodKey(at: Date): string {
  return at.toISOString();
}

export function periodDate(period: string): Date {
  const d = new Date(period);
  if (Number.isNaN(d.getTime())) throw new RangeError(`Not a period key: "${period}"`);
  return d;
}
