import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { creditReferral } from '../../../src/core/activity/referral.js';
import { testProvider } from '../../support/database.js';
import { apply } from '../../support/core.js';
import { activityTest, ambassador, type ActivityTest } from './harness.js';

let t: ActivityTest;
beforeEach(async () => {
  t = await activityTest();
});
afterEach(() => t.close());

/** Applies as `who` naming `referrer`, then accepts by committee vote, as decide.ts would. */
async function referredApplication(who: string, referrer: string) {
  await apply(t, who, undefined, `referrer:@${referrer}`);
  const row = await t.db.prisma.application.findFirstOrThrow({ where: { applicant: { platformUserId: who } } });
  return (await t.core.deps.store.applications.byId(row.id))!;
}

/** What the lead wires into decide.ts's admit(): the credit inside the acceptance's transaction. */
async function admitWithCredit(app: Awaited<ReturnType<typeof referredApplication>>) {
  const program = (await t.core.deps.store.programs.byId(t.programId))!;
  const points = await t.core.deps.store.transaction(async (r) => {
    await r.ambassadors.create({ programId: program.id, memberId: app.applicantId, applicationId: app.id, since: t.clock.now });
    return creditReferral(t.core.deps, r, program, { ...app, status: 'accepted' });
  });
  await t.core.dispatcher.drain();
  return points;
}

describe(`referral credit on ${testProvider}`, () => {
  it('GIVEN an application naming an ambassador WHEN it is accepted THEN the referrer is credited once, verified, and told', async () => {
    await ambassador(t, 'erin');
    const app = await referredApplication('alice', 'erin');
    expect(await admitWithCredit(app)).toBe(10);
    expect(await admitWithCredit(app)).toBe(0); // a replay of the acceptance credits nothing more

    const credits = await t.db.prisma.activity.findMany({ include: { kind: true, member: true } });
    expect(credits.map((a) => [a.member.platformUserId, a.kind.key, a.amount, a.points, a.status, a.note])).toEqual([
      ['erin', 'referral', 1, 10, 'VERIFIED', `Referred alice (application ${app.ref})`],
    ]);
    expect(t.output.join('')).toContain('[DM to @erin]\n   == Campus Crew: thank you for the referral! ==');
    expect(await t.say('erin', '/me')).toContain('**All time:** 10 pts, rank 1 of 1');
    expect(await t.db.prisma.auditEvent.count({ where: { action: 'activity.referral_credited' } })).toBe(1);
  });

  it('GIVEN a referrer who is not an ambassador, or no referrer THEN nothing is credited and the acceptance still commits', async () => {
    const app = await referredApplication('alice', 'zoe'); // zoe is only a member
    expect(await admitWithCredit(app)).toBe(0);
    const plain = await referredApplication('bob', 'alice');
    expect(await admitWithCredit({ ...plain, referrerId: null })).toBe(0);
    expect(await t.db.prisma.activity.count()).toBe(0);
    expect(await t.db.prisma.ambassador.count()).toBe(2);
  });

  it('GIVEN a program whose staff replaced the default kinds THEN a referral kind is added rather than the credit lost', async () => {
    await t.db.prisma.activityKind.create({ data: { programId: t.programId, key: 'talk', label: 'Talks', pointsPerUnit: 5 } });
    await ambassador(t, 'erin');
    expect(await admitWithCredit(await referredApplication('alice', 'erin'))).toBe(10);
    expect((await t.db.prisma.activityKind.findMany({ orderBy: { id: 'asc' } })).map((k) => k.key)).toEqual(['talk', 'referral']);
  });
});
