import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testProvider } from '../../support/database.js';
import { activityTest, ambassador, type ActivityTest } from './harness.js';

let t: ActivityTest;
beforeEach(async () => {
  t = await activityTest();
  await ambassador(t, 'alice');
  await ambassador(t, 'bob');
});
afterEach(() => t.close());

const activities = () => t.db.prisma.activity.findMany({ orderBy: { id: 'asc' }, include: { kind: true } });

describe(`activity kinds and points rules on ${testProvider}`, () => {
  it('GIVEN a program without kinds WHEN kinds are listed THEN the four defaults exist, with their rates, caps and review', async () => {
    const list = await t.say('alice', '/activity kinds list');
    expect(list).toContain('`share` — Share or post: 1 point each, at most 50 per log, reviewed by staff');
    expect(list).toContain('`referral` — Referral: 10 points each');
    expect(list).toContain('`event` — Event hosted: 20 points each, at most 5 per log');
    expect(list).toContain('`funds` — Funds raised ($): 1 point per 10, at most 100,000 per log');
    expect(await t.db.prisma.activityKind.count()).toBe(4);
    await t.say('bob', '/activity kinds list'); // a second first use adds nothing
    expect(await t.db.prisma.activityKind.count()).toBe(4);
  });

  it('GIVEN funds at 1 point per $10 WHEN $125 and $5 are logged THEN they earn 12 and 0 points, pending review', async () => {
    expect(await t.say('alice', '/log kind:funds amount:125 note:"bake sale"')).toContain('Logged #1: Funds raised ($) × 125 = 12 pts (1 point per 10).');
    const small = await t.say('alice', '/log kind:FUNDS amount:5');
    expect(small).toContain('= 0 pts');
    expect(small).toContain('it still counts toward the objective once verified');
    expect((await activities()).map((a) => [a.kind.key, a.amount, a.points, a.status, a.note])).toEqual([
      ['funds', 125, 12, 'PENDING', 'bake sale'],
      ['funds', 5, 0, 'PENDING', null],
    ]);
    expect(await t.db.prisma.auditEvent.count({ where: { action: 'activity.logged' } })).toBe(2);
  });

  it('GIVEN an auto-verified kind added by staff WHEN logged THEN it counts at once; a changed rate applies only from then on', async () => {
    expect(await t.say('admin', '/activity kinds add key:podcast label:"Podcast interview" points:15 cap:2 auto_verify:true')).toBe(
      'Added: `podcast` — Podcast interview: 15 points each, at most 2 per log, verified automatically.',
    );
    expect(await t.say('alice', '/log kind:podcast amount:2 link:https://pods.example.com/ep/1')).toContain('It counts right away');
    expect(await t.say('admin', '/activity kinds edit key:podcast points:5')).toContain('what was logged keeps its points');
    await t.say('bob', '/log kind:podcast amount:1 link:https://pods.example.com/ep/2');
    expect((await activities()).map((a) => [a.points, a.status, a.reviewReason])).toEqual([
      [30, 'VERIFIED', 'auto-verified'],
      [5, 'VERIFIED', 'auto-verified'],
    ]);
    expect(await t.say('alice', '/me')).toContain('**All time:** 30 pts, rank 1 of 2');
  });

  it('GIVEN an auto-verified kind WHEN the same evidence is logged again THEN it is flagged and left for a reviewer', async () => {
    await t.say('admin', '/activity kinds edit key:share auto_verify:true');
    await t.say('alice', '/log kind:share amount:1 link:https://social.example.com/post/9');
    // The same post with tracking, a fragment, a trailing slash and an upper-case host is the same link.
    const again = await t.say('bob', '/log kind:share amount:1 link:HTTPS://Social.Example.com/post/9/?utm_source=x#top');
    expect(again).toContain('Heads-up: this link was already logged (#1), so staff will take a look before it counts.');
    expect((await activities()).map((a) => [a.status, a.link])).toEqual([
      ['VERIFIED', 'https://social.example.com/post/9'],
      ['PENDING', 'https://social.example.com/post/9'],
    ]);
    expect(await t.say('admin', '/activity review')).toContain('⚠️ same link as #1 (alice, verified)');
  });

  it('GIVEN a double click WHEN the same /log arrives twice THEN one activity is kept', async () => {
    await t.say('alice', '/log kind:share amount:2 link:https://x.example.org/a');
    expect(await t.say('alice', '/log kind:share amount:2 link:https://x.example.org/a')).toBe('You logged exactly this a moment ago (#1); I kept just the one.');
    t.clock.advanceHours(1);
    await t.say('alice', '/log kind:share amount:2 link:https://x.example.org/a'); // later: new work (flagged as a duplicate link)
    expect(await t.db.prisma.activity.count()).toBe(2);
  });

  it('GIVEN a kind tied to a campaign or a campaign named in /log THEN the activity is attributed to it', async () => {
    const c = await t.db.prisma.campaign.create({ data: { programId: t.programId, title: 'Spring drive', message: 'm', channelIds: [] } });
    await t.say('admin', `/activity kinds add key:flyer label:Flyers points:1 cap:500 campaign:${c.id}`);
    await t.say('alice', '/log kind:flyer amount:40');
    await t.say('alice', `/log kind:share amount:1 campaign:${c.id}`);
    await t.say('alice', '/log kind:share amount:2');
    expect((await activities()).map((a) => a.campaignId)).toEqual([c.id, c.id, null]);
    expect(await t.say('alice', '/log kind:share amount:1 campaign:999')).toBe('campaign: Campus Crew has no campaign 999.');
  });
});

describe(`bad input to /log and kinds changes nothing, on ${testProvider}`, () => {
  it('GIVEN amounts that are negative, zero, absurd or over the cap THEN each is refused with the limit shown', async () => {
    expect(await t.say('alice', '/log kind:share amount:-3')).toBe('/log amount: must be 1 or more — for example amount:10.');
    expect(await t.say('alice', '/log kind:share amount:0')).toBe('/log amount: must be 1 or more — for example amount:10.');
    expect(await t.say('alice', '/log kind:share amount:2.5')).toBe('/log amount: must be a whole number — for example amount:10.');
    expect(await t.say('alice', '/log kind:funds amount:99999999999')).toBe('/log amount: must be 1000000000 or less — for example amount:10.');
    expect(await t.say('alice', '/log kind:event amount:6')).toBe(
      'amount: 6 is more than one log can claim for Event hosted (at most 5). If that is really what happened, ask staff to check it with you.',
    );
    expect(await t.say('alice', '/log kind:funds amount:250000')).toContain('(at most 100,000)');
    expect(await t.db.prisma.activity.count()).toBe(0);
  });

  it('GIVEN malformed links THEN they are refused before anything is stored', async () => {
    for (const link of ['not-a-link', 'ftp://files.example.org/x', 'javascript:alert(1)', 'http://intranet']) {
      expect(await t.say('alice', `/log kind:share amount:1 link:"${link}"`)).toBe(
        '/log link: must be a full web address starting with http:// or https:// — for example link:https://example.org/post.',
      );
    }
    expect(await t.db.prisma.activity.count()).toBe(0);
  });

  it('GIVEN an unknown kind, a non-ambassador or a removed ambassador THEN logging is refused kindly', async () => {
    expect(await t.say('alice', '/log kind:juggling amount:1')).toBe(
      'I don\'t know the activity kind “juggling”. Kinds: share, referral, event, funds (see /activity kinds list).',
    );
    expect(await t.say('zoe', '/log kind:share amount:1')).toBe('Only Campus Crew ambassadors can use /log. Curious? /apply tells you how to join.');
    const bob = await t.db.prisma.ambassador.findFirstOrThrow({ where: { member: { platformUserId: 'bob' } } });
    await t.core.deps.store.ambassadors.remove(bob.id, t.clock.now);
    expect(await t.say('bob', '/log kind:share amount:1')).toContain('Only Campus Crew ambassadors can use /log.');
    expect(await t.db.prisma.activity.count()).toBe(0);
  });

  it('GIVEN a non-staff member or bad kind settings THEN kinds are not changed', async () => {
    expect(await t.say('alice', '/activity kinds add key:hack points:1000')).toBe('Only staff can use /activity kinds add.');
    expect(await t.say('admin', '/activity kinds add key:"Bad Key!"')).toContain('key: use up to 24 lower-case letters');
    expect(await t.say('admin', '/activity kinds add key:share')).toBe('Campus Crew already has a kind “share”; change it with /activity kinds edit key:share.');
    expect(await t.say('admin', '/activity kinds add key:big points:5000')).toBe('/activity kinds add points: must be 1000 or less — for example points:10.');
    expect(await t.say('admin', '/activity kinds edit key:nope points:2')).toContain('I don\'t know the activity kind “nope”');
    expect(await t.say('admin', '/activity kinds edit key:share campaign:77')).toContain('campaign: Campus Crew has no campaign 77');
    expect((await t.db.prisma.activityKind.findMany()).map((k) => k.key)).toEqual(['share', 'referral', 'event', 'funds']);
  });
});
