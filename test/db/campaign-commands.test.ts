import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testProvider, type TestDatabase } from '../support/database.js';
import { admin, Clock, programSetup, scheduled, testCore, type TestCore } from '../core/campaigns/harness.js';

// Staff input is checked before anything is saved; every message names the option to fix.
let db: TestDatabase;
let core: TestCore;
let campaignId: number;
const counts = async () => ({ campaigns: await db.prisma.campaign.count(), schedules: await db.prisma.scheduledPost.count() });

beforeAll(async () => {
  db = await createTestDatabase();
  core = testCore(db, new Clock('2026-11-30T07:00:00Z'));
  await core.run('program setup', programSetup);
  ({ campaignId } = await scheduled(core, { every: 'every Monday 09:00' }, { ends: '2027-01-31 18:00' }));
});
afterAll(async () => db?.destroy());

const ok = { title: 'Spring drive', message: 'Bring a friend to the spring open day.' };

describe(`campaign commands refuse bad input on ${testProvider}`, () => {
  it.each([
    ['a message over the limit', { ...ok, message: 'x'.repeat(2001) }, 'message: must be at most 2000 characters'],
    ['a post over the limit with its extras', { ...ok, message: 'x'.repeat(1960) }, "message: the post would be up to 2,"],
    ['a link that is not one', { ...ok, cta: 'example.org' }, 'cta: “example.org” isn\'t a link'],
    ['an end before the start', { ...ok, starts: '2026-12-10 09:00', ends: '2026-12-01 09:00' }, 'ends: the campaign must end after it starts (Thu 10 Dec 2026, 09:00 Europe/Paris)'],
    ['an end in the past', { ...ok, ends: '2026-11-01 09:00' }, 'ends: Sun 1 Nov 2026, 09:00 Europe/Paris is already past'],
    ['a date that does not exist', { ...ok, starts: '2026-02-30 09:00' }, 'starts: "2026-02-30" isn\'t a real date'],
    ['a metric without a target', { ...ok, metric: 'dollars' }, 'target: give the objective a target'],
    ['a bad channel', { ...ok, channels: '@bob' }, 'channels: “@bob” isn\'t a channel'],
    ['a bad audience', { ...ok, audience: 'vips' }, 'audience: must be one of: ambassadors, everyone'],
  ])('GIVEN %s WHEN creating THEN the reply names the field and nothing is saved', async (_, options, expected) => {
    const before = await counts();
    expect(await core.run('campaign create', options)).toContain(expected);
    expect(await counts()).toEqual(before);
  });

  it('GIVEN several problems WHEN creating THEN all are listed at once', async () => {
    const reply = await core.run('campaign create', { ...ok, cta: 'nope', ends: '2020-01-01 09:00' });
    expect(reply).toMatch(/^Nothing was saved\. Please check:\n• cta: .*\n• ends: .*past/);
  });

  it.each([
    ['an invalid recurrence', { every: 'every blursday' }, 'every: I didn\'t understand "blursday"'],
    ['an invalid cron', { every: '0 9 * *' }, 'every: "0 9 * *" looks like a cron expression but has 4 fields'],
    ['a cron that floods', { every: '* * * * *' }, 'every: "* * * * *" runs more often than every 5 minutes'],
    ['an unknown time zone', { every: 'every Monday 09:00', timezone: 'Mars/Olympus' }, 'timezone: “Mars/Olympus” is not a time zone I know'],
    ['a one-off in the past', { at: '2026-11-30 07:59' }, 'at: Mon 30 Nov 2026, 07:59 Europe/Paris is in the past (it is now Mon 30 Nov 2026, 08:00 Europe/Paris)'],
    ['a one-off in a DST gap', { at: '2027-03-28 02:30' }, "at: 02:30 doesn't exist on 2027-03-28 in Europe/Paris"],
    ['a one-off after the campaign ends', { at: '2027-02-01 09:00' }, 'at: this schedule would never post before the campaign ends (Sun 31 Jan 2027, 18:00 Europe/Paris)'],
    ['both at and every', { at: '2026-12-01 09:00', every: 'daily' }, 'at or every: give exactly one'],
    ['neither at nor every', {}, 'at or every: give exactly one'],
    ['a grace beyond a week', { every: 'daily', grace_minutes: 20000 }, 'grace_minutes: must be 10080 or less'],
  ])('GIVEN %s WHEN scheduling THEN the reply names the field and nothing is saved', async (_, options, expected) => {
    const before = await counts();
    expect(await core.run('campaign schedule', { campaign: campaignId, ...options })).toContain(expected);
    expect(await counts()).toEqual(before);
  });

  it('GIVEN a bad edit WHEN saving THEN the campaign is unchanged', async () => {
    const before = await db.prisma.campaign.findUniqueOrThrow({ where: { id: campaignId } });
    expect(await core.run('campaign edit', { campaign: campaignId, title: 'New title', starts: '2027-02-01 09:00' })).toContain('ends: the campaign must end after it starts');
    expect(await db.prisma.campaign.findUniqueOrThrow({ where: { id: campaignId } })).toEqual(before);
  });

  it('GIVEN a campaign of another workspace or none WHEN named THEN it is not found', async () => {
    expect(await core.run('campaign preview', { campaign: 999 })).toBe('campaign: there is no campaign 999 here; see /campaign list.');
    const stranger = { ...admin, workspaceId: 'elsewhere' };
    expect(await core.run('campaign preview', { campaign: campaignId }, stranger)).toContain('there is no campaign');
  });

  it('GIVEN someone who is not staff WHEN they use a campaign command THEN they are refused', async () => {
    const bob = { ...admin, id: 'bob', name: 'bob', isAdmin: false };
    expect(await core.run('campaign list', {}, bob)).toBe('Only staff can use /campaign list.');
    expect(await core.run('campaign create', ok, bob)).toBe('Only staff can use /campaign create.');
  });

  it('GIVEN a valid edit WHEN saved THEN later posts use it and the list shows the next run in the program zone', async () => {
    expect(await core.run('campaign edit', { campaign: campaignId, title: 'Winter drive, week 2', cta: 'none' })).toContain('Saved campaign');
    expect(await core.run('campaign preview', { campaign: campaignId })).toMatch(/^Winter drive, week 2\n(?![\s\S]*Take part)/);
    const list = await core.run('campaign list');
    expect(list).toContain('**Upcoming posts** (times in Europe/Paris):\n• Mon 30 Nov 2026, 09:00 — campaign 1 “Winter drive, week 2”, schedule 1: Every Monday at 09:00 (Europe/Paris) → <#announcements>');
  });

  it('GIVEN a schedule in another zone WHEN listed THEN the run is shown in the program zone and in its own', async () => {
    await core.run('campaign schedule', { campaign: campaignId, at: '2026-12-24 10:00', timezone: 'America/New_York' });
    expect(await core.run('campaign list')).toContain('• Thu 24 Dec 2026, 16:00 (Thu 24 Dec 2026, 10:00 America/New_York) — campaign 1');
  });
});
