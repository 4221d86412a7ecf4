// Notes to staff, on Prisma. An anonymous note is stored with no author.
import type { Prisma } from './generated/sqlite/client.js';
import type * as P from './generated/sqlite/client.js';
import type { Db } from './client.js';
import type { FeedbackNote, FeedbackRepository } from '../core/feedback/repository.js';

type Tx = Prisma.TransactionClient | Db;
const withAuthor = { author: { select: { displayName: true } } } as const;

function toNote(f: P.Feedback & { author: { displayName: string } | null }): FeedbackNote {
  return {
    id: f.id, programId: f.programId, authorId: f.authorId, authorName: f.author?.displayName ?? null, text: f.text,
    createdAt: f.createdAt, repliedAt: f.repliedAt,
  };
}

export function feedbackRepository(db: Tx): FeedbackRepository {
  return {
    add: async (n) => toNote(await db.feedback.create({ data: { programId: n.programId, authorId: n.authorId, text: n.text, createdAt: n.at }, include: withAuthor })),
    byId: async (programId, id) => {
      const f = await db.feedback.findFirst({ where: { id, programId }, include: withAuthor });
      return f ? toNote(f) : null;
    },
    latest: async (programId, limit) =>
      (await db.feedback.findMany({ where: { programId }, orderBy: { id: 'desc' }, take: limit, include: withAuthor })).map(toNote),
    async markReplied(id, at) {
      await db.feedback.update({ where: { id }, data: { repliedAt: at } });
    },
  };
}
