// The core's InboundClaimsRepository (src/core/inbound.ts) in SQL, the same on both providers:
// a claim is ONE statement, INSERT … ON CONFLICT DO UPDATE … WHERE … RETURNING, so the database
// decides every race and the claim costs one round trip before an acknowledgement. Prisma has no
// conditional upsert, hence raw SQL; times are passed as text in the format Prisma stores (UTC).
// On SQLite (one process per file, see process-lock.ts) production uses memoryInboundClaims instead:
// a claim there would wait behind other callers' transactions on the one connection.
import type { Db } from './client.js';
import type { Prisma } from './generated/sqlite/client.js';
import type { Provider } from './provider.js';
import type { InboundClaimsRepository, InboundWork, LapsedClaim } from '../core/inbound.js';

type RawDb = Pick<Db, '$queryRawUnsafe' | '$executeRawUnsafe'> | Prisma.TransactionClient;

/** Positional parameters and casts per provider: PostgreSQL $1::type, SQLite ?1. */
function dialect(provider: Provider) {
  const pg = provider === 'postgresql';
  return {
    p: (n: number) => (pg ? `$${n}` : `?${n}`),
    ts: (n: number) => (pg ? `$${n}::timestamp(3)` : `?${n}`),
    json: (n: number) => (pg ? `$${n}::jsonb` : `?${n}`),
    time: (d: Date) => (pg ? d.toISOString() : d.toISOString().replace('Z', '+00:00')),
  };
}

const table = '"InboundClaim"';

export function sqlInboundClaims(db: RawDb, provider: Provider): InboundClaimsRepository {
  const { p, ts, json, time } = dialect(provider);
  return {
    async claim(req) {
      const repeatBefore = req.repeatAfterMs === undefined ? new Date(0) : new Date(req.now.getTime() - req.repeatAfterMs);
      const rows = await db.$queryRawUnsafe<unknown[]>(
        `INSERT INTO ${table} ("key", "variant", "claimedBy", "claimedAt", "leaseUntil", "work")
         VALUES (${p(1)}, ${p(2)}, ${p(3)}, ${ts(4)}, ${ts(5)}, ${json(6)})
         ON CONFLICT ("key") DO UPDATE SET "variant" = excluded."variant", "claimedBy" = excluded."claimedBy",
           "claimedAt" = excluded."claimedAt", "leaseUntil" = excluded."leaseUntil", "doneAt" = NULL, "work" = excluded."work"
         WHERE ${table}."variant" <> excluded."variant" OR ${table}."claimedAt" < ${ts(7)}
         RETURNING "key"`,
        req.key, req.variant ?? '', req.claimedBy, time(req.now), time(new Date(req.now.getTime() + req.leaseMs)),
        req.work === undefined ? null : JSON.stringify(req.work), time(repeatBefore),
      );
      return rows.length === 1;
    },
    async settle(key, claimedBy, now) {
      const n = await db.$executeRawUnsafe(
        `UPDATE ${table} SET "doneAt" = COALESCE("doneAt", ${ts(3)}), "work" = NULL WHERE "key" = ${p(1)} AND "claimedBy" = ${p(2)}`,
        key, claimedBy, time(now),
      );
      return n === 1;
    },
    async takeOverLapsed(claimedBy, now, leaseMs, limit) {
      // One conditional UPDATE per row: of two processes taking over, only one matches the old lease.
      const lapsed = await db.$queryRawUnsafe<Array<{ key: string; leaseUntil: unknown }>>(
        `SELECT "key", "leaseUntil" FROM ${table} WHERE "doneAt" IS NULL AND "work" IS NOT NULL AND "leaseUntil" < ${ts(1)} ORDER BY "claimedAt" LIMIT ${Number(limit)}`,
        time(now),
      );
      const taken: LapsedClaim[] = [];
      for (const row of lapsed) {
        const rows = await db.$queryRawUnsafe<Array<{ work: unknown }>>(
          `UPDATE ${table} SET "claimedBy" = ${p(1)}, "leaseUntil" = ${ts(2)}
           WHERE "key" = ${p(3)} AND "doneAt" IS NULL AND "leaseUntil" < ${ts(4)} RETURNING "work"`,
          claimedBy, time(new Date(now.getTime() + leaseMs)), row.key, time(now),
        );
        const work = rows[0]?.work;
        if (work) taken.push({ key: row.key, work: (typeof work === 'string' ? JSON.parse(work) : work) as InboundWork });
      }
      return taken;
    },
    async prune(doneBefore, abandonedBefore) {
      return db.$executeRawUnsafe(
        `DELETE FROM ${table} WHERE ("doneAt" IS NOT NULL AND "doneAt" < ${ts(1)}) OR ("doneAt" IS NULL AND "claimedAt" < ${ts(2)})`,
        time(doneBefore), time(abandonedBefore),
      );
    },
  };
}

/** The same contract in memory, for a single process (SQLite): no statement before an acknowledgement. */
export function memoryInboundClaims(): InboundClaimsRepository {
  const rows = new Map<string, { variant: string; claimedBy: string; claimedAt: number; leaseUntil: number; doneAt: number | null; work?: InboundWork }>();
  return {
    async claim(req) {
      const now = req.now.getTime();
      const old = rows.get(req.key);
      const variant = req.variant ?? '';
      const repeatBefore = req.repeatAfterMs === undefined ? 0 : now - req.repeatAfterMs;
      if (old && old.variant === variant && old.claimedAt >= repeatBefore) return false;
      rows.set(req.key, { variant, claimedBy: req.claimedBy, claimedAt: now, leaseUntil: now + req.leaseMs, doneAt: null, work: req.work });
      return true;
    },
    async settle(key, claimedBy, now) {
      const row = rows.get(key);
      if (!row || row.claimedBy !== claimedBy) return false;
      row.doneAt ??= now.getTime();
      row.work = undefined;
      return true;
    },
    async takeOverLapsed(claimedBy, now, leaseMs, limit) {
      const taken: LapsedClaim[] = [];
      for (const [key, row] of rows) {
        if (taken.length >= limit) break;
        if (row.doneAt !== null || !row.work || row.leaseUntil >= now.getTime()) continue;
        Object.assign(row, { claimedBy, leaseUntil: now.getTime() + leaseMs });
        taken.push({ key, work: row.work });
      }
      return taken;
    },
    async prune(doneBefore, abandonedBefore) {
      let n = 0;
      for (const [key, row] of rows) {
        if (row.doneAt !== null ? row.doneAt < doneBefore.getTime() : row.claimedAt < abandonedBefore.getTime()) {
          rows.delete(key);
          n++;
        }
      }
      return n;
    },
  };
}
