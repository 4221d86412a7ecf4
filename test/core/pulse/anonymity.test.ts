// Anonymous pulse answers: no stored row (answers, audit, queued messages, notices) nor log line
// links an answer to the person who gave it; while open only a keyed hash stops double answers,
// and at close the hash, its key and the list of who was asked are erased.
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acceptAmbassadors, createTestCore, seedProgram, type TestCore } from '../../support/core.js';
import { testProvider } from '../../support/database.js';

const SECRET = 'The meetups feel cliquey to me';
let t: TestCore;
let lines: string[];
beforeEach(async () => {
  lines = [];
  const sink = new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done(); } });
  t = await createTestCore(new Date('2026-03-02T10:00:00Z'), { log: pino({ level: 'trace' }, sink) });
  await seedProgram(t, 'capacity:5');
  await acceptAmbassadors(t, ['alice', 'bob']);
});
afterEach(async () => {
  await t.close();
});

/** Every row of every table that could hold a trace of an answer, as text. */
async function storedText(): Promise<string> {
  const p = t.db.prisma;
  const tables = await Promise.all([p.pulseAnswer.findMany(), p.pulseInvite.findMany(), p.pulseRound.findMany(), p.auditEvent.findMany(), p.outboxItem.findMany(), p.notice.findMany(), p.consoleMessage.findMany()]);
  return JSON.stringify(tables);
}

describe(`anonymous pulse answers on ${testProvider}`, () => {
  it('GIVEN answers with a comment WHEN stored, while open and after close THEN nothing links an answer to its author', async () => {
    await t.say('admin', '/pulse create question:"How welcome do you feel?" kind:scale comment:true');
    const round = await t.db.prisma.pulseRound.findFirstOrThrow();
    await t.say('alice', `/pulse answer round:${round.id} value:2 comment:"${SECRET}"`);
    await t.say('bob', `/pulse answer round:${round.id} value:5`);

    // While open: no member, no time, only a hash that is neither person's id.
    const open = await t.db.prisma.pulseAnswer.findMany({ orderBy: { value: 'asc' } });
    expect(Object.keys(open[0]!).sort()).toEqual(['comment', 'id', 'memberId', 'roundId', 'text', 'value', 'voterHash']);
    expect(open.map((a) => a.memberId)).toEqual([null, null]);
    expect(new Set(open.map((a) => a.voterHash)).size).toBe(2);
    for (const a of open) expect(a.voterHash).toMatch(/^[\w-]{43}$/); // an HMAC-SHA256, not an id
    // No answer event in the audit log, and the answer is in no queued message or notice.
    expect((await t.db.prisma.auditEvent.findMany({ where: { action: { startsWith: 'pulse.' } } })).map((e) => e.action).sort()).toEqual(['pulse.created', 'pulse.opened']);
    const rows = await storedText();
    expect(rows.split(SECRET).length - 1).toBe(1); // the answer row itself

    t.clock.now = new Date('2026-03-05T10:00:30Z');
    await t.job((jobs) => jobs.runDuePulses());
    const closed = await t.db.prisma.pulseAnswer.findMany();
    expect(closed.map((a) => [a.memberId, a.voterHash])).toEqual([[null, null], [null, null]]);
    expect(await t.db.prisma.pulseInvite.count()).toBe(0);
    expect((await t.db.prisma.pulseRound.findFirstOrThrow()).salt).toBeNull();
    // The results quote the comment for staff, with no name.
    const results = (await t.db.prisma.consoleMessage.findMany()).map((m) => JSON.stringify(m.message)).find((m) => m.includes('Pulse results'))!;
    expect(results).toContain(SECRET);
    for (const name of ['alice', 'bob']) expect(results).not.toContain(name);
    // Not in the logs at the most verbose level: neither the comment nor who answered what.
    const log = lines.join('');
    expect(log).not.toContain(SECRET);
    expect(log).not.toMatch(/"value":"?2"?/);
  });

  it('GIVEN an anonymous pulse WHEN the same person answers again THEN their answer changes (one per person) without ever storing who they are', async () => {
    await t.say('admin', '/pulse create question:"How welcome do you feel?" kind:scale');
    const round = await t.db.prisma.pulseRound.findFirstOrThrow();
    await t.say('alice', `/pulse answer round:${round.id} value:1`);
    await t.say('alice', `/pulse answer round:${round.id} value:3`);
    await t.say('bob', `/pulse answer round:${round.id} value:3`);
    const answers = await t.db.prisma.pulseAnswer.findMany();
    expect(answers.map((a) => [a.memberId, a.value])).toEqual([[null, 3], [null, 3]]);
  });
});
