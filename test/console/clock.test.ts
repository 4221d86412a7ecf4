// The console's clock (issue #12): `:clock` shows it, `:clock +8d` or `:clock <date time>` moves it
// forward and runs, in time order, everything that came due on the way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlatformError, type ChannelRef, type MessageRef, type OutboundMessage } from '../../src/core/ports/chat-platform.js';
import { ConsoleAdapter } from '../../src/platforms/console/adapter.js';
import { ConsoleClock, clockTarget } from '../../src/platforms/console/clock.js';
import { seededRandom } from '../../src/platforms/console/random.js';
import { testProvider } from '../support/database.js';
import { consoleSession, type Session } from './harness.js';

describe('the console clock, alone', () => {
  it('GIVEN steps and dates WHEN parsed THEN each names an instant in the console zone', () => {
    const now = new Date('2026-12-01T09:00:00Z');
    expect(clockTarget('+3d', now, 'UTC')).toEqual({ at: new Date('2026-12-04T09:00:00Z') });
    expect(clockTarget('+2h', now, 'UTC')).toEqual({ at: new Date('2026-12-01T11:00:00Z') });
    expect(clockTarget('+30m', now, 'UTC')).toEqual({ at: new Date('2026-12-01T09:30:00Z') });
    expect(clockTarget('+1d12h', now, 'UTC')).toEqual({ at: new Date('2026-12-02T21:00:00Z') });
    expect(clockTarget('+1w', now, 'UTC')).toEqual({ at: new Date('2026-12-08T09:00:00Z') });
    expect(clockTarget('2026-12-07 09:00', now, 'Europe/Paris')).toEqual({ at: new Date('2026-12-07T08:00:00Z') });
    expect(clockTarget('2026-12-07', now, 'UTC')).toEqual({ at: new Date('2026-12-07T00:00:00Z') });
    expect(clockTarget('tomorrow', now, 'UTC')).toEqual({ error: expect.stringContaining('Usage: :clock') });
  });

  it('GIVEN a script clock THEN it stands still until set; GIVEN an interactive one THEN it runs with real time from where it was set', () => {
    let real = 1_000_000;
    const still = new ConsoleClock({ running: false, realNow: () => real });
    const running = new ConsoleClock({ running: true, realNow: () => real });
    running.set(new Date('2026-12-01T09:00:00Z'));
    real += 60_000;
    expect(still.now().getTime()).toBe(1_000_000);
    expect(running.now()).toEqual(new Date('2026-12-01T09:01:00Z'));
  });

  it('GIVEN one seed THEN the same numbers, in [0, 1); GIVEN a reseed THEN the sequence starts again', () => {
    const a = seededRandom(Date.UTC(2026, 11, 1, 9));
    const first = Array.from({ length: 5 }, () => a.next());
    expect(first.every((n) => n >= 0 && n < 1)).toBe(true);
    expect(new Set(first).size).toBe(5);
    a.reseed(Date.UTC(2026, 11, 1, 9));
    expect(Array.from({ length: 5 }, () => a.next())).toEqual(first);
    expect(seededRandom(Date.UTC(2026, 11, 1, 10)).next()).not.toBe(first[0]);
  });
});

describe(`moving the console clock on ${testProvider}`, () => {
  let s: Session;
  beforeAll(async () => {
    s = await consoleSession([
      ':clock',
      ':clock 2026-12-01 09:00',
      '/program setup program:"Campus Crew" why:"We love clean rivers" objective:"Raise $50,000" metric:dollars target:50000 capacity:3 committee_channel:#committee ambassador_role:Ambassadors announce_channel:#news',
      '/program questions add prompt:"Why do you want to join?" kind:paragraph',
      '/committee add user:@carol',
      '/committee add user:@dave',
      '/program rules quorum:2',
      '/campaign create title:"Winter drive" message:"Share the link with two friends." channels:#news',
      '/campaign schedule campaign:1 at:"2026-12-02 12:00"',
      ':as alice',
      '/apply',
      'I pick up litter along the river every Sunday.',
      ':as carol',
      ':in #committee',
      ':react ^ ✅',
      ':clock',
      ':clock +8d',
      ':clock',
      ':clock 2026-12-01 10:00',
      ':clock tomorrow',
    ]);
  });
  afterAll(async () => s?.close());

  const moved = () => s.out.slice(s.out.indexOf('> :clock +8d'), s.out.indexOf('It is now Wed 9 Dec 2026, 09:00 UTC.'));

  it('GIVEN a session that has done nothing yet WHEN :clock names a date THEN the session starts then, whatever the real date', () => {
    expect(s.out).toContain('@admin #general> :clock 2026-12-01 09:00\nIt is now Tue 1 Dec 2026, 09:00 UTC.\n');
    expect(s.out).toContain("closes Fri 4 Dec 2026, 09:00 UTC");
  });

  it('GIVEN pending work WHEN :clock is typed THEN it shows the time and what is next', () => {
    expect(s.out).toContain('@carol #committee> :clock\nIt is Tue 1 Dec 2026, 09:00 UTC. Next scheduled: Wed 2 Dec 2026, 12:00 UTC.');
    expect(s.out).toContain('@carol #committee> :clock\nIt is Wed 9 Dec 2026, 09:00 UTC. Next scheduled: Mon 14 Dec 2026, 09:00 UTC.');
  });

  it('GIVEN :clock +8d THEN the campaign post, the reminder, the extension, the second reminder and the staff alert come in time order, each under its time', () => {
    const out = moved();
    const order = [
      '⏰ Wed 2 Dec 2026, 12:00 UTC\n#2 in #news:\n   == Winter drive ==',
      '⏰ Thu 3 Dec 2026, 09:00 UTC\n[DM to @dave]\n   == Reminder: application ',
      '⏰ Fri 4 Dec 2026, 09:00 UTC\n#3 in #committee:\n   == Voting extended: application ',
      '⏰ Sun 6 Dec 2026, 09:00 UTC\n[DM to @dave]\n   == Reminder: application ',
      '⏰ Mon 7 Dec 2026, 09:00 UTC\n#4 in #committee:\n   == Staff: action needed ==',
    ].map((part) => out.indexOf(part));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(out).not.toContain('[DM to @carol]'); // carol voted: no reminder
    expect(out.match(/== Winter drive ==/g)).toHaveLength(1); // a one-off posts once
  });

  it('GIVEN the clock moved THEN it only goes forward, and a bad argument prints the usage', () => {
    expect(s.out).toContain('> :clock 2026-12-01 10:00\nThe clock only moves forward: it is Wed 9 Dec 2026, 09:00 UTC. Try :clock +1d.');
    expect(s.out).toContain('> :clock tomorrow\nUsage: :clock shows the time; :clock +3d, +2h, +30m (or +1d12h) moves it forward; :clock 2026-12-07 09:00 sets a date and time (UTC).');
    expect(s.clock.now()).toEqual(new Date('2026-12-09T09:00:00Z'));
  });

  it('GIVEN a queued side effect waiting for its retry THEN nextDue names its time', async () => {
    const at = new Date('2026-12-09T09:00:05Z');
    await s.core.deps.store.outbox.enqueue({ kind: 'dm', memberId: 1, message: { text: 'later' } }, at);
    expect(await s.core.jobs.nextDue(s.clock.now())).toEqual(at);
    expect(await s.core.jobs.nextDue(at)).toEqual(new Date('2026-12-14T09:00:00Z')); // then the weekly board
  });
});

/** A console whose #news is down for the first post: the outbox retries it later. */
class FlakyNews extends ConsoleAdapter {
  private failed = false;
  override async post(to: ChannelRef, msg: OutboundMessage, opts?: { key?: string }): Promise<MessageRef> {
    if (to.id === 'news' && !this.failed) {
      this.failed = true;
      throw new PlatformError('unavailable', '#news is having a moment', undefined, 90_000);
    }
    return super.post(to, msg, opts);
  }
}

describe(`a retry in console time on ${testProvider}`, () => {
  it('GIVEN a post that failed with a retryable error WHEN the clock moves past its retry time THEN it is delivered then, under that time', async () => {
    const s = await consoleSession(
      [
        ':clock 2026-12-01 09:00',
        '/program setup program:"Campus Crew" why:"We love clean rivers" objective:"Raise $50,000" metric:dollars target:50000 capacity:3 committee_channel:#committee ambassador_role:Ambassadors',
        '/campaign create title:"Winter drive" message:"Share the link with two friends." channels:#news',
        '/campaign schedule campaign:1 at:"2026-12-01 10:00"',
        ':clock +2h',
      ],
      { makeConsole: (o) => new FlakyNews(o) },
    );
    try {
      const moved = s.out.slice(s.out.indexOf('> :clock +2h'));
      expect(moved).toMatch(/^> :clock \+2h\n⏰ Tue 1 Dec 2026, 10:01 UTC\n#\d+ in #news:\n {3}== Winter drive ==/);
      expect(moved).toContain('It is now Tue 1 Dec 2026, 11:00 UTC.');
      expect(moved.match(/== Winter drive ==/g)).toHaveLength(1);
    } finally {
      await s.close();
    }
  });
});
