// Model-based property test of pulse rounds. Random sequences of steps (answers and changed answers
// by people asked and not asked, comments, time passing with the scheduler's tick, staff closing
// early, restarts of the bot) drive the real core on a real database beside a small model. After
// every step:
//   one-answer     the stored answers are exactly one per asked person who answered (never anyone not asked)
//   latest         while open, the stored values are each person's latest answer
//   closed-once    the results are queued once, when the round closes; nothing is stored after the close
//   results        the results kept at close are the model's tally of the latest answers
//   reminded-once  each person is reminded at most once (anonymous: everyone asked; named: who hadn't answered)
//   unlinkable     once closed, nothing links an answer to a person: no hash, no key, no list of who was asked,
//                  and an anonymous answer never has a member
//
//   PROPERTY_SEED=7 PROPERTY_RUNS=50 npx vitest run test/rules/pulse.property.test.ts
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptAmbassadors, createTestCore, openTestCore, seedProgram, type TestCore } from '../support/core.js';
import { testProvider } from '../support/database.js';

const SEED = Number(process.env.PROPERTY_SEED ?? 20261207);
const RUNS = Number(process.env.PROPERTY_RUNS ?? 12);
const TIME_LIMIT_MS = Number(process.env.PROPERTY_TIME_LIMIT_MS ?? 40_000);
const ASKED = ['alice', 'bob', 'chen'] as const;
const PEOPLE = [...ASKED, 'carol', 'zoe'] as const; // carol: committee, not asked; zoe: a stranger
const OPEN_HOURS = 48;

type Step =
  | { kind: 'answer'; who: (typeof PEOPLE)[number]; value: number }
  | { kind: 'comment'; who: (typeof PEOPLE)[number] }
  | { kind: 'wait'; hours: number }
  | { kind: 'close' }
  | { kind: 'restart' };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('answer' as const), who: fc.constantFrom(...PEOPLE), value: fc.integer({ min: 1, max: 5 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('comment' as const), who: fc.constantFrom(...PEOPLE) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('wait' as const), hours: fc.integer({ min: 1, max: 30 }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'close' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'restart' as const }) },
);

class Model {
  latest = new Map<string, number>();
  reminded = new Set<string>();
  remindSent = false;
  closed = false;
  remindDue: number;
  closeDue: number;
  constructor(readonly anonymous: boolean, start: number) {
    this.closeDue = start + OPEN_HOURS * 3600_000;
    this.remindDue = this.closeDue - 24 * 3600_000;
  }
  counts(): number[] {
    const c = [0, 0, 0, 0, 0];
    for (const v of this.latest.values()) c[v - 1]!++;
    return c;
  }
}

let t: TestCore;
beforeAll(async () => {
  t = await createTestCore(new Date('2026-03-02T10:00:00Z'));
  await seedProgram(t, 'capacity:5');
  await acceptAmbassadors(t, ASKED);
}, 60_000);
afterAll(() => t?.close());

async function restart(): Promise<void> {
  await t.platform.stop();
  await t.core.dispatcher.stop();
  const next = await openTestCore(t.db, t.clock);
  t = { ...next, close: next.close };
}

/** Queued DMs and posts of the pulse, from the outbox (the durable record of what the bot will send). */
async function queued(): Promise<{ reminders: Map<number, number>; results: number }> {
  const rows = await t.db.prisma.outboxItem.findMany();
  const reminders = new Map<number, number>();
  let results = 0;
  for (const r of rows) {
    const p = (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload) as { kind: string; memberId?: number; message?: { title?: string } };
    if (p.kind === 'dm' && p.message?.title?.includes('a reminder')) reminders.set(p.memberId!, (reminders.get(p.memberId!) ?? 0) + 1);
    if ((p.kind === 'post' || p.kind === 'staff.alert') && (p.message?.title ?? (p as { title?: string }).title)?.startsWith('Pulse results')) results++;
  }
  return { reminders, results };
}

async function check(m: Model, ids: Map<string, number>): Promise<void> {
  const answers = await t.db.prisma.pulseAnswer.findMany();
  const round = await t.db.prisma.pulseRound.findFirstOrThrow();
  expect(answers.length, 'one-answer').toBe(m.latest.size);
  const stored = answers.map((a) => a.value!).sort();
  expect(stored, 'latest').toEqual([...m.latest.values()].sort());
  if (!m.anonymous) for (const a of answers) expect(m.latest.get([...ids].find(([, id]) => id === a.memberId)?.[0] ?? '?'), 'latest (named)').toBe(a.value);
  const q = await queued();
  expect(q.results, 'closed-once').toBe(m.closed ? 1 : 0);
  expect(round.status, 'closed-once').toBe(m.closed ? 'closed' : 'open');
  for (const [member, n] of q.reminders) expect(n, `reminded-once (member ${member})`).toBe(1);
  expect([...q.reminders.keys()].sort(), 'reminded-once').toEqual([...m.reminded].map((w) => ids.get(w)!).sort());
  if (m.closed) {
    expect(JSON.parse(round.results!).counts, 'results').toEqual(m.counts());
    expect([round.salt, await t.db.prisma.pulseInvite.count(), answers.filter((a) => a.voterHash).length], 'unlinkable').toEqual([null, 0, 0]);
  }
  if (m.anonymous) expect(answers.filter((a) => a.memberId !== null), 'unlinkable').toEqual([]);
}

describe(`pulse rounds as a model on ${testProvider}`, () => {
  it('GIVEN any sequence of answers, time, early closes and restarts THEN the pulse invariants hold after every step', async () => {
    const ids = new Map((await t.db.prisma.member.findMany()).map((m) => [m.platformUserId, m.id]));
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fc.array(stepArb, { minLength: 4, maxLength: 14 }), async (anonymous, steps) => {
        await t.db.prisma.pulse.deleteMany();
        await t.db.prisma.outboxItem.deleteMany();
        await t.db.prisma.auditEvent.deleteMany({ where: { action: { startsWith: 'pulse.' } } });
        t.clock.now = new Date('2026-03-02T10:00:00Z');
        await t.say('admin', `/pulse create question:"How supported do you feel?" kind:scale comment:true closes:"${OPEN_HOURS} hours" anonymous:${anonymous}`);
        const m = new Model(anonymous, t.clock.now.getTime());
        const round = await t.db.prisma.pulseRound.findFirstOrThrow();
        for (const step of steps) {
          if (step.kind === 'answer' || step.kind === 'comment') {
            const line = step.kind === 'answer' ? `/pulse answer round:${round.id} value:${step.value}` : `/pulse comment round:${round.id} text:"a thought"`;
            const text = await t.say(step.who, line);
            const asked = (ASKED as readonly string[]).includes(step.who);
            const ok = asked && !m.closed && (step.kind === 'answer' || m.latest.has(step.who));
            expect(/Thank you! Your answer|Changed: your answer/.test(text), `${step.who}: ${text}`).toBe(ok);
            if (ok && step.kind === 'answer') m.latest.set(step.who, step.value);
          } else if (step.kind === 'wait') {
            t.clock.advanceHours(step.hours);
            const now = t.clock.now.getTime();
            // The tick closes first; a round whose reminder and close both fell due is just closed.
            if (!m.closed && now >= m.closeDue) m.closed = true;
            else if (!m.closed && now >= m.remindDue && !m.remindSent) {
              for (const w of ASKED) if (m.anonymous || !m.latest.has(w)) m.reminded.add(w);
              m.remindSent = true;
            }
            await t.job((jobs) => jobs.runDuePulses());
          } else if (step.kind === 'close') {
            const text = await t.say('admin', '/pulse close id:' + (await t.db.prisma.pulse.findFirstOrThrow()).id);
            expect(/is closed/.test(text), text).toBe(!m.closed);
            m.closed = true;
          } else {
            await restart();
          }
          await check(m, ids);
        }
      }),
      { seed: SEED, numRuns: RUNS, interruptAfterTimeLimit: TIME_LIMIT_MS, endOnFailure: true },
    );
  }, 120_000);
});
