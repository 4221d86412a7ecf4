import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  localToInstant,
  nextRuns,
  periodDate,
  periodKey,
  previousRun,
} from '../../../src/core/campaigns/next-runs.js';
import { formatDate } from '../../../src/core/text.js';

const utc = (iso: string) => new Date(iso);
const iso = (dates: Date[]) => dates.map((d) => d.toISOString());
const local = (d: Date, zone: string) => DateTime.fromJSDate(d, { zone });

/** Runs of `cron` from `fromIso`, grouped by local calendar day. */
function runsPerLocalDay(cron: string, zone: string, fromIso: string, count: number): Map<string, string[]> {
  const byDay = new Map<string, string[]>();
  for (const run of nextRuns(cron, zone, utc(fromIso), count)) {
    const l = local(run, zone);
    byDay.set(l.toISODate()!, [...(byDay.get(l.toISODate()!) ?? []), l.toFormat('HH:mm')]);
  }
  return byDay;
}

// 2026 transitions: Europe/Paris 29 Mar (fwd) and 25 Oct (back); America/New_York 8 Mar (fwd) and
// 1 Nov (back); Australia/Sydney (southern hemisphere) 5 Apr (back) and 4 Oct (fwd).
const DST_DAYS: Array<[zone: string, day: string, direction: string]> = [
  ['Europe/Paris', '2026-03-29', 'spring forward'],
  ['Europe/Paris', '2026-10-25', 'fall back'],
  ['America/New_York', '2026-03-08', 'spring forward'],
  ['America/New_York', '2026-11-01', 'fall back'],
  ['Australia/Sydney', '2026-10-04', 'spring forward'],
  ['Australia/Sydney', '2026-04-05', 'fall back'],
];

describe('nextRuns across daylight-saving changes', () => {
  it.each(DST_DAYS)(
    'GIVEN a daily 09:00 schedule in %s WHEN the clocks change on %s (%s) THEN it fires exactly once each local day at 09:00',
    (zone, day) => {
      const from = DateTime.fromISO(day, { zone }).minus({ days: 3 }).toUTC().toISO()!;
      const byDay = runsPerLocalDay('0 9 * * *', zone, from, 7);
      expect(byDay.size).toBe(7);
      expect([...byDay.values()].every((times) => times.length === 1 && times[0] === '09:00')).toBe(true);
      expect(byDay.get(day)).toEqual(['09:00']);
    },
  );

  it.each([
    ['Europe/Paris', '2026-03-29', '2026-03-29T01:00:00.000Z'],
    ['America/New_York', '2026-03-08', '2026-03-08T07:00:00.000Z'],
    ['Australia/Sydney', '2026-10-04', '2026-10-03T16:00:00.000Z'],
  ])(
    'GIVEN a daily 02:30 schedule in %s WHEN 02:30 does not exist on %s THEN it fires once, at 03:00 (the next valid local time)',
    (zone, day, expected) => {
      const from = DateTime.fromISO(day, { zone }).minus({ days: 2 }).toUTC().toISO()!;
      const byDay = runsPerLocalDay('30 2 * * *', zone, from, 5);
      expect(byDay.get(day)).toEqual(['03:00']);
      expect([...byDay.entries()].filter(([d]) => d !== day).every(([, t]) => t.join() === '02:30')).toBe(true);
      expect(iso(nextRuns('30 2 * * *', zone, utc(from), 5))).toContain(expected);
    },
  );

  it.each([
    ['America/New_York', '30 1 * * *', '2026-11-01', '2026-11-01T05:30:00.000Z'],
    ['Europe/Paris', '30 2 * * *', '2026-10-25', '2026-10-25T00:30:00.000Z'],
    ['Australia/Sydney', '30 2 * * *', '2026-04-05', '2026-04-04T15:30:00.000Z'],
  ])(
    'GIVEN a %s schedule "%s" WHEN that wall time happens twice on %s THEN it fires once, at the first occurrence',
    (zone, cron, day, expected) => {
      const from = DateTime.fromISO(day, { zone }).minus({ days: 1 }).toUTC().toISO()!;
      const runs = nextRuns(cron, zone, utc(from), 3);
      expect(runs.filter((r) => local(r, zone).toISODate() === day).map((r) => r.toISOString())).toEqual([expected]);
    },
  );

  it('GIVEN an hourly schedule WHEN the clocks go forward THEN the missing hour is not invented and no run repeats', () => {
    const runs = iso(nextRuns('0 * * * *', 'Europe/Paris', utc('2026-03-28T23:30:00Z'), 4));
    expect(runs).toEqual([
      '2026-03-29T00:00:00.000Z', // 01:00 CET
      '2026-03-29T01:00:00.000Z', // 03:00 CEST (02:00 does not exist and merges into it)
      '2026-03-29T02:00:00.000Z',
      '2026-03-29T03:00:00.000Z',
    ]);
  });

  it('GIVEN an hourly schedule WHEN the clocks go back THEN the repeated hour fires once', () => {
    const runs = iso(nextRuns('0 * * * *', 'Europe/Paris', utc('2026-10-24T23:30:00Z'), 3));
    expect(runs).toEqual(['2026-10-25T00:00:00.000Z', '2026-10-25T02:00:00.000Z', '2026-10-25T03:00:00.000Z']);
  });

  it.each([
    ['30 2 * * *', 'Europe/Paris', '2026-03-26T00:00:00Z'],
    ['30 1 * * *', 'America/New_York', '2026-10-30T00:00:00Z'],
    ['0 * * * *', 'Australia/Sydney', '2026-10-03T12:00:00Z'],
    ['*/30 * * * *', 'Australia/Lord_Howe', '2026-04-04T12:00:00Z'],
    ['0 9 * * 1-5', 'America/New_York', '2026-03-05T00:00:00Z'],
  ])(
    'GIVEN "%s" in %s WHEN walking runs forward and back across DST THEN nextRuns and previousRun agree run for run',
    (cron, zone, fromIso) => {
      const runs = nextRuns(cron, zone, utc(fromIso), 40);
      expect(runs).toHaveLength(40);
      for (let i = 1; i < runs.length; i++) {
        const [prev, run] = [runs[i - 1]!, runs[i]!];
        expect(run.getTime()).toBeGreaterThan(prev.getTime());
        expect(previousRun(cron, zone, run)).toEqual(run);
        expect(previousRun(cron, zone, new Date(run.getTime() - 1))).toEqual(prev);
        expect(nextRuns(cron, zone, prev, 1)).toEqual([run]);
      }
    },
  );
});

describe('nextRuns and previousRun', () => {
  it('GIVEN a weekly schedule WHEN asked for the next 3 runs THEN they are the next 3 Mondays at 09:00 local', () => {
    expect(iso(nextRuns('0 9 * * 1', 'Europe/Paris', utc('2026-12-01T12:00:00Z'), 3))).toEqual([
      '2026-12-07T08:00:00.000Z',
      '2026-12-14T08:00:00.000Z',
      '2026-12-21T08:00:00.000Z',
    ]);
  });

  it('GIVEN a run exactly at `now` WHEN asked THEN it is the previous run, not a next one', () => {
    const at = utc('2026-12-07T08:00:00Z');
    expect(previousRun('0 9 * * 1', 'Europe/Paris', at)).toEqual(at);
    expect(nextRuns('0 9 * * 1', 'Europe/Paris', at, 1)).toEqual([utc('2026-12-14T08:00:00Z')]);
  });

  it('GIVEN a count of 0 WHEN asked THEN no runs; GIVEN an unknown zone THEN it throws', () => {
    expect(nextRuns('0 9 * * 1', 'Europe/Paris', new Date(), 0)).toEqual([]);
    expect(() => nextRuns('0 9 * * 1', 'Mars/Olympus', new Date(), 1)).toThrow(/Unknown time zone/);
  });
});

describe('localToInstant', () => {
  it('GIVEN ordinary, repeated and missing wall times WHEN resolved THEN exact, ambiguous (first) and gap (end of gap)', () => {
    expect(localToInstant({ year: 2026, month: 12, day: 1, hour: 9, minute: 0 }, 'Europe/Paris')).toEqual({
      kind: 'exact',
      at: utc('2026-12-01T08:00:00Z'),
    });
    expect(localToInstant({ year: 2026, month: 11, day: 1, hour: 1, minute: 30 }, 'America/New_York')).toEqual({
      kind: 'ambiguous',
      at: utc('2026-11-01T05:30:00Z'),
      second: utc('2026-11-01T06:30:00Z'),
    });
    expect(localToInstant({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }, 'Europe/Paris')).toEqual({
      kind: 'gap',
      at: utc('2026-03-29T01:00:00Z'),
    });
    // Lord Howe moves by 30 minutes: 02:15 does not exist, 02:30 is the next valid time.
    expect(localToInstant({ year: 2026, month: 10, day: 4, hour: 2, minute: 15 }, 'Australia/Lord_Howe')).toEqual({
      kind: 'gap',
      at: utc('2026-10-03T15:30:00Z'),
    });
  });
});

describe('formatDate and period keys', () => {
  it('GIVEN an instant WHEN formatted for staff THEN it reads "Mon 7 Dec 2026, 09:00 Europe/Paris" in that zone', () => {
    expect(formatDate(utc('2026-12-07T08:00:00Z'), 'Europe/Paris')).toBe('Mon 7 Dec 2026, 09:00 Europe/Paris');
    expect(formatDate(utc('2026-12-07T08:00:00Z'), 'America/New_York')).toBe('Mon 7 Dec 2026, 03:00 America/New_York');
    expect(formatDate(utc('2026-09-14T23:05:00Z'), 'Australia/Sydney')).toBe('Tue 15 Sep 2026, 09:05 Australia/Sydney');
  });

  it('GIVEN a run WHEN turned into a period key and back THEN it round-trips and sorts chronologically as text', () => {
    const a = utc('2026-03-29T01:00:00Z');
    const b = utc('2026-10-25T00:00:00Z');
    expect(periodDate(periodKey(a))).toEqual(a);
    expect(periodKey(a) < periodKey(b)).toBe(true);
    expect(() => periodDate('not a date')).toThrow(/period/);
  });
});
