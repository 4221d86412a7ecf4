// People's data on Prisma: everything that references a member (the export), erasure in place, and
// the free-text scrub. Identical on both providers. Rows keep their column names (see core/people).
import type { Prisma } from './generated/sqlite/client.js';
import type { Db } from './client.js';
import type { PeopleRepository, Row } from '../core/people/repository.js';
import { erasedAnswers, ERASED } from '../core/people/erased.js';

type Tx = Prisma.TransactionClient | Db;

/** Enum columns are UPPER_CASE in the database, lower-case everywhere else. */
const enums = new Set(['status', 'choice', 'kind']);
function row(r: object): Row {
  return Object.fromEntries(Object.entries(r).map(([k, v]) => [k, enums.has(k) && typeof v === 'string' ? v.toLowerCase() : v]));
}

const PAGE = 500;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A needle as a whole word (or whole phrase): "Sam" goes, "Sample" stays. */
const wholeWord = (n: string) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(n)}(?![\\p{L}\\p{N}])`, 'gu');

/** Replaces every needle (as a whole word) in every string inside a JSON value. */
export function scrubValue(v: unknown, needles: readonly string[], replacement: string): unknown {
  if (typeof v === 'string') return needles.reduce((s, n) => (s.includes(n) ? s.replace(wholeWord(n), replacement) : s), v);
  if (Array.isArray(v)) return v.map((x) => scrubValue(x, needles, replacement));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, scrubValue(x, needles, replacement)]));
  return v;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function peopleRepository(db: Tx): PeopleRepository {
  /** Pages through a table by id, rewriting the given columns of rows whose text contains a needle. */
  async function scrubTable(
    page: (after: number) => Promise<Array<{ id: number }>>, columns: readonly string[], write: (id: number, data: Record<string, unknown>) => Promise<unknown>,
    needles: readonly string[], replacement: string,
  ): Promise<number> {
    let changed = 0;
    for (let after = 0; ; ) {
      const rows = await page(after);
      for (const r of rows as Array<{ id: number } & Record<string, unknown>>) {
        const data: Record<string, unknown> = {};
        for (const c of columns) {
          if (r[c] === null || r[c] === undefined) continue;
          const next = scrubValue(r[c], needles, replacement);
          if (!same(next, r[c])) data[c] = next;
        }
        if (Object.keys(data).length) {
          await write(r.id, data);
          changed++;
        }
      }
      if (rows.length < PAGE) return changed;
      after = rows[rows.length - 1]!.id;
    }
  }

  return {
    async recordsOf(memberId) {
      const m = await db.member.findUniqueOrThrow({ where: { id: memberId } });
      const [staff, committee, applications, referrals, votes, ambassadorTerms, activity, notices, feedback, pulseInvites, pulseAnswers] = await Promise.all([
        db.staffMember.findMany({ where: { memberId }, orderBy: { id: 'asc' } }),
        db.committeeMember.findMany({ where: { memberId }, orderBy: { id: 'asc' } }),
        db.application.findMany({ where: { applicantId: memberId }, orderBy: { id: 'asc' } }),
        db.application.findMany({
          where: { referrerId: memberId }, orderBy: { id: 'asc' },
          select: { id: true, ref: true, programId: true, referrerId: true, status: true, submittedAt: true, decidedAt: true },
        }),
        db.vote.findMany({ where: { voterId: memberId }, orderBy: { id: 'asc' }, include: { application: { select: { ref: true } } } }),
        db.ambassador.findMany({ where: { memberId }, orderBy: { id: 'asc' } }),
        db.activity.findMany({ where: { memberId }, orderBy: { id: 'asc' }, include: { kind: { select: { key: true } } } }),
        db.notice.findMany({ where: { memberId }, orderBy: { id: 'asc' } }),
        db.feedback.findMany({ where: { authorId: memberId }, orderBy: { id: 'asc' } }),
        db.pulseInvite.findMany({ where: { memberId }, orderBy: { id: 'asc' } }),
        db.pulseAnswer.findMany({ where: { memberId }, orderBy: { id: 'asc' } }),
      ]);
      return {
        member: row(m), staff: staff.map(row), committee: committee.map(row), applications: applications.map(row), referrals: referrals.map(row),
        votes: votes.map(({ application, ...v }) => row({ ...v, applicationRef: application.ref })),
        ambassadorTerms: ambassadorTerms.map(row),
        activity: activity.map(({ kind, ...a }) => row({ ...a, kindKey: kind.key })),
        notices: notices.map(row),
        feedback: feedback.map(row),
        pulseInvites: pulseInvites.map(row),
        pulseAnswers: pulseAnswers.map(row),
      };
    },

    async eraseMember(memberId, at) {
      const m = await db.member.update({ where: { id: memberId }, data: { displayName: ERASED, joinedAt: null, erasedAt: at } });
      // A form they had started and not sent (answers in progress; drafts expire on their own too).
      await db.formDraft.deleteMany({ where: { personKey: { startsWith: `${m.platform}:${m.platformUserId}:` } } });
      for (const app of await db.application.findMany({ where: { applicantId: memberId }, select: { id: true, answers: true } })) {
        await db.application.update({ where: { id: app.id }, data: { answers: erasedAnswers(app.answers) as never, decisionNote: null, answersErasedAt: at } });
      }
      await db.activity.updateMany({ where: { memberId }, data: { link: null, note: null, reviewReason: null } });
      // Off every public board: a nameless row would still be a person's place.
      await db.ambassador.updateMany({ where: { memberId }, data: { leaderboardOptOut: true, grantError: null } });
      await db.notice.deleteMany({ where: { memberId } });
      // A named note's words are theirs: the note stays (staff saw it arrive) with neither text nor author.
      await db.feedback.updateMany({ where: { authorId: memberId }, data: { text: ERASED, authorId: null } });
      // Named pulse answers: the value still counts; their words and the link to them go.
      await db.pulseAnswer.updateMany({ where: { memberId, text: { not: null } }, data: { text: ERASED } });
      await db.pulseAnswer.updateMany({ where: { memberId, comment: { not: null } }, data: { comment: ERASED } });
      await db.pulseAnswer.updateMany({ where: { memberId }, data: { memberId: null } });
      await db.pulseInvite.deleteMany({ where: { memberId } });
      await db.committeeMember.deleteMany({ where: { memberId } });
      await db.staffMember.deleteMany({ where: { memberId } });
    },

    async scrubText(needles, replacement) {
      if (!needles.length) return 0;
      const after = (a: number) => ({ where: { id: { gt: a } }, orderBy: { id: 'asc' as const }, take: PAGE });
      let n = 0;
      n += await scrubTable((a) => db.outboxItem.findMany({ ...after(a), select: { id: true, payload: true, lastError: true } }), ['payload', 'lastError'],
        (id, data) => db.outboxItem.update({ where: { id }, data: data as never }), needles, replacement);
      n += await scrubTable((a) => db.auditEvent.findMany({ ...after(a), select: { id: true, reason: true, data: true } }), ['reason', 'data'],
        (id, data) => db.auditEvent.update({ where: { id }, data: data as never }), needles, replacement);
      n += await scrubTable((a) => db.consoleMessage.findMany({ ...after(a), select: { id: true, message: true } }), ['message'],
        (id, data) => db.consoleMessage.update({ where: { id }, data: data as never }), needles, replacement);
      n += await scrubTable((a) => db.program.findMany({ ...after(a), select: { id: true, lastProblem: true } }), ['lastProblem'],
        (id, data) => db.program.update({ where: { id }, data: data as never }), needles, replacement);
      n += await scrubTable((a) => db.jobRun.findMany({ ...after(a), select: { id: true, error: true } }), ['error'],
        (id, data) => db.jobRun.update({ where: { id }, data: data as never }), needles, replacement);
      return n;
    },

    async eraseAnswers(applicationId, at) {
      const app = await db.application.findUnique({ where: { id: applicationId }, select: { answers: true, answersErasedAt: true } });
      if (!app || app.answersErasedAt) return false;
      const r = await db.application.updateMany({
        where: { id: applicationId, answersErasedAt: null },
        data: { answers: erasedAnswers(app.answers) as never, decisionNote: null, answersErasedAt: at },
      });
      return r.count === 1;
    },

    async retentionCandidates() {
      const rows = await db.application.findMany({
        where: { status: { in: ['REJECTED', 'WITHDRAWN'] }, answersErasedAt: null, decidedAt: { not: null }, program: { retentionDays: { not: null } } },
        select: { id: true, ref: true, programId: true, decidedAt: true, program: { select: { retentionDays: true } } },
        orderBy: { id: 'asc' },
      });
      return rows.map((r) => ({
        applicationId: r.id, ref: r.ref, programId: r.programId, dueAt: new Date(r.decidedAt!.getTime() + r.program.retentionDays! * 86_400_000),
      }));
    },
  };
}
