import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore, seedProgram, type TestCore } from '../support/core.js';
import { testProvider } from '../support/database.js';
import { applyAs, as, columnsOf, person, schemaModels, textOf } from './harness.js';

// The export is complete when it covers every table that references a member, with every column,
// as the schema itself says: a new table or column that references Member fails here until the
// export covers it (or this test says why it is withheld).
const sections: Record<string, string> = {
  'StaffMember.member': 'staff',
  'CommitteeMember.member': 'committee',
  'Application.applicant': 'applications',
  'Application.referrer': 'referrals',
  'Vote.voter': 'votes',
  'Ambassador.member': 'ambassadorTerms',
  'Activity.member': 'activity',
  'Notice.member': 'notices',
  'Feedback.author': 'feedback',
  'PulseInvite.member': 'pulseInvites',
  'PulseAnswer.member': 'pulseAnswers',
};
/** Columns deliberately not exported: another person's id, an internal key, or (referrals) the applicant's own data. */
const referralKept = ['id', 'ref', 'programId', 'referrerId', 'status', 'submittedAt', 'decidedAt'];
const withheld: Record<string, (column: string) => boolean> = {
  'Application.applicant': (c) => ['decidedById', 'openKey'].includes(c),
  'Application.referrer': (c) => !referralKept.includes(c),
  'Activity.member': (c) => c === 'reviewedById',
};
/** Member ids kept without a relation: who acted (staff deciding, reviewing, creating; the audit's actor). Records of what staff did to others, not data about them. */
const actorColumns = ['Application.decidedById', 'Campaign.createdById', 'Activity.reviewedById', 'AuditEvent.actorId'];

let t: TestCore;
let doc: Record<string, unknown>;
let xenaId: number;
const xena = person('xena', 'Xena Export');

beforeAll(async () => {
  t = await createTestCore();
  await seedProgram(t);
  await t.say('admin', '/committee add user:@xena');
  await t.say('admin', '/staff add user:@xena');
  const own = await applyAs(t, xena, ['Because I care about rivers', 'Oslo']);
  for (const m of ['carol', 'dave']) await t.react(m, (await t.db.prisma.application.findUniqueOrThrow({ where: { ref: own } })).committeeMessageId!, '✅');
  await applyAs(t, person('bob', 'Bob Referred'), ['Xena told me to', 'Rome'].map(String), );
  await t.db.prisma.application.updateMany({ where: { applicant: { platformUserId: 'bob' } }, data: { referrerId: (await t.db.prisma.member.findFirstOrThrow({ where: { platformUserId: 'xena' } })).id } });
  const finn = await applyAs(t, person('finn', 'Finn Voted'), ['Rivers', 'Lima']);
  await t.platform.reactAs('xena', (await t.db.prisma.application.findUniqueOrThrow({ where: { ref: finn } })).committeeMessageId!, '❌', true);
  await t.core.dispatcher.drain();
  await as(t, xena, '/log kind:share amount:2 link:https://xena.example/post note:"a note"');
  xenaId = (await t.db.prisma.member.findFirstOrThrow({ where: { platformUserId: 'xena' } })).id;
  await t.db.prisma.notice.create({ data: { memberId: xenaId, text: 'A message kept for Xena' } });
  await as(t, xena, '/feedback send text:"More river walks please"');
  await t.say('admin', '/pulse create question:"Which walk next?" kind:choice choices:"River; Lake" audience:committee anonymous:false comment:true');
  const round = await t.db.prisma.pulseRound.findFirstOrThrow();
  await as(t, xena, `/pulse answer round:${round.id} value:1 comment:"By the weir"`);
  const reply = textOf(await as(t, xena, '/mydata'));
  doc = JSON.parse(readFileSync(/• (\S+\.json)/.exec(reply)![1]!, 'utf8'));
});
afterAll(() => t?.close());

describe(`the personal data export on ${testProvider}`, () => {
  it('GIVEN the schema THEN every relation to Member has an export section, and every other member id column is a known actor column', () => {
    const models = schemaModels();
    const relations = [...models].flatMap(([model, fields]) => fields.filter((f) => f.type === 'Member').map((f) => `${model}.${f.name}`));
    expect(relations.sort()).toEqual(Object.keys(sections).sort());
    const fkColumns = new Set([...models].flatMap(([model, fields]) => fields.flatMap((f) => f.relationFields.map((c) => `${model}.${c}`))));
    const unlinked = [...models].flatMap(([model, fields]) => fields.filter((f) => f.type === 'Int' && /(By|actor)Id$/.test(f.name) && !fkColumns.has(`${model}.${f.name}`)).map((f) => `${model}.${f.name}`));
    expect(unlinked.sort()).toEqual([...actorColumns].sort());
  });

  it('GIVEN a person in every such table WHEN they export THEN each table\'s rows and columns are in it', async () => {
    const models = schemaModels();
    const prisma = t.db.prisma as unknown as Record<string, { findMany(a: object): Promise<Array<{ id: number }>> }>;
    expect((doc.member as { id: number }).id).toBe(xenaId);
    for (const column of columnsOf(models, 'Member')) expect(doc.member, `member.${column}`).toHaveProperty(column);
    for (const [relation, section] of Object.entries(sections)) {
      const [model, field] = relation.split('.') as [string, string];
      const fk = models.get(model)!.find((f) => f.name === field)!.relationFields[0]!;
      const rows = await prisma[model[0]!.toLowerCase() + model.slice(1)]!.findMany({ where: { [fk]: xenaId }, orderBy: { id: 'asc' } });
      const exported = doc[section] as Array<Record<string, unknown>>;
      expect(rows.length, `${relation}: the person has rows here`).toBeGreaterThan(0);
      expect(exported.map((r) => r.id), relation).toEqual(rows.map((r) => r.id));
      for (const column of columnsOf(models, model)) {
        if (withheld[relation]?.(column)) expect(exported[0], `${section}.${column} is withheld`).not.toHaveProperty(column);
        else expect(exported[0], `${section}.${column}`).toHaveProperty(column);
      }
    }
  });

  it('THEN it never names anyone else, nor shows their answers or votes', () => {
    const text = JSON.stringify(doc);
    for (const other of ['Bob Referred', 'Finn Voted', 'carol', 'dave', 'Xena told me to', 'Lima']) expect(text).not.toContain(other);
    expect((doc.votes as unknown[]).length).toBe(1); // their own vote only
  });
});
