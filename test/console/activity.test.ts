import { describe, expect, it } from 'vitest';
import { testProvider } from '../support/database.js';
import { consoleSessions } from '../support/run-bot.js';

const session = consoleSessions();

/** A program, and alice accepted by the committee. */
const setup = [
  '/program setup program:"Campus Crew" why:"We love clean rivers and want everyone to swim in them" objective:"Raise $50,000 for river clean-ups" metric:dollars target:50000 capacity:5 committee_channel:#committee ambassador_role:Ambassadors announce_channel:#news',
  '/program rules quorum:2',
  '/program questions add prompt:"Why do you want to join?" kind:paragraph max_length:200',
  '/committee add user:@carol',
  '/committee add user:@dave',
  ':as alice',
  '/apply',
  'I swim every day',
  ':as carol',
  ':react #1 ✅',
  ':as dave',
  ':react #1 ✅',
];

// A real process per test: it starts, runs the script and stops, which takes seconds, not milliseconds.
describe(`activity in the console (npm start with a script on stdin) on ${testProvider}`, { timeout: 60_000 }, () => {
  it('GIVEN an ambassador WHEN they log, staff verify, and they check /me and the board THEN each step prints in order', async () => {
    const run = await session([
      ...setup,
      ':as alice',
      '/log kind:funds amount:250 link:https://give.example.org/receipt/7 note:"bake sale"',
      '/me',
      ':as admin',
      '/activity review',
      '/activity approve id:1',
      ':as alice',
      '/me',
      '/leaderboard show period:all',
      '/leaderboard optout',
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = run.stdout;
    expect(out).toContain('(only you) Logged #1: Funds raised ($) × 250 = 25 pts (1 point per 10).');
    expect(out).toContain('(only you) All time: 0 pts, not ranked yet');
    expect(out).toContain('(only you) #1 · alice · Funds raised ($) × 250 · 25 pts · ⏳ pending');
    expect(out).toContain('(only you) Verified #1 by alice — 25 pts now count. I let them know.');
    expect(out).toContain('[DM to @alice]\n   == Campus Crew: activity verified ==');
    expect(out).toContain('(only you) All time: 25 pts, rank 1 of 1');
    expect(out).toContain('(only you) 1. alice — 25 pts');
    expect(out).toContain("(only you) Done: you're off the public leaderboards.");
    expect(out.indexOf('Verified #1')).toBeGreaterThan(out.indexOf('⏳ pending'));
  });

  it('GIVEN bad input THEN each gets a specific message and the session goes on', async () => {
    const run = await session([
      ...setup,
      ':as bob',
      '/log kind:share amount:1',
      ':as alice',
      '/log kind:share amount:500',
      '/log kind:share amount:-1',
      '/log kind:share amount:1 link:www.example.org',
      '/activity approve id:1',
      ':as admin',
      '/export from:2026-13-01',
      '/leaderboard settings time:9am',
      '/about',
    ]);
    expect(run.code).toBe(0);
    const out = run.stdout;
    expect(out).toContain('Only Campus Crew ambassadors can use /log.');
    expect(out).toContain('amount: 500 is more than one log can claim for Share or post (at most 50).');
    expect(out).toContain('/log amount: must be 1 or more — for example amount:10.');
    expect(out).toContain('/log link: must be a full web address starting with http:// or https:// — for example link:https://example.org/post.');
    expect(out).toContain('Only staff can use /activity approve.');
    expect(out).toContain('from: “2026-13-01” is not a date; write YYYY-MM-DD');
    expect(out).toContain('time: use 24-hour HH:MM, e.g. time:09:00.');
    expect(out).toContain('== About Campus Crew ==');
  });
});
