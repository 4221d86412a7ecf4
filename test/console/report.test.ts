import { describe, expect, it } from 'vitest';
import { testProvider } from '../support/database.js';
import { consoleSessions } from '../support/run-bot.js';

const session = consoleSessions();

describe(`/report in the console on ${testProvider}`, { timeout: 60_000 }, () => {
  it('GIVEN an ambassador with verified activity WHEN staff ask for the last month THEN engaged beside head-count, by kind, and the chart are shown; bad input gets a specific answer', async () => {
    const run = await session([
      ':clock 2026-09-01 09:00',
      '/program setup program:"Campus Crew" why:"We love clean rivers" objective:"Raise $50,000" metric:dollars target:50000 capacity:5 committee_channel:#committee ambassador_role:Ambassadors',
      '/program rules quorum:1',
      '/program questions add prompt:"Why do you want to join?" kind:paragraph',
      '/committee add user:@carol',
      '/report',
      ':as alice',
      '/apply',
      'I swim every day',
      ':as carol',
      ':react #1 ✅',
      ':clock +2d',
      ':as alice',
      '/log kind:funds amount:250',
      '/report',
      ':as admin',
      '/activity approve id:1',
      ':clock 2026-10-02 09:00',
      '/report',
      '/report campaign:9',
      '/campaign create title:"Autumn drive" message:"Share the river walk" channels:#general',
      ':clock +7d',
      '/report campaign:1',
      '/report lapsed_weeks:0',
      '/report period:year',
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = run.stdout;
    expect(out).toContain('Campus Crew had no ambassadors at the end of August 2026, so there is nothing to report yet.');
    expect(out).toMatch(/\/report[^\n]*\n\(only you\) [^\n]*(staff|Staff)/); // alice is not staff
    expect(out).toContain('== Campus Crew — engagement, September 2026 ==');
    expect(out).toContain('1 of 1 ambassador engaged: 100%');
    expect(out).toContain('Joined: 1 · Lapsed (no verified activity for 4 weeks): 0 · Returning: 0');
    expect(out).toContain('• Funds raised ($): 1 activity, 25 pts, 1 person');
    expect(out).toContain('[image: Engagement by period. Sept 2026: 1 of 1 engaged (100%).]');
    expect(out).toContain('There is no campaign #9 in Campus Crew. /campaign list shows their numbers.');
    expect(out).toMatch(/== Campus Crew — engagement, Campaign “Autumn drive” \(Fri 2 Oct 2026, 09:00 UTC – Fri 9 Oct 2026, 09:00 UTC\) ==\n\(only you\) 0 of 1 ambassador engaged: 0%\n/);
    expect(out).toContain('/report lapsed_weeks: must be 1 or more');
    expect(out).toMatch(/\/report period: [^\n]*week, month, quarter/);
  });
});
