import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '../../src/db/store.js';
import type { Store } from '../../src/core/repositories.js';
import type { ProgramSettings } from '../../src/core/model.js';
import { createTestDatabase, testProvider, type TestDatabase } from '../support/database.js';

let db: TestDatabase;
let store: Store;
beforeAll(async () => {
  db = await createTestDatabase();
  store = createStore(db);
});
afterAll(() => db.destroy());

const settings: ProgramSettings = {
  name: 'Campus', why: 'Because rivers', objectiveText: 'Raise $5,000', objectiveMetric: 'dollars', objectiveTarget: 5000,
  capacity: 10, committeeChannelId: 'C1', committeeRef: null, ambassadorTarget: 'R1', announceChannelId: 'C2', timeZone: 'Europe/Paris',
  applicationsOpen: true, reapplyCooldownDays: 30, quorum: 2, thresholdNumerator: 3, thresholdDenominator: 5, votingWindowHours: 48,
  noQuorumPolicy: 'staff', blindReview: true, emoji: { approve: '👍', reject: '👎', abstain: '🤷' }, announceAcceptances: true, staffChannelId: null, lastProblem: null,
  retentionDays: 180,
  nudgeAfterWeeks: null,
};
const at = new Date('2026-05-01T12:00:00.000Z');

describe(`repositories round-trip every model on ${testProvider}`, () => {
  it('GIVEN members, staff, a program with its committee, questions and reasons THEN they read back as written', async () => {
    const ann = await store.members.upsert({ platform: 'discord', workspaceId: 'G1', id: 'U1', name: 'Ann', isBot: false, joinedAt: at });
    expect(await store.members.byPlatformId('discord', 'G1', 'U1')).toEqual(ann);
    expect(ann).toMatchObject({ displayName: 'Ann', joinedAt: at });
    const renamed = await store.members.upsert({ platform: 'discord', workspaceId: 'G1', id: 'U1', name: 'Ann B', isBot: false });
    expect(renamed).toMatchObject({ id: ann.id, displayName: 'Ann B', joinedAt: at });
    const placeholder = await store.members.ensure('discord', 'G1', 'U2');
    expect(placeholder.displayName).toBe('U2');

    await store.staff.add(ann.id);
    expect(await store.staff.isStaff(ann.id)).toBe(true);
    expect(await store.staff.remove(ann.id)).toBe(true);
    expect(await store.staff.isStaff(ann.id)).toBe(false);

    const p = await store.programs.create('discord', 'G1', settings);
    expect(p).toEqual({ ...settings, id: p.id, platform: 'discord', workspaceId: 'G1' });
    expect(await store.programs.update(p.id, { capacity: 3, noQuorumPolicy: 'reject' })).toMatchObject({ capacity: 3, noQuorumPolicy: 'reject', blindReview: true });
    expect((await store.programs.inWorkspace('discord', 'G1')).map((x) => x.name)).toEqual(['Campus']);

    await store.committee.add(p.id, ann.id);
    await store.committee.add(p.id, ann.id); // idempotent
    expect((await store.committee.list(p.id)).map((m) => m.id)).toEqual([ann.id]);

    const q1 = await store.questions.add(p.id, { prompt: 'Why?', kind: 'paragraph', required: true, minLength: 10, maxLength: 900 });
    const q2 = await store.questions.add(p.id, { prompt: 'City', kind: 'short', required: false, minLength: 0, maxLength: 40 });
    expect(q1).toMatchObject({ position: 1, kind: 'paragraph', minLength: 10 });
    await store.questions.reorder(p.id, [q2.id, q1.id]);
    expect((await store.questions.list(p.id)).map((q) => q.prompt)).toEqual(['City', 'Why?']);
    expect(await store.questions.update(q2.id, { kind: 'paragraph' })).toMatchObject({ kind: 'paragraph', prompt: 'City' });

    await store.reasons.upsert(p.id, 'fit', 'not the right fit');
    await store.reasons.upsert(p.id, 'fit', 'not quite the right fit');
    expect(await store.reasons.list(p.id)).toEqual([{ code: 'fit', label: 'not quite the right fit', position: 1 }]);
  });

  it('GIVEN an application with votes, an ambassador, audit, outbox and notices THEN they read back and transitions are conditional', async () => {
    const [p] = await store.programs.inWorkspace('discord', 'G1');
    const ann = (await store.members.byPlatformId('discord', 'G1', 'U1'))!;
    const bob = await store.members.ensure('discord', 'G1', 'U3', 'Bob');
    const answers = [{ questionId: 1, prompt: 'Why?', answer: 'Because ✨ “quotes” and\nnew lines' }];
    const a = (await store.applications.create({ ref: 'ATEST1', programId: p!.id, applicantId: bob.id, referrerId: ann.id, answers, submittedAt: at, votingEndsAt: new Date(at.getTime() + 3600e3) }))!;
    expect(a).toMatchObject({ ref: 'ATEST1', status: 'voting', answers, referrerId: ann.id, extended: false });
    expect(await store.applications.create({ ref: 'ATEST2', programId: p!.id, applicantId: bob.id, referrerId: null, answers, submittedAt: at, votingEndsAt: at })).toBeNull();
    expect((await store.applications.openFor(p!.id, bob.id))?.id).toBe(a.id);

    await store.applications.setCommitteeMessage(a.id, 'C1', 'M1');
    expect((await store.applications.byCommitteeMessage('C1', 'M1'))?.ref).toBe('ATEST1');
    expect((await store.applications.votingWithMessages('discord')).map((x) => x.ref)).toEqual(['ATEST1']);

    await store.votes.set(a.id, ann.id, 'approve', at);
    expect((await store.votes.list(a.id)).map((v) => v.choice)).toEqual(['approve']);
    await store.votes.set(a.id, ann.id, 'reject', at);
    expect((await store.votes.list(a.id)).map((v) => v.choice)).toEqual(['reject']);
    expect((await store.applications.lock(a.id))?.ref).toBe(a.ref);
    expect(await store.applications.lock(a.id + 1000)).toBeNull();
    expect(await store.votes.remove(a.id, ann.id)).toBe('reject');
    expect(await store.votes.remove(a.id, ann.id)).toBeNull();

    expect(await store.applications.transition(a.id, ['voting'], { status: 'accepted', decidedAt: at, decisionReason: 'committee vote' })).toBe(true);
    expect(await store.applications.transition(a.id, ['voting'], { status: 'rejected' })).toBe(false);
    expect(await store.applications.openFor(p!.id, bob.id)).toBeNull();
    expect((await store.applications.byRef('ATEST1'))).toMatchObject({ status: 'accepted', decidedAt: at });

    const amb = await store.ambassadors.create({ programId: p!.id, memberId: bob.id, applicationId: a.id, since: at });
    expect(await store.ambassadors.activeCount(p!.id)).toBe(1);
    await store.ambassadors.setGrant(amb.id, { error: 'Missing Permissions' });
    expect((await store.ambassadors.byId(amb.id))?.grantError).toBe('Missing Permissions');
    await store.ambassadors.setGrant(amb.id, { grantedAt: at });
    expect(await store.ambassadors.byMember(p!.id, bob.id)).toMatchObject({ grantedAt: at, grantError: null, status: 'active' });
    expect(await store.ambassadors.remove(amb.id, at)).toBe(true);
    expect(await store.ambassadors.remove(amb.id, at)).toBe(false);
    expect(await store.ambassadors.activeCount(p!.id)).toBe(0);

    await store.audit.record({ programId: p!.id, actorId: ann.id, action: 'test.done', subjectType: 'application', subjectId: 'ATEST1', reason: 'because', data: { n: 1 } });
    expect((await store.audit.latest([p!.id], 1))[0]).toMatchObject({ action: 'test.done', data: { n: 1 }, reason: 'because' });

    await store.outbox.enqueue({ kind: 'dm', memberId: bob.id, message: { text: 'hi' } });
    const [item] = await store.outbox.due(at, 10);
    expect(item?.effect).toEqual({ kind: 'dm', memberId: bob.id, message: { text: 'hi' } });
    expect(await store.outbox.claim(item!.id, item!.nextAttemptAt, new Date(at.getTime() + 60e3))).toBe(true);
    expect(await store.outbox.claim(item!.id, item!.nextAttemptAt, new Date(at.getTime() + 60e3))).toBe(false);
    await store.outbox.done(item!.id, at);
    expect(await store.outbox.due(new Date(at.getTime() + 3600e3), 10)).toEqual([]);

    const png = new Uint8Array([137, 80, 78, 71, 0, 255]);
    await store.outbox.enqueue({ kind: 'post', platform: 'discord', workspaceId: 'G1', channelId: 'C2', message: { text: 'board', image: { png, name: 'board.png', alt: 'the board' } } });
    const [posted] = await store.outbox.due(new Date(at.getTime() + 3600e3), 10);
    expect(posted?.effect.kind === 'post' && posted.effect.message.image?.png).toEqual(png); // bytes survive the JSON column
    await store.outbox.skip([posted!.id], at); // superseded: done without being carried out
    expect(await store.outbox.due(new Date(at.getTime() + 3600e3), 10)).toEqual([]);

    await store.notices.add(bob.id, 'You are in!');
    expect(await store.notices.take(bob.id, at)).toEqual(['You are in!']);
    expect(await store.notices.take(bob.id, at)).toEqual([]);
  });

  it('GIVEN campaign, schedule, job run, activity kind and activity rows THEN they round-trip', async () => {
    const [p] = await store.programs.inWorkspace('discord', 'G1');
    const bob = (await store.members.byPlatformId('discord', 'G1', 'U3'))!;
    const c = await db.prisma.campaign.create({ data: { programId: p!.id, title: 'Spring', message: '**Go**', channelIds: ['C2', 'C3'], objectiveMetric: 'signups', objectiveTarget: 1000 } });
    const s = await db.prisma.scheduledPost.create({ data: { campaignId: c.id, kind: 'RECURRING', cron: '0 9 * * 1', recurrence: 'every Monday 09:00', timeZone: 'Europe/Paris' } });
    const j = await db.prisma.jobRun.create({ data: { jobKey: `campaign-post:${s.id}`, period: '2026-05-04T07:00:00.000Z', claimedBy: 'test' } });
    const k = await db.prisma.activityKind.create({ data: { programId: p!.id, key: 'funds', label: 'Funds raised', pointsPerUnit: 1, unitSize: 10, campaignId: c.id } });
    const act = await db.prisma.activity.create({ data: { programId: p!.id, memberId: bob.id, kindId: k.id, amount: 120, points: 12, link: 'https://example.org/x', occurredAt: at } });
    expect(await db.prisma.campaign.findUnique({ where: { id: c.id } })).toMatchObject({ channelIds: ['C2', 'C3'], status: 'DRAFT' });
    expect(await db.prisma.scheduledPost.findUnique({ where: { id: s.id } })).toMatchObject({ graceMinutes: 360, paused: false });
    expect(await db.prisma.jobRun.findUnique({ where: { id: j.id } })).toMatchObject({ status: 'CLAIMED', attempts: 1 });
    expect(await db.prisma.activity.findUnique({ where: { id: act.id }, include: { kind: true } })).toMatchObject({ points: 12, status: 'PENDING', occurredAt: at, kind: { unitSize: 10 } });
  });
});
