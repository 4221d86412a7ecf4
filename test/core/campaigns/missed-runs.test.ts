import { describe, expect, it } from 'vitest';
import {
  decideMissedRuns,
  SKIPPED_COUNT_CAP,
  type MissedRunsInput,
} from '../../../src/core/campaigns/missed-runs.js';

// A daily 09:00 schedule in Paris (UTC+1 in winter: 09:00 local = 08:00Z); the clock is just `now`.
const daily = { cron: '0 9 * * *', zone: 'Europe/Paris' };
const at = (iso: string) => new Date(iso);
const SIX_HOURS = 360;

function decide(over: Partial<MissedRunsInput> & { now: Date }) {
  return decideMissedRuns({
    schedule: daily,
    lastClaimed: at('2026-12-01T08:00:00Z'),
    activeSince: at('2026-11-01T00:00:00Z'),
    graceMinutes: SIX_HOURS,
    ...over,
  });
}

describe('decideMissedRuns on a running bot', () => {
  it('GIVEN the next run is due WHEN the tick comes seconds later THEN it is sent on time and nothing is skipped', () => {
    const d = decide({ now: at('2026-12-02T08:00:03Z') });
    expect(d.send).toEqual({ at: at('2026-12-02T08:00:00Z'), period: '2026-12-02T08:00:00.000Z', late: false });
    expect(d).toMatchObject({ skipped: [], skippedCount: 0, latestSkippedPeriod: null });
  });

  it('GIVEN a grace of 0 WHEN the tick runs within the on-time tolerance THEN it is still sent on time', () => {
    const d = decide({ now: at('2026-12-02T08:00:30Z'), graceMinutes: 0 });
    expect(d.send?.late).toBe(false);
  });

  it('GIVEN the latest run was already claimed WHEN ticking again THEN there is nothing to do', () => {
    expect(decide({ now: at('2026-12-01T08:00:10Z') })).toEqual({
      send: null,
      skipped: [],
      skippedCount: 0,
      skippedCountCapped: false,
      latestSkippedPeriod: null,
    });
  });

  it('GIVEN no run is due yet WHEN ticking THEN there is nothing to do', () => {
    expect(decide({ now: at('2026-12-02T07:59:59Z') }).send).toBeNull();
  });
});

describe('decideMissedRuns after downtime', () => {
  it('GIVEN the bot was down for 3 runs WHEN it restarts within the grace of the latest THEN only the latest is sent, marked late, and the others are listed as skipped', () => {
    const d = decide({ now: at('2026-12-04T10:00:00Z') });
    expect(d.send).toEqual({ at: at('2026-12-04T08:00:00Z'), period: '2026-12-04T08:00:00.000Z', late: true });
    expect(d.skipped).toEqual([at('2026-12-02T08:00:00Z'), at('2026-12-03T08:00:00Z')]);
    expect(d.skippedCount).toBe(2);
    expect(d.latestSkippedPeriod).toBeNull();
  });

  it('GIVEN the latest missed run is exactly at the grace WHEN restarting THEN it is still sent late', () => {
    expect(decide({ now: at('2026-12-02T14:00:00Z') }).send).toMatchObject({ late: true });
  });

  it('GIVEN the latest missed run is past the grace WHEN restarting THEN nothing is sent and every missed run is skipped', () => {
    const d = decide({ now: at('2026-12-04T14:00:01Z') });
    expect(d.send).toBeNull();
    expect(d.skipped).toEqual([at('2026-12-02T08:00:00Z'), at('2026-12-03T08:00:00Z'), at('2026-12-04T08:00:00Z')]);
    expect(d.skippedCount).toBe(3);
    expect(d.latestSkippedPeriod).toBe('2026-12-04T08:00:00.000Z');
  });

  it('GIVEN a new or resumed schedule WHEN runs fell before it became active THEN none of them count as missed', () => {
    const d = decide({ lastClaimed: null, activeSince: at('2026-12-03T12:00:00Z'), now: at('2026-12-04T08:00:05Z') });
    expect(d.send).toMatchObject({ at: at('2026-12-04T08:00:00Z'), late: false });
    expect(d.skippedCount).toBe(0);
  });

  it('GIVEN a 5-minute schedule and 10 days of downtime WHEN restarting THEN at most one post goes out and the skipped list stays short', () => {
    const d = decide({
      schedule: { cron: '*/5 * * * *', zone: 'Europe/Paris' },
      lastClaimed: at('2026-12-01T00:00:00Z'),
      now: at('2026-12-11T00:02:00Z'),
      maxListed: 5,
    });
    expect(d.send).toMatchObject({ at: at('2026-12-11T00:00:00Z'), late: true });
    expect(d.skippedCountCapped).toBe(true);
    expect(d.skippedCount).toBe(SKIPPED_COUNT_CAP);
    // The most recent few before the one sent.
    expect(d.skipped.map((s) => s.toISOString())).toEqual([
      '2026-12-10T23:35:00.000Z',
      '2026-12-10T23:40:00.000Z',
      '2026-12-10T23:45:00.000Z',
      '2026-12-10T23:50:00.000Z',
      '2026-12-10T23:55:00.000Z',
    ]);
  });

  it('GIVEN downtime across the spring-forward night WHEN a 02:30 daily run is owed THEN it is the 03:00 run, sent once', () => {
    const d = decideMissedRuns({
      schedule: { cron: '30 2 * * *', zone: 'Europe/Paris' },
      lastClaimed: at('2026-03-28T01:30:00Z'),
      activeSince: at('2026-03-01T00:00:00Z'),
      now: at('2026-03-29T01:20:00Z'),
      graceMinutes: SIX_HOURS,
    });
    expect(d.send).toEqual({ at: at('2026-03-29T01:00:00Z'), period: '2026-03-29T01:00:00.000Z', late: true });
    expect(d.skippedCount).toBe(0);
  });
});

describe('decideMissedRuns for a one-off post', () => {
  const oneOff = { runAt: at('2026-12-05T08:00:00Z') };
  const base = { schedule: oneOff, lastClaimed: null, activeSince: at('2026-12-01T00:00:00Z'), graceMinutes: SIX_HOURS };

  it('GIVEN its time has not come WHEN ticking THEN nothing happens', () => {
    expect(decideMissedRuns({ ...base, now: at('2026-12-05T07:59:00Z') }).send).toBeNull();
  });

  it('GIVEN the bot was down at its time WHEN it restarts within the grace THEN it is sent late', () => {
    expect(decideMissedRuns({ ...base, now: at('2026-12-05T11:00:00Z') }).send).toMatchObject({ late: true });
  });

  it('GIVEN the bot was down past the grace WHEN it restarts THEN it is skipped and reported', () => {
    const d = decideMissedRuns({ ...base, now: at('2026-12-06T08:00:00Z') });
    expect(d).toMatchObject({ send: null, skipped: [oneOff.runAt], skippedCount: 1, latestSkippedPeriod: '2026-12-05T08:00:00.000Z' });
  });

  it('GIVEN it was already claimed WHEN ticking THEN nothing happens', () => {
    expect(decideMissedRuns({ ...base, lastClaimed: oneOff.runAt, now: at('2026-12-05T08:00:30Z') }).send).toBeNull();
  });
});

describe('decideMissedRuns with a campaign end', () => {
  it('GIVEN the campaign ended before the latest run WHEN ticking THEN only runs up to the end count, lateness still from now', () => {
    const d = decide({ now: at('2026-12-03T09:00:00Z'), until: at('2026-12-02T12:00:00Z') });
    expect(d.send).toBeNull(); // the 2 Dec run is 25 h old: beyond the grace
    expect(d.latestSkippedPeriod).toBe('2026-12-02T08:00:00.000Z');
    expect(decide({ now: at('2026-12-02T09:00:00Z'), until: at('2026-12-02T08:30:00Z') }).send).toEqual({
      at: at('2026-12-02T08:00:00Z'), period: '2026-12-02T08:00:00.000Z', late: true,
    });
  });

  it('GIVEN a one-off after the campaign end WHEN its time comes THEN nothing is owed', () => {
    expect(decide({ schedule: { runAt: at('2026-12-05T08:00:00Z') }, now: at('2026-12-05T08:00:10Z'), until: at('2026-12-04T00:00:00Z') }).send).toBeNull();
  });
});
