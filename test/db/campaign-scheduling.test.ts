import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PlatformError } from '../../src/core/ports/chat-platform.js';
import { runDueCampaignPosts } from '../../src/core/campaigns/tick.js';
import { createTestDatabase, testProvider, type TestDatabase } from '../support/database.js';
import { Clock, programSetup, scheduled, testCore, type TestCore } from '../core/campaigns/harness.js';

// Europe/Paris is UTC+1 in winter: "every Monday 09:00" fires at 08:00Z. Mon 30 Nov 2026 is a Monday.
let db: TestDatabase;
let core: TestCore;
const MON = '2026-11-30T';

beforeAll(async () => {
  db = await createTestDatabase();
  const c = testCore(db, new Clock(`${MON}07:00:00Z`));
  expect(await c.run('program setup', programSetup)).toContain('Campus Crew');
});
afterAll(async () => db?.destroy());
// Each test starts at Monday 08:00 Paris with a fresh platform; earlier tests' campaigns are stopped.
const fresh = () => (core = testCore(db, new Clock(`${MON}07:00:00Z`)));
afterEach(async () => {
  await db.prisma.campaign.updateMany({ data: { status: 'CANCELLED' } });
});

async function tickAt(iso: string, claimedBy?: string) {
  core.clock.set(iso);
  return core.tick(claimedBy);
}
const posts = () => core.platform.posts.filter((p) => p.channel !== 'committee');
const alerts = () => core.platform.posts.filter((p) => p.channel === 'committee').map((p) => p.message.text);

describe(`campaign scheduling on ${testProvider}`, () => {
  it('GIVEN a weekly schedule WHEN the clock passes its time minute by minute THEN it posts once, on time, in every channel, exactly as previewed', async () => {
    fresh();
    const { campaignId } = await scheduled(core, { every: 'every Monday 09:00' }, { channels: '#announcements #general' });
    const preview = await core.sink.command({ name: 'campaign preview', options: { campaign: campaignId }, user: { platform: 'console', workspaceId: 'local', id: 'admin', isBot: false, isAdmin: true }, channel: { platform: 'console', workspaceId: 'local', id: 'x' } });
    expect((await tickAt(`${MON}07:59:00Z`)).posted).toBe(0);
    expect((await tickAt(`${MON}08:00:00Z`)).posted).toBe(1);
    expect((await tickAt(`${MON}08:00:40Z`)).posted).toBe(0);
    expect((await tickAt(`${MON}08:01:00Z`)).posted).toBe(0);
    expect(posts().map((p) => p.channel)).toEqual(['announcements', 'general']);
    expect(preview.kind === 'message' && preview.message).toEqual(posts()[0]!.message);
    expect(posts()[0]!.message.footer).toBe('For Campus Crew ambassadors');
    expect((await tickAt('2026-12-07T08:00:05Z')).posted).toBe(1);
    expect(alerts()).toEqual([]);
  });

  it('GIVEN the bot was down over a run WHEN it comes back within the grace THEN the run is posted once, marked late', async () => {
    fresh();
    await scheduled(core, { every: 'every Monday 09:00' });
    expect((await tickAt(`${MON}10:00:00Z`)).posted).toBe(1);
    await tickAt(`${MON}10:01:00Z`);
    expect(posts()).toHaveLength(1);
    expect(posts()[0]!.message.footer).toBe('For Campus Crew ambassadors · Posted late: it was due Mon 30 Nov 2026, 09:00 Europe/Paris');
    expect(alerts()).toEqual([]);
  });

  it('GIVEN the bot was down past the grace WHEN it comes back THEN nothing is posted and staff are told once', async () => {
    fresh();
    await scheduled(core, { every: 'every Monday 09:00', grace_minutes: 60 });
    expect(await tickAt(`${MON}09:30:00Z`)).toEqual({ posted: 0, skipped: 1 });
    await tickAt(`${MON}09:31:00Z`);
    await tickAt(`${MON}12:00:00Z`);
    expect(posts()).toEqual([]);
    expect(alerts()).toHaveLength(1);
    expect(alerts()[0]).toContain('I missed 1 scheduled post while I was down');
    expect(alerts()[0]).toContain('Mon 30 Nov 2026, 09:00 Europe/Paris');
  });

  it('GIVEN a daily schedule and three days down WHEN the bot returns THEN only the latest run goes out (late) and the rest are listed to staff once', async () => {
    fresh();
    await scheduled(core, { every: 'every day 09:00' });
    expect(await tickAt('2026-12-03T10:00:00Z')).toEqual({ posted: 1, skipped: 0 });
    await tickAt('2026-12-03T10:01:00Z');
    expect(posts()).toHaveLength(1);
    expect(posts()[0]!.message.footer).toContain('Posted late: it was due Thu 3 Dec 2026, 09:00');
    expect(alerts()).toHaveLength(1);
    expect(alerts()[0]).toMatch(/missed 3 scheduled posts.*Mon 30 Nov 2026, 09:00 Europe\/Paris; Tue 1 Dec 2026, 09:00 Europe\/Paris; Wed 2 Dec 2026, 09:00 Europe\/Paris\. I posted the most recent one late/);
    expect((await tickAt('2026-12-04T08:00:00Z')).posted).toBe(1);
    expect(posts()[1]!.message.footer).toBe('For Campus Crew ambassadors');
  });

  it('GIVEN a paused campaign WHEN its time passes and it is resumed THEN the missed run is neither posted nor reported, and the next one is', async () => {
    fresh();
    const { campaignId } = await scheduled(core, { every: 'every Monday 09:00' });
    expect(await core.run('campaign pause', { campaign: campaignId })).toContain('is paused');
    await tickAt(`${MON}08:00:00Z`);
    core.clock.set(`${MON}09:00:00Z`);
    expect(await core.run('campaign resume', { campaign: campaignId })).toContain('running again');
    await tickAt(`${MON}09:00:30Z`);
    expect(posts()).toEqual([]);
    expect((await tickAt('2026-12-07T08:00:00Z')).posted).toBe(1);
    expect(alerts()).toEqual([]);
  });

  it('GIVEN two schedules WHEN one is paused and the other cancelled THEN neither posts; resuming the paused one brings back its next run', async () => {
    fresh();
    const a = await scheduled(core, { every: 'every Monday 09:00' });
    const reply = await core.run('campaign schedule', { campaign: a.campaignId, every: 'every Monday 09:30' });
    const second = Number(/schedule (\d+):/.exec(reply)![1]);
    expect(await core.run('campaign pause', { campaign: a.campaignId, schedule: a.scheduleId })).toContain(`resume campaign:${a.campaignId} schedule:${a.scheduleId}`);
    expect(await core.run('campaign cancel', { campaign: a.campaignId, schedule: second })).toContain('cancelled');
    await tickAt(`${MON}08:00:00Z`);
    await tickAt(`${MON}08:30:00Z`);
    expect(posts()).toEqual([]);
    await core.run('campaign resume', { campaign: a.campaignId, schedule: a.scheduleId });
    await tickAt('2026-12-07T08:00:00Z');
    await tickAt('2026-12-07T08:30:00Z');
    expect(posts()).toHaveLength(1);
  });

  it('GIVEN a cancelled campaign WHEN its times come THEN it never posts again', async () => {
    fresh();
    const { campaignId } = await scheduled(core, { every: 'every Monday 09:00' });
    expect(await core.run('campaign cancel', { campaign: campaignId })).toContain('is cancelled');
    await tickAt(`${MON}08:00:00Z`);
    await tickAt('2026-12-07T08:00:00Z');
    expect(posts()).toEqual([]);
    expect(await core.run('campaign resume', { campaign: campaignId })).toContain('is cancelled');
  });

  it('GIVEN a one-off post WHEN ticks run before, at and after its time THEN it is posted exactly once', async () => {
    fresh();
    await scheduled(core, { at: '2026-11-30 12:00' });
    await tickAt(`${MON}10:59:00Z`);
    await tickAt(`${MON}11:00:00Z`);
    await tickAt(`${MON}11:05:00Z`);
    await tickAt('2026-12-01T11:00:00Z');
    expect(posts()).toHaveLength(1);
  });

  it('GIVEN a campaign that ends WHEN later runs come due THEN they are not posted or reported', async () => {
    fresh();
    await scheduled(core, { every: 'every Monday 09:00' }, { ends: '2026-12-08 18:00' });
    await tickAt(`${MON}08:00:00Z`);
    await tickAt('2026-12-07T08:00:00Z');
    await tickAt('2026-12-14T08:00:00Z');
    await tickAt('2026-12-21T08:00:00Z');
    expect(posts()).toHaveLength(2);
    expect(alerts()).toEqual([]);
  });

  it('GIVEN a daily 02:30 post WHEN the clocks go back and 02:30 happens twice THEN it is posted once; WHEN they go forward THEN once at 03:00', async () => {
    core = testCore(db, new Clock('2026-10-24T12:00:00Z'));
    await scheduled(core, { every: 'every day 02:30' });
    await tickAt('2026-10-25T00:30:00Z'); // 02:30 CEST
    await tickAt('2026-10-25T01:30:00Z'); // 02:30 CET, the repeat
    expect(posts()).toHaveLength(1);
    core.clock.set('2027-03-27T12:00:00Z');
    await tickAt('2027-03-28T00:59:00Z');
    await tickAt('2027-03-28T01:00:00Z'); // 03:00 CEST: 02:30 does not exist that night
    await tickAt('2027-03-28T01:30:00Z');
    expect(posts()).toHaveLength(2);
    expect(posts()[1]!.message.footer).toBe('For Campus Crew ambassadors');
  });

  it('GIVEN a crash between claim and send WHEN the claim goes stale THEN another process posts it once, late; a sent post is never resent', async () => {
    fresh();
    const { jobKey } = await scheduled(core, { every: 'every Monday 09:00' });
    const period = '2026-11-30T08:00:00.000Z';
    expect(await core.deps.store.claims.claim({ jobKey, period, claimedBy: 'crashed', late: false, now: new Date(`${MON}08:00:05Z`) })).toBe('claimed');
    expect((await tickAt(`${MON}08:01:00Z`, 'survivor')).posted).toBe(0); // the claim is fresh: maybe still working
    expect((await tickAt(`${MON}08:06:00Z`, 'survivor')).posted).toBe(1);
    await tickAt(`${MON}08:07:00Z`, 'survivor');
    await tickAt(`${MON}09:00:00Z`, 'another');
    expect(posts()).toHaveLength(1);
    expect(posts()[0]!.message.footer).toContain('Posted late');
    expect(await db.prisma.jobRun.findUnique({ where: { jobKey_period: { jobKey, period } } })).toMatchObject({ status: 'SENT', claimedBy: 'survivor', attempts: 2 });
  });

  it('GIVEN a crash after the claim was marked sent but before the post went out WHEN another process starts THEN the queued post goes out once and is not re-decided', async () => {
    fresh();
    const first = core;
    await scheduled(first, { every: 'every Monday 09:00' });
    first.clock.set(`${MON}08:00:00Z`);
    // Process A commits the run (claim SENT + post queued) and dies before its dispatcher runs.
    expect(await runDueCampaignPosts({ ...first.deps, kick: () => {} }, { claimedBy: 'A' })).toEqual({ posted: 1, skipped: 0 });
    fresh();
    expect((await tickAt(`${MON}08:02:00Z`, 'B')).posted).toBe(0);
    expect(posts()).toHaveLength(1);
    expect(first.platform.posts).toEqual([]);
  });

  it('GIVEN a channel the bot cannot post in WHEN a run is due THEN the failure is recorded with its program and the schedule keeps running', async () => {
    fresh();
    await scheduled(core, { every: 'every Monday 09:00' });
    core.platform.failing.set('announcements', new PlatformError('missing_permission', 'I lack Send Messages there', 'give me Send Messages in #announcements'));
    await tickAt(`${MON}08:00:00Z`);
    expect(posts()).toEqual([]);
    const failed = await db.prisma.outboxItem.findMany({ where: { kind: 'post', failedAt: { not: null } } });
    expect(failed.map((f) => [f.lastError, (f.payload as { programId?: number }).programId])).toEqual([['I lack Send Messages there', expect.any(Number)]]);
    // The staff alert for a failed 'post' is the dispatcher's (it needs to read programId from the effect).
    core.platform.failing.clear();
    await tickAt('2026-12-07T08:00:00Z');
    expect(posts()).toHaveLength(1);
  });

  it('GIVEN a rate limit WHEN posting THEN the dispatcher retries after its backoff and the post goes out once', async () => {
    fresh();
    await scheduled(core, { every: 'every Monday 09:00' });
    core.platform.failing.set('announcements', new PlatformError('rate_limited', 'slow down', undefined, 1500));
    await tickAt(`${MON}08:00:00Z`);
    core.platform.failing.clear();
    core.clock.set(`${MON}08:00:03Z`);
    await core.dispatcher.drain();
    await tickAt(`${MON}08:00:30Z`);
    expect(posts()).toHaveLength(1);
    expect(alerts()).toEqual([]);
  });
});
