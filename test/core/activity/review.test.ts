import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testProvider } from '../../support/database.js';
import { activityTest, ambassador, logged, type ActivityTest } from './harness.js';

let t: ActivityTest;
beforeEach(async () => {
  t = await activityTest();
  await ambassador(t, 'alice');
  await ambassador(t, 'bob');
});
afterEach(() => t.close());

const out = () => t.output.join('');
const statusOf = async (id: number) => (await t.db.prisma.activity.findUniqueOrThrow({ where: { id } })).status;

describe(`verification flow on ${testProvider}`, () => {
  it('GIVEN pending activity THEN it does not count; WHEN staff approve it THEN it counts and the ambassador is told', async () => {
    const id = await logged(t, 'alice', 'kind:event amount:1 link:https://events.example.org/42', false);
    expect(await t.say('alice', '/me')).toContain('**All time:** 0 pts, not ranked yet');
    expect(await t.say('alice', '/leaderboard show period:all')).toContain('No verified activity in this period yet.');
    const list = await t.say('admin', '/activity review');
    expect(list).toContain('Activity to review — Campus Crew (1)');
    expect(list).toContain(`#${id} · alice · Event hosted × 1 · 20 pts · ⏳ pending`);

    expect(await t.say('admin', `/activity approve id:${id}`)).toBe(`Verified #${id} by alice — 20 pts now count. I let them know.`);
    expect(await statusOf(id)).toBe('VERIFIED');
    expect(out()).toContain('[DM to @alice]\n   == Campus Crew: activity verified ==');
    expect(await t.say('alice', '/me')).toContain('**All time:** 20 pts, rank 1 of 1');
    expect(await t.say('admin', '/activity review')).toBe('Nothing waiting for review in Campus Crew.');
    const audit = await t.db.prisma.auditEvent.findFirstOrThrow({ where: { action: 'activity.verified' } });
    expect(audit.subjectId).toBe(String(id));
  });

  it('GIVEN pending activity WHEN staff reject it with a reason THEN it never counts and the reason reaches the ambassador', async () => {
    const id = await logged(t, 'bob', 'kind:share amount:5', false);
    expect(await t.say('admin', `/activity reject id:${id}`)).toBe('/activity reject needs reason: — for example reason:"a few words".');
    expect(await t.say('admin', `/activity reject id:${id} reason:"the link does not show the post"`)).toBe(`Rejected #${id} by bob. I let them know.`);
    expect(out()).toContain('was not verified: the link does not show the post');
    expect(await t.say('bob', '/me')).toContain(`#${id} · Share or post × 5 · 5 pts · ❌ rejected (the link does not show the post)`);
    expect(await t.say('bob', '/me')).toContain('**All time:** 0 pts, not ranked yet');
  });

  it('GIVEN two reviewers WHEN both decide the same activity at once THEN exactly one decision is taken', async () => {
    await t.say('admin', '/staff add user:@sam');
    const id = await logged(t, 'alice', 'kind:share amount:3', false);
    const [a, b] = await Promise.all([
      t.say('admin', `/activity approve id:${id}`),
      t.say('sam', `/activity reject id:${id} reason:"not ours"`),
    ]);
    const replies = [a, b].sort();
    expect(replies.filter((r) => r.startsWith('Verified') || r.startsWith('Rejected'))).toHaveLength(1);
    expect(replies.some((r) => r.includes('was already'))).toBe(true);
    expect(await t.db.prisma.auditEvent.count({ where: { action: { in: ['activity.verified', 'activity.rejected'] } } })).toBe(1);
  });

  it('GIVEN a reviewed activity WHEN it is approved again (a double click) THEN nothing changes', async () => {
    const id = await logged(t, 'alice', 'kind:share amount:3');
    expect(await t.say('admin', `/activity approve id:${id}`)).toBe(`#${id} was already verified; nothing changed.`);
    expect(await t.say('admin', `/activity reject id:${id} reason:"changed my mind"`)).toBe(`#${id} was already verified; nothing changed.`);
    expect(await statusOf(id)).toBe('VERIFIED');
  });
});

describe(`review by the wrong people is refused, on ${testProvider}`, () => {
  it('GIVEN an ambassador WHEN they try to review THEN the router refuses it', async () => {
    const id = await logged(t, 'alice', 'kind:share amount:3', false);
    expect(await t.say('bob', '/activity review')).toBe('Only staff can use /activity review.');
    expect(await t.say('bob', `/activity approve id:${id}`)).toBe('Only staff can use /activity approve.');
    expect(await t.say('alice', `/activity reject id:${id} reason:"hmm"`)).toBe('Only staff can use /activity reject.');
    expect(await statusOf(id)).toBe('PENDING');
  });

  it('GIVEN staff who are also ambassadors WHEN they review their own activity THEN another staff member must do it', async () => {
    await ambassador(t, 'sam');
    await t.say('admin', '/staff add user:@sam');
    const id = await logged(t, 'sam', 'kind:event amount:2', false);
    expect(await t.say('sam', `/activity approve id:${id}`)).toBe('Another staff member needs to review your own activity.');
    expect(await statusOf(id)).toBe('PENDING');
  });

  it('GIVEN an unknown id or one from another workspace THEN it is not found', async () => {
    expect(await t.say('admin', '/activity approve id:999')).toBe('There is no activity #999 here. /activity review lists the pending ones.');
    const other = await t.db.prisma.program.create({
      data: { platform: 'slack', workspaceId: 'T1', name: 'Elsewhere', why: 'w', objectiveText: 'o', objectiveMetric: 'm', objectiveTarget: 1, capacity: 1, timeZone: 'UTC' },
    });
    const m = await t.db.prisma.member.create({ data: { platform: 'slack', workspaceId: 'T1', platformUserId: 'U1', displayName: 'U1' } });
    const k = await t.db.prisma.activityKind.create({ data: { programId: other.id, key: 'share', label: 'Share' } });
    const a = await t.db.prisma.activity.create({ data: { programId: other.id, memberId: m.id, kindId: k.id, amount: 1, points: 1 } });
    expect(await t.say('admin', `/activity approve id:${a.id}`)).toBe(`There is no activity #${a.id} here. /activity review lists the pending ones.`);
    expect(await statusOf(a.id)).toBe('PENDING');
  });
});
