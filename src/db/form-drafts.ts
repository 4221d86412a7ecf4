// Unfinished multi-step forms in the database (FormDraft), so any process can continue one and a
// restart loses nothing. The data is the adapter's own session, stored as JSON.
import type { Db, FastStatement } from './client.js';
import type { Prisma } from './generated/sqlite/client.js';
import type { FormDraftRepository } from '../core/ports/chat-platform.js';

type DraftDb = Pick<Db, 'formDraft'> | Prisma.TransactionClient;

/** `fast`: PostgreSQL's plain pool (client.ts), for the write each /apply makes. */
export function formDrafts(db: DraftDb, shared: boolean, fast?: FastStatement): FormDraftRepository {
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
      // A person has one draft per form: a new token replaces the old draft. On PostgreSQL through the
      // plain pool (this runs in every /apply, right after the modal is shown: no ORM CPU there).
      if (fast) {
        await fast(
          `INSERT INTO "FormDraft" ("token", "personKey", "data", "expiresAt") VALUES ($1, $2, $3::jsonb, $4::timestamp(3))
           ON CONFLICT ("personKey") DO UPDATE SET "token" = excluded."token", "data" = excluded."data", "expiresAt" = excluded."expiresAt"`,
          [d.token, d.personKey, JSON.stringify(d.data), d.expiresAt.toISOString()],
        );
        return;
      }
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
