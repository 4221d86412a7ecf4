// Pulse surveys on Prisma. Every move of a round is a conditional update on its status, so two
// processes never both open, remind or close a round; `lockOpen` serialises answers with the close.
import type { Prisma } from './generated/sqlite/client.js';
import type * as P from './generated/sqlite/client.js';
import type { Db } from './client.js';
import type { Pulse, PulseAnswer, PulseAudience, PulseKind, PulseRound, RoundResults, RoundStatus, Voter } from '../core/pulse/model.js';
import type { PulseRepository } from '../core/pulse/repository.js';

type Tx = Prisma.TransactionClient | Db;

function toPulse(p: P.Pulse): Pulse {
  return {
    id: p.id, programId: p.programId, question: p.question, kind: p.kind as PulseKind, choices: JSON.parse(p.choices) as string[],
    comment: p.comment, audience: p.audience as PulseAudience, anonymous: p.anonymous,
    recurrence: p.recurrence ? { cron: p.recurrence, text: p.recurrenceText ?? p.recurrence } : null,
    openMinutes: p.openMinutes, stoppedAt: p.stoppedAt, createdAt: p.createdAt,
  };
}

function toRound(r: P.PulseRound): PulseRound {
  return {
    id: r.id, pulseId: r.pulseId, number: r.number, opensAt: r.opensAt, closesAt: r.closesAt, remindAt: r.remindAt,
    status: r.status as RoundStatus, invited: r.invited, salt: r.salt, remindedAt: r.remindedAt, closedAt: r.closedAt,
    results: r.results ? JSON.parse(r.results) : null,
  };
}

const toAnswer = (a: P.PulseAnswer): PulseAnswer => ({ value: a.value, text: a.text, comment: a.comment });
const byVoter = (roundId: number, v: Voter) => ('hash' in v ? { roundId, voterHash: v.hash } : { roundId, memberId: v.memberId });
const CHUNK = 500;

export function pulseRepository(db: Tx): PulseRepository {
  const due = async (where: Prisma.PulseRoundWhereInput, orderBy: Prisma.PulseRoundOrderByWithRelationInput, limit: number) =>
    (await db.pulseRound.findMany({ where, orderBy, take: limit })).map(toRound);
  const move = async (where: Prisma.PulseRoundWhereInput, data: Prisma.PulseRoundUpdateManyMutationInput) => (await db.pulseRound.updateMany({ where, data })).count === 1;
  return {
    async create(p, first, at) {
      const row = await db.pulse.create({
        data: {
          programId: p.programId, question: p.question, kind: p.kind, choices: JSON.stringify(p.choices), comment: p.comment, audience: p.audience,
          anonymous: p.anonymous, recurrence: p.recurrence?.cron ?? null, recurrenceText: p.recurrence?.text ?? null, openMinutes: p.openMinutes, createdAt: at,
          rounds: { create: { number: 1, ...first } },
        },
        include: { rounds: true },
      });
      return { pulse: toPulse(row), round: toRound(row.rounds[0]!) };
    },
    byId: async (programId, id) => {
      const p = await db.pulse.findFirst({ where: { id, programId } });
      return p ? toPulse(p) : null;
    },
    inProgram: async (programId) => (await db.pulse.findMany({ where: { programId }, orderBy: { id: 'desc' }, take: 25 })).map(toPulse),
    stop: async (id, at) => (await db.pulse.updateMany({ where: { id, stoppedAt: null }, data: { stoppedAt: at } })).count === 1,
    async round(id) {
      const r = await db.pulseRound.findUnique({ where: { id }, include: { pulse: true } });
      return r ? { round: toRound(r), pulse: toPulse(r.pulse) } : null;
    },
    rounds: async (pulseId) => (await db.pulseRound.findMany({ where: { pulseId }, orderBy: { number: 'asc' } })).map(toRound),
    addRound: async (pulseId, r) => toRound(await db.pulseRound.create({ data: { pulseId, ...r } })),
    dueToOpen: (now, limit) => due({ status: 'scheduled', opensAt: { lte: now }, pulse: { stoppedAt: null } }, { opensAt: 'asc' }, limit),
    dueToRemind: (now, limit) => due({ status: 'open', remindAt: { lte: now }, remindedAt: null, closesAt: { gt: now } }, { remindAt: 'asc' }, limit),
    dueToClose: (now, limit) => due({ status: 'open', closesAt: { lte: now } }, { closesAt: 'asc' }, limit),
    async nextTime(after) {
      const [opens, reminds, closes] = await Promise.all([
        db.pulseRound.aggregate({ _min: { opensAt: true }, where: { status: 'scheduled', opensAt: { gt: after }, pulse: { stoppedAt: null } } }),
        db.pulseRound.aggregate({ _min: { remindAt: true }, where: { status: 'open', remindedAt: null, remindAt: { gt: after } } }),
        db.pulseRound.aggregate({ _min: { closesAt: true }, where: { status: 'open', closesAt: { gt: after } } }),
      ]);
      const times = [opens._min.opensAt, reminds._min.remindAt, closes._min.closesAt].filter((d): d is Date => d !== null);
      return times.length ? new Date(Math.min(...times.map((d) => d.getTime()))) : null;
    },
    async open(roundId, o) {
      if (!(await move({ id: roundId, status: 'scheduled' }, { status: 'open', invited: o.memberIds.length, salt: o.salt }))) return false;
      for (let i = 0; i < o.memberIds.length; i += CHUNK) {
        await db.pulseInvite.createMany({ data: o.memberIds.slice(i, i + CHUNK).map((memberId) => ({ roundId, memberId })) });
      }
      return true;
    },
    skip: (roundId, at) => move({ id: roundId, status: 'scheduled' }, { status: 'closed', closedAt: at }),
    markReminded: (roundId, at) => move({ id: roundId, status: 'open', remindedAt: null }, { remindedAt: at }),
    close: (roundId, at) => move({ id: roundId, status: 'open' }, { status: 'closed', closedAt: at }),
    async settle(roundId, results) {
      await db.pulseRound.update({ where: { id: roundId }, data: { results: JSON.stringify(results), salt: null } });
      await db.pulseAnswer.updateMany({ where: { roundId, voterHash: { not: null } }, data: { voterHash: null } });
      await db.pulseInvite.deleteMany({ where: { roundId } });
    },
    // A no-op update: on PostgreSQL it holds the row lock until the transaction ends.
    lockOpen: (roundId, now) => move({ id: roundId, status: 'open', closesAt: { gt: now } }, { status: 'open' }),
    closeEarly: (roundId, at) => move({ id: roundId, status: 'open' }, { closesAt: at }),
    invited: async (roundId, memberId) => (await db.pulseInvite.count({ where: { roundId, memberId } })) > 0,
    invitees: async (roundId) => (await db.pulseInvite.findMany({ where: { roundId }, select: { memberId: true }, orderBy: { memberId: 'asc' } })).map((i) => i.memberId),
    async openInvitesOf(memberId, now) {
      const rows = await db.pulseInvite.findMany({
        where: { memberId, round: { status: 'open', closesAt: { gt: now } } },
        include: { round: { include: { pulse: true } } },
        orderBy: { roundId: 'asc' },
      });
      return rows.map((i) => ({ round: toRound(i.round), pulse: toPulse(i.round.pulse) }));
    },
    answerOf: async (roundId, voter) => {
      const a = await db.pulseAnswer.findFirst({ where: byVoter(roundId, voter) });
      return a ? toAnswer(a) : null;
    },
    async saveAnswer(roundId, voter, a) {
      const where = byVoter(roundId, voter);
      const changed = await db.pulseAnswer.updateMany({ where, data: a });
      if (changed.count) return 'changed';
      await db.pulseAnswer.create({ data: { ...where, ...a } });
      return 'created';
    },
    answeredBy: async (roundId, memberIds) =>
      new Set((await db.pulseAnswer.findMany({ where: { roundId, memberId: { in: memberIds } }, select: { memberId: true } })).map((r) => r.memberId!)),
    answers: async (roundId) =>
      (await db.pulseAnswer.findMany({ where: { roundId }, include: { member: { select: { displayName: true } } } }))
        .map((a) => ({ ...toAnswer(a), name: a.member?.displayName ?? null })),
    // Raw, one statement: the engagement report runs it beside its other counts.
    async closedIn(programId, from, to) {
      const rows = await db.$queryRaw<Array<{ pulseId: number | bigint; question: string; number: number | bigint; results: string }>>`
        SELECT p."id" AS "pulseId", p."question", r."number", r."results" FROM "PulseRound" r JOIN "Pulse" p ON p."id" = r."pulseId"
        WHERE p."programId" = ${programId} AND r."status" = 'closed' AND r."results" IS NOT NULL AND r."closedAt" >= ${from} AND r."closedAt" < ${to}
        ORDER BY r."closedAt", r."id"`;
      return rows.map((r) => ({ pulseId: Number(r.pulseId), question: r.question, round: Number(r.number), results: JSON.parse(r.results) as RoundResults }));
    },
  };
}
