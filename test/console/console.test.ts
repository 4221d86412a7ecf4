import { describe, expect, it } from 'vitest';
import { testProvider } from '../support/database.js';
import { consoleSessions } from '../support/run-bot.js';

const session = consoleSessions();

const setup = [
  '/program setup program:"Campus Crew" why:"We love clean rivers and want everyone to swim in them" objective:"Raise $50,000 for river clean-ups" metric:dollars target:50000 capacity:1 committee_channel:#committee ambassador_role:Ambassadors',
  '/program rules quorum:2',
  '/program questions add prompt:"Why do you want to join?" kind:paragraph max_length:60',
  '/committee add user:@carol',
  '/committee add user:@dave',
];

describe(`console adapter (npm start with a script on stdin) on ${testProvider}`, () => {
  it('GIVEN a program WHEN /about is typed THEN the bot answers with the why and the objective, and stops cleanly at end of input', async () => {
    const run = await session([...setup, '/about']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('@admin #general> /about');
    expect(run.stdout).toContain('(only you) == About Campus Crew ==');
    expect(run.stdout).toContain('(only you) We love clean rivers and want everyone to swim in them');
    expect(run.stdout).toContain('(only you) Our objective: Raise $50,000 for river clean-ups'); // Markdown as plain text in a script
  });

  it('GIVEN the whole flow WHEN scripted THEN apply, committee votes and acceptance print in order', async () => {
    const run = await session([
      ...setup,
      ':as alice',
      '/apply',
      'I swim every day and @everyone should too, really, every single day of the year!',
      'I swim every day',
      ':as bob',
      ':in #committee',
      ':react ^ ✅',
      ':as carol',
      ':react ^ ❌',
      ':react #1 ✅',
      ':unreact #1 ❌',
      ':as dave',
      ':react #1 ✅',
      ':show ^',
      ':quit',
      '/about',
    ]);
    expect(run.code).toBe(0);
    const out = run.stdout;
    expect(out).toContain('> I swim every day and @everyone should too, really, every single day of the year!\n(form) Please keep this under 60 characters (it has 80). Please answer again (or :cancel).\n> I swim every day\n');
    expect(out).toMatch(/Your reference is A\w{5}\./);
    expect(out).toContain("(removed @bob's ✅ on #1)");
    expect(out).toContain('(@alice now has Ambassadors)');
    expect(out).toContain('[DM to @alice]');
    expect(out).toContain('Accepted — ✅ 2 · ❌ 0 · 🤔 0');
    expect(out.indexOf('Accepted —')).toBeGreaterThan(out.indexOf('@dave #committee> :react #1 ✅'));
    expect(out).not.toContain('@admin #committee> /about'); // :quit stops before the last line
  });

  it('GIVEN bad input THEN each gets a specific message and the session goes on', async () => {
    const run = await session([
      '/about',
      '/program setup program:"X"',
      '/program setup program:"Xavier Club"',
      ':as bob',
      '/program setup program:"Campus Crew" capacity:3',
      '/apply program:Nope',
      '/frobnicate',
      '/program setup program:"unclosed',
      ':react #99 ✅',
      ':dance',
      '/about',
    ]);
    const out = run.stdout;
    expect(run.code).toBe(0);
    expect(out).toContain('There is no ambassador program here yet. Staff can create one with /program setup.');
    expect(out).toContain('To create a program I also need: why:');
    expect(out).toContain('Only staff can use /program setup.');
    expect(out).toContain("I don't know /frobnicate. /help lists the commands.");
    expect(out).toContain('A quote is not closed.');
    expect(out).toContain('No bot message #99 here.');
    expect(out).toContain('Unknown control :dance. Type :help.');
    expect(out).toContain('program: must be at least 2 characters');
  });
});
