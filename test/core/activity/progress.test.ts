import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { campaignProgress, programProgress } from '../../../src/core/activity/progress.js';
import { kindsForMetric } from '../../../src/core/activity/model.js';
import { testProvider } from '../../support/database.js';
import { activityTest, ambassador, logged, type ActivityTest } from './harness.js';

let t: ActivityTest;
beforeEach(async () => {
  t = await activityTest();
  await ambassador(t, 'ann');
});
afterEach(() => t.close());

const program = async () => (await t.core.deps.store.programs.byId(t.programId))!;

describe(`objective progress from verified activity on ${testProvider}`, () => {
  it('GIVEN a dollars objective THEN only verified funds count toward it', async () => {
    await logged(t, 'ann', 'kind:funds amount:300');
    await logged(t, 'ann', 'kind:funds amount:5000', false); // pending
    await logged(t, 'ann', 'kind:share amount:10'); // not dollars
    expect(await programProgress(t.core.deps.store, await program())).toEqual({ current: 300, target: 50_000, unit: 'dollars' });
  });

  it('GIVEN a campaign with its own objective THEN its progress counts only activity attributed to it (the campaign posts hook)', async () => {
    const c = await t.db.prisma.campaign.create({
      data: { programId: t.programId, title: 'Sign-up week', message: 'm', channelIds: [], objectiveMetric: 'referrals', objectiveTarget: 20 },
    });
    const none = await t.db.prisma.campaign.create({ data: { programId: t.programId, title: 'No target', message: 'm', channelIds: [] } });
    await logged(t, 'ann', `kind:referral amount:3 campaign:${c.id}`);
    await logged(t, 'ann', 'kind:referral amount:2'); // not for the campaign
    expect(await campaignProgress(t.core.deps, c.id)).toEqual({ current: 3, target: 20, unit: 'referrals' });
    expect(await campaignProgress(t.core.deps, none.id)).toBeNull();
    expect(await campaignProgress(t.core.deps, 9999)).toBeNull();
  });

  it('GIVEN a metric no kind measures THEN there is no progress rather than a made-up number', async () => {
    await t.say('admin', '/program setup metric:"trees planted"');
    expect(await programProgress(t.core.deps.store, await program())).toBeNull();
    await t.say('admin', '/activity kinds add key:trees label:"Trees planted" points:2');
    await logged(t, 'ann', 'kind:trees amount:7');
    expect(await programProgress(t.core.deps.store, await program())).toEqual({ current: 7, target: 50_000, unit: 'trees planted' });
  });

  it('GIVEN metric words THEN they map to the kinds that measure them', () => {
    const kinds = [{ key: 'share', label: 'Share or post' }, { key: 'referral', label: 'Referral' }, { key: 'funds', label: 'Funds raised ($)' }];
    expect(kindsForMetric('Dollars', kinds)).toEqual(['funds']);
    expect(kindsForMetric('sign-ups', kinds)).toEqual(['referral']);
    expect(kindsForMetric('people reached', kinds)).toEqual(['share']);
    expect(kindsForMetric('events', kinds)).toBeNull(); // no event kind here
    expect(kindsForMetric('Referral', kinds)).toEqual(['referral']);
  });
});
