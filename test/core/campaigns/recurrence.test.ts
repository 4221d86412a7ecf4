import { describe, expect, it } from 'vitest';
import { isValidTimeZone, parseOneOff, parseRecurrence } from '../../../src/core/campaigns/recurrence.js';

function ok(text: string) {
  const result = parseRecurrence(text);
  if (!result.ok) throw new Error(`expected "${text}" to parse, got: ${result.error}`);
  return result;
}
function error(text: string): string {
  const result = parseRecurrence(text);
  if (result.ok) throw new Error(`expected "${text}" to be refused, got cron ${result.cron}`);
  return result.error;
}

describe('parseRecurrence: friendly recurrences', () => {
  it.each([
    ['every Monday 09:00', '0 9 * * 1', 'Every Monday at 09:00'],
    ['every monday at 9am', '0 9 * * 1', 'Every Monday at 09:00'],
    ['Every Monday', '0 9 * * 1', 'Every Monday at 09:00'],
    ['mondays at 9:30 pm', '30 21 * * 1', 'Every Monday at 21:30'],
    ['9am every tuesday', '0 9 * * 2', 'Every Tuesday at 09:00'],
    ['every thursday at 17', '0 17 * * 4', 'Every Thursday at 17:00'],
    ['every mon, wed and fri at 5:30pm', '30 17 * * 1,3,5', 'Every Monday, Wednesday and Friday at 17:30'],
    ['weekdays 17:30', '30 17 * * 1-5', 'Every weekday (Monday to Friday) at 17:30'],
    ['every working day 8:15', '15 8 * * 1-5', 'Every weekday (Monday to Friday) at 08:15'],
    ['every day 08:00', '0 8 * * *', 'Every day at 08:00'],
    ['daily at 18:00', '0 18 * * *', 'Every day at 18:00'],
    ['weekends 10:00', '0 10 * * 0,6', 'Every Saturday and Sunday at 10:00'],
    ['noon on sundays', '0 12 * * 0', 'Every Sunday at 12:00'],
    ['every day at midnight', '0 0 * * *', 'Every day at 00:00'],
    ['every sunday 12am', '0 0 * * 0', 'Every Sunday at 00:00'],
    ['first day of the month', '0 9 1 * *', 'On the first day of every month at 09:00'],
    ['first day of the month 10:00', '0 10 1 * *', 'On the first day of every month at 10:00'],
    ['1st of every month at 8am', '0 8 1 * *', 'On the first day of every month at 08:00'],
    ['last day of the month 18:00', '0 18 L * *', 'On the last day of every month at 18:00'],
    ['every 2 hours', '0 */2 * * *', 'Every 2 hours, on the hour (from 00:00)'],
    ['hourly', '0 * * * *', 'Every hour, on the hour'],
    ['every 30 minutes', '*/30 * * * *', 'Every 30 minutes'],
  ])('GIVEN "%s" WHEN parsed THEN cron is "%s" and it reads "%s"', (text, cron, description) => {
    expect(ok(text)).toEqual({ ok: true, cron, description });
  });
});

describe('parseRecurrence: raw cron expressions', () => {
  it.each(['0 9 * * 1', '30 17 * * MON-FRI', '0 9 1 * *', '*/15 8-17 * * 1-5', '0 9 * * 1#1'])(
    'GIVEN the valid cron "%s" WHEN parsed THEN it is kept as typed',
    (cron) => {
      expect(ok(cron)).toEqual({ ok: true, cron, description: `Custom schedule (cron "${cron}")` });
    },
  );

  it.each([
    ['0 9 * *', /has 4 fields; it needs 5 \(minute hour day-of-month month day-of-week\)/],
    ['0 0 9 * * 1', /has 6 fields/],
    ['61 9 * * *', /isn't a valid cron expression \(.*61.*\)/],
    ['0 9 * * 8', /isn't a valid cron expression/],
    ['0 9 30 2 *', /isn't a valid cron expression/],
    ['H 9 * * *', /uses H \(a random time\)/],
    ['* * * * *', /more often than every 5 minutes/],
    ['*/2 9 * * 1', /more often than every 5 minutes/],
  ])('GIVEN the bad cron "%s" WHEN parsed THEN it is refused with %s and an example', (cron, message) => {
    const e = error(cron);
    expect(e).toMatch(message);
    expect(e).toContain('"0 9 * * 1"');
  });
});

describe('parseRecurrence: bad input gets a kind message with an example', () => {
  it.each([
    ['', /Tell me when to post, for example "every Monday 09:00"/],
    ['   ', /Tell me when to post/],
    ['every fooday 9am', /didn't understand "fooday".*"every Monday 09:00"/],
    ['every monday 25:00', /"25:00" isn't a time I can use.*00:00 to 23:59/],
    ['every monday 9:75', /"9:75" isn't a time/],
    ['every monday 13pm', /"13pm" isn't a time/],
    ['every monday 9am and 5pm', /one time per schedule/],
    ['at 9am', /has a time but no days.*"every day 09:00"/],
    ['every 7 minutes', /use 5, 10, 15, 20 or 30 minutes/],
    ['every 2 minutes', /at least 5/],
    ['every 5 hours', /1, 2, 3, 4, 6, 8 or 12 hours/],
    ['every 2 hours at 9am', /mixes a repeat interval with a time of day/],
    ['every week', /didn't understand "week"/],
  ])('GIVEN "%s" WHEN parsed THEN the error says %s', (text, message) => {
    expect(error(text)).toMatch(message);
  });
});

describe('isValidTimeZone', () => {
  it('GIVEN IANA names and junk WHEN checked THEN only real zones pass', () => {
    expect(isValidTimeZone('Europe/Paris')).toBe(true);
    expect(isValidTimeZone('Australia/Sydney')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
    expect(isValidTimeZone('+02:00')).toBe(false);
  });
});

describe('parseOneOff', () => {
  const now = new Date('2026-06-01T12:00:00Z');

  it('GIVEN a future local date-time WHEN parsed THEN it is that instant in the zone, described for staff', () => {
    expect(parseOneOff('2026-12-01 09:00', 'Europe/Paris', now)).toEqual({
      ok: true,
      at: new Date('2026-12-01T08:00:00Z'),
      description: 'Tue 1 Dec 2026, 09:00 Europe/Paris',
    });
    expect(parseOneOff('2026-12-01T09:00', 'America/New_York', now)).toMatchObject({
      ok: true,
      at: new Date('2026-12-01T14:00:00Z'),
    });
    expect(parseOneOff('2026-12-01 5:30pm', 'Australia/Sydney', now)).toMatchObject({
      ok: true,
      at: new Date('2026-12-01T06:30:00Z'),
    });
  });

  it('GIVEN a date without a time WHEN parsed THEN it means 09:00, which the description shows', () => {
    expect(parseOneOff('2026-12-01', 'Europe/Paris', now)).toMatchObject({
      ok: true,
      description: 'Tue 1 Dec 2026, 09:00 Europe/Paris',
    });
  });

  it('GIVEN a time in the past WHEN parsed THEN it is rejected, showing both times in the zone', () => {
    const result = parseOneOff('2026-05-01 09:00', 'Europe/Paris', now);
    expect(result).toEqual({
      ok: false,
      error:
        'Fri 1 May 2026, 09:00 Europe/Paris is in the past (it is now Mon 1 Jun 2026, 14:00 Europe/Paris); pick a later date and time.',
    });
  });

  it('GIVEN exactly now WHEN parsed THEN it counts as past', () => {
    expect(parseOneOff('2026-06-01 14:00', 'Europe/Paris', now)).toMatchObject({ ok: false, error: /in the past/ });
  });

  it.each([
    ['2026-02-30 09:00', /"2026-02-30" isn't a real date.*"2026-12-01 09:00"/],
    ['2026-13-01 09:00', /"2026-13-01" isn't a real date/],
    ['01/12/2026 09:00', /couldn't read "01\/12\/2026 09:00" as a date and time; write it as YYYY-MM-DD HH:MM/],
    ['next tuesday', /couldn't read/],
    ['2026-12-01 25:00', /"25:00" isn't a time I can use.*"2026-12-01 09:00"/],
    ['2026-12-01 soon', /"soon" isn't a time/],
  ])('GIVEN "%s" WHEN parsed THEN it is rejected with %s', (text, message) => {
    expect(parseOneOff(text, 'Europe/Paris', now)).toMatchObject({ ok: false, error: message });
  });

  it('GIVEN an unknown zone WHEN parsed THEN the error names the zone and gives an example', () => {
    expect(parseOneOff('2026-12-01 09:00', 'Europe/Pariss', now)).toEqual({
      ok: false,
      error: 'Unknown time zone "Europe/Pariss": use an IANA name like "Europe/Paris" or "America/New_York".',
    });
  });

  it('GIVEN a time the clocks skip WHEN parsed THEN it is refused with the next valid time suggested', () => {
    expect(parseOneOff('2027-03-28 02:30', 'Europe/Paris', now)).toEqual({
      ok: false,
      error: "02:30 doesn't exist on 2027-03-28 in Europe/Paris (the clocks go forward); pick another time, for example 03:00.",
    });
  });

  it('GIVEN a time the clocks repeat WHEN parsed THEN it means the first occurrence', () => {
    expect(parseOneOff('2026-11-01 01:30', 'America/New_York', now)).toMatchObject({
      ok: true,
      at: new Date('2026-11-01T05:30:00Z'),
    });
  });
});
