import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { exportData, type ExportInput } from '../../../src/core/activity/export.js';
import { testProvider } from '../../support/database.js';
import { activityTest, ambassador, logged, setClock, type ActivityTest } from './harness.js';

let t: ActivityTest;
let dir: string;
beforeEach(async () => {
  t = await activityTest('2026-03-04T10:00:00Z', 'timezone:Europe/Paris');
  dir = t.exportDir; // the harness's file sink writes there, and removes it on close
});
afterEach(async () => {
  await t.close();
});

async function asStaff(input: ExportInput) {
  const admin = await t.core.deps.store.members.upsert(t.user('admin'));
  const program = (await t.core.deps.store.programs.byId(t.programId))!;
  return exportData(t.core.deps, { program, actor: { member: admin, isStaff: true }, ...input });
}
const lines = (path: string) => readFileSync(path, 'utf8').trimEnd().split('\n');

describe(`CSV export on ${testProvider}`, () => {
  it('GIVEN ambassadors, applications and activity WHEN exported for March THEN each file has its header and the rows in range', async () => {
    await ambassador(t, 'ann');
    await ambassador(t, 'bea');
    await t.db.prisma.ambassador.updateMany({ where: { member: { platformUserId: 'bea' } }, data: { leaderboardOptOut: true } });
    await logged(t, 'ann', `kind:funds amount:120 link:https://give.example.org/r/1 note:'=HYPERLINK("http://evil")'`);
    const rejected = await logged(t, 'bea', 'kind:share amount:2 note:"two, with a comma"', false);
    await t.say('admin', `/activity reject id:${rejected} reason:"no link"`);
    setClock(t, '2026-04-02T10:00:00Z');
    await logged(t, 'ann', 'kind:event amount:1'); // April: out of range

    const { files } = await asStaff({ from: '2026-03-01', to: '2026-03-31' });
    expect(files.map((f) => [f.section, f.rows])).toEqual([['ambassadors', 2], ['applications', 0], ['activity', 2]]);
    const [amb, apps, act] = files.map((f) => lines(f.location));
    expect(amb).toEqual([
      'name,platformUserId,status,since,removedAt,optedOut,points,activities',
      'ann,ann,active,2026-03-04T10:00:00.000Z,,false,12,1',
      'bea,bea,active,2026-03-04T10:00:00.000Z,,true,0,0',
    ]);
    expect(apps).toEqual(['ref,applicant,referrer,status,submittedAt,decidedAt,decidedBy,decisionReason,decisionNote']);
    expect(act![0]).toBe('id,member,kind,campaignId,amount,points,link,note,status,occurredAt,loggedAt,reviewedBy,reviewedAt,reviewReason');
    // A note that a spreadsheet would run as a formula stays text; commas are quoted.
    expect(act![1]).toBe(`1,ann,funds,,120,12,https://give.example.org/r/1,"'=HYPERLINK(""http://evil"")",verified,2026-03-04T10:00:00.000Z,2026-03-04T10:00:00.000Z,admin,2026-03-04T10:00:00.000Z,`);
    expect(act![2]).toBe(`2,bea,share,,2,2,,"two, with a comma",rejected,2026-03-04T10:00:00.000Z,2026-03-04T10:00:00.000Z,admin,2026-03-04T10:00:00.000Z,no link`);
    expect(readdirSync(dir).some((f) => f.endsWith('.partial'))).toBe(false);
  });

  it('GIVEN applications with decisions WHEN exported THEN status, decider and reason are there', async () => {
    const { apply } = await import('../../support/core.js');
    await apply(t, 'alice');
    await apply(t, 'bob');
    const bob = await t.db.prisma.application.findFirstOrThrow({ where: { applicant: { platformUserId: 'bob' } } });
    await t.say('admin', `/application decide ref:${bob.ref} outcome:reject note:"try again next year"`);
    const { files } = await asStaff({ what: 'applications' });
    const rows = lines(files[0]!.location);
    expect(rows).toHaveLength(3);
    expect(rows[1]).toMatch(/^A\w{5},alice,,voting,2026-03-04T10:00:00.000Z,,,,$/);
    expect(rows[2]).toMatch(/^A\w{5},bob,,rejected,2026-03-04T10:00:00.000Z,2026-03-04T10:00:00.000Z,admin,not_right_fit,try again next year$/);
  });

  it('GIVEN 2,500 activity rows WHEN exported THEN they are read a page at a time and all written once', async () => {
    const ann = await ambassador(t, 'ann');
    const kind = (await t.db.prisma.activityKind.create({ data: { programId: t.programId, key: 'bulk', label: 'Bulk' } })).id;
    await t.db.prisma.activity.createMany({
      data: Array.from({ length: 2500 }, (_, i) => ({ programId: t.programId, memberId: ann, kindId: kind, amount: 1, points: 1, status: 'VERIFIED' as const, occurredAt: new Date(Date.UTC(2026, 2, 1, 0, i)) })),
    });
    const pages = vi.spyOn(t.core.deps.store.activity, 'exportActivity');
    const { files } = await asStaff({ what: 'activity' });
    expect(files[0]!.rows).toBe(2500);
    expect(pages.mock.calls.map((c) => [c[2] > 0, c[3]])).toEqual([[false, 1000], [true, 1000], [true, 1000]]);
    const ids = lines(files[0]!.location).slice(1).map((l) => Number(l.split(',')[0]));
    expect(new Set(ids).size).toBe(2500);
  });
});

describe(`bad export requests change nothing, on ${testProvider}`, () => {
  it('GIVEN bad dates, a reversed range or a non-staff member THEN each gets a clear answer and no file is written', async () => {
    await ambassador(t, 'ann');
    expect(await t.say('admin', '/export from:2026-02-30')).toBe('from: “2026-02-30” is not a date; write YYYY-MM-DD, e.g. from:2026-01-01.');
    expect(await t.say('admin', '/export from:01/02/2026')).toBe('from: “01/02/2026” is not a date; write YYYY-MM-DD, e.g. from:2026-01-01.');
    expect(await t.say('admin', '/export from:2026-03-10 to:2026-03-01')).toBe('from must be before to (both days are included).');
    expect(await t.say('admin', '/export what:everything')).toBe('/export what: must be one of: all, ambassadors, applications, activity — for example what:all.');
    expect(await t.say('ann', '/export')).toBe('Only staff can use /export.');
    expect(await t.db.prisma.auditEvent.count({ where: { action: 'data.exported' } })).toBe(0);
  });

  it('GIVEN a huge range WHEN exported through the command THEN files under data/exports are named with their row counts', async () => {
    await ambassador(t, 'ann');
    const reply = await t.say('admin', '/export from:1900-01-01 to:2999-12-31 what:ambassadors');
    expect(reply).toContain('Export — Campus Crew, 1900-01-01 to 2999-12-31 (Europe/Paris)');
    const path = /ambassadors: 1 row → (\S+\.csv)/.exec(reply)?.[1];
    expect(path).toMatch(/data\/exports\/campus-crew-ambassadors-1900-01-01_2999-12-31-\d{8}T\d{6}Z\.csv$/);
    try {
      expect(lines(path!)).toHaveLength(2);
    } finally {
      rmSync(path!, { force: true });
    }
    expect(await t.db.prisma.auditEvent.count({ where: { action: 'data.exported' } })).toBe(1);
  });
});
