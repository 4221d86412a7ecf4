// Unfinished multi-step forms in the database (FormDraft), so any process can continue one and a
// restart loses nothing. The data is the adapter's own session, stored as JSON.
import type { Db } from './client.js';
import type { Prisma } from './generated/sqlite/client.js';
import type { FormDraftRepository } from '../core/ports/chat-platform.js';

type DraftDb = Pick<Db, 'formDraft'> | Prisma.TransactionClient;

export function formDrafts(db: DraftDb, shared: boolean): FormDraftRepository {
  return {
    shared,
    async get(token, now) {
      const row = await db.formDraft.findUnique({ where: { token } });
      return row && row.expiresAt > now ? { token: row.token, personKey: row.personKey, data: row.data, expiresAt: row.expiresAt } : null;
    },
    async byPerson(personKey, now) {
      const row = await db.formDraft.findUnique({ where: { personKey } });
      return row && row.expiresAt > now ? { token: row.token, personKey: row.personKey, data: row.data, expiresAt: row.expiresAt } : null;
    },
    async put(d) {
      // A person has one draft per form: a new token replaces the old draft.
      await db.formDraft.upsert({
        where: { personKey: d.personKey },
        create: { token: d.token, personKey: d.personKey, data: d.data as never, expiresAt: d.expiresAt },
        update: { token: d.token, data: d.data as never, expiresAt: d.expiresAt },
      });
    },
    async remove(token) {
      await db.formDraft.deleteMany({ where: { token } });
    },
    prune: async (now) => (await db.formDraft.deleteMany({ where: { expiresAt: { lte: now } } })).count,
  };
}
