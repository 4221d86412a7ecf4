// The core's InboundClaimsRepository (src/core/inbound.ts) in SQL, the same on both providers:
// a claim is ONE statement, INSERT … ON CONFLICT DO UPDATE … WHERE … RETURNING, so the database
// decides every race and the claim costs one round trip before an acknowledgement. Prisma has no
// conditional upsert, hence raw SQL; times are passed as text in the format Prisma stores (UTC).
// On SQLite (one process per file, see process-lock.ts) production uses memoryInboundClaims instead:
// a claim there would wait behind other callers' transactions on the one connection.
import type { Db, FastStatement } from './client.js';
import type { Prisma } from './generated/sqlite/client.js';
import type { Provider } from './provider.js';
import type { InboundClaimRequest, InboundClaimsRepository, InboundWork, LapsedClaim } from '../core/inbound.js';

type RawDb = Pick<Db, '$queryRawUnsafe' | '$executeRawUnsafe'> | Prisma.TransactionClient;

/**
 * A statement's parameters in order of appearance: PostgreSQL numbers them ($1, with a cast where
 * the type can't be inferred), better-sqlite3 takes plain ? in order.
 */
function statement(provider: Provider) {
  const pg = provider === 'postgresql';
  const args: unknown[] = [];
  const add = (v: unknown, cast = '') => {
    args.push(v);
    return pg ? `$${args.length}${cast}` : '?';
  };
  return {
    args,
    v: (v: unknown) => add(v),
    ts: (d: Date) => add(pg ? d.toISOString() : d.toISOString().replace('Z', '+00:00'), '::timestamp(3)'),
    json: (v: unknown) => add(v === undefined ? null : JSON.stringify(v), '::jsonb'),
  };
}

const table = '"InboundClaim"';

const repeatBeforeOf = (req: InboundClaimRequest) => (req.repeatAfterMs === undefined ? new Date(0) : new Date(req.now.getTime() - req.repeatAfterMs));

/** One claim's row of VALUES; a claim with nothing left to finish elsewhere is done as it is made. */
function claimRow(q: ReturnType<typeof statement>, req: InboundClaimRequest): string {
  // Placeholders are numbered in the order they are written: keep each inline.
  return `(${q.v(req.key)}, ${q.v(req.variant ?? '')}, ${q.v(req.claimedBy)}, ${q.ts(req.now)}, ${q.ts(new Date(req.now.getTime() + req.leaseMs))}, ${q.json(req.work)}, ${req.work === undefined ? q.ts(req.now) : 'NULL'})`;
}

/** Takes the rows whose key is free, or whose earlier claim may be repeated (another variant, or older than `repeatBefore`). */
const claimSql = (rows: string[], repeatBefore: string) =>
  `INSERT INTO ${table} ("key", "variant", "claimedBy", "claimedAt", "leaseUntil", "work", "doneAt")
   VALUES ${rows.join(', ')}
   ON CONFLICT ("key") DO UPDATE SET "variant" = excluded."variant", "claimedBy" = excluded."claimedBy",
     "claimedAt" = excluded."claimedAt", "leaseUntil" = excluded."leaseUntil", "doneAt" = excluded."doneAt", "work" = excluded."work"
   WHERE ${table}."variant" <> excluded."variant" OR ${table}."claimedAt" < ${repeatBefore}
   RETURNING "key"`;

const MAX_BATCH = 500; // 7 parameters a row, well under PostgreSQL's 65,535

/**
 * PostgreSQL: the claims asked for in one turn of the event loop go as ONE statement. A burst of 200
 * interactions was 200 commits queued on the claims pool before the last could be acknowledged (p99
 * 2.5x a bare client); batched, it is a few. Claims with different repeat windows go separately (the
 * window is in the WHERE clause); a key asked for twice in one batch is a copy, and loses.
 */
function batchedClaims(fast: FastStatement): (req: InboundClaimRequest) => Promise<boolean> {
  type Waiting = { req: InboundClaimRequest; resolve: (won: boolean) => void; reject: (err: unknown) => void };
  let pending: Waiting[] = [];
  const run = async (repeatBefore: Date, items: Waiting[]) => {
    const first = new Map<string, Waiting>();
    for (const w of items) {
      if (first.has(w.req.key)) w.resolve(false);
      else first.set(w.req.key, w);
    }
    const q = statement('postgresql');
    const rows = [...first.values()].map((w) => claimRow(q, w.req));
    try {
      const won = new Set((await fast(claimSql(rows, q.ts(repeatBefore)), q.args)).rows.map((r) => String(r.key)));
      for (const [key, w] of first) w.resolve(won.has(key));
    } catch (err) {
      for (const w of first.values()) w.reject(err);
    }
  };
  const flush = () => {
    const batch = pending;
    pending = [];
    const groups = new Map<number, Waiting[]>();
    for (const w of batch) {
      const at = repeatBeforeOf(w.req).getTime();
      groups.set(at, [...(groups.get(at) ?? []), w]);
    }
    for (const [at, items] of groups) for (let i = 0; i < items.length; i += MAX_BATCH) void run(new Date(at), items.slice(i, i + MAX_BATCH));
  };
  return (req) =>
    new Promise<boolean>((resolve, reject) => {
      if (!pending.length) setImmediate(flush);
      pending.push({ req, resolve, reject });
    });
}

/** `fast`: a plain driver connection for the claim itself (PostgreSQL), else it goes through Prisma. */
export function sqlInboundClaims(db: RawDb, provider: Provider, fast?: FastStatement): InboundClaimsRepository {
  const batched = fast && provider === 'postgresql' ? batchedClaims(fast) : undefined;
  return {
    async claim(req) {
      if (batched) return batched(req);
      const q = statement(provider);
      const row = claimRow(q, req);
      const rows = await db.$queryRawUnsafe<unknown[]>(claimSql([row], q.ts(repeatBeforeOf(req))), ...q.args);
      return rows.length === 1;
    },
    async settle(key, claimedBy, now) {
      const q = statement(provider);
      const sql = `UPDATE ${table} SET "doneAt" = COALESCE("doneAt", ${q.ts(now)}), "work" = NULL WHERE "key" = ${q.v(key)} AND "claimedBy" = ${q.v(claimedBy)}`;
      return (await db.$executeRawUnsafe(sql, ...q.args)) === 1;
    },
    async takeOverLapsed(claimedBy, now, leaseMs, limit) {
      const q = statement(provider);
      const lapsed = await db.$queryRawUnsafe<Array<{ key: string }>>(
        `SELECT "key" FROM ${table} WHERE "doneAt" IS NULL AND "work" IS NOT NULL AND "leaseUntil" < ${q.ts(now)} ORDER BY "claimedAt" LIMIT ${Number(limit)}`,
        ...q.args,
      );
      // One conditional UPDATE per row: of two processes taking over, only one matches the lapsed lease.
      const taken: LapsedClaim[] = [];
      for (const row of lapsed) {
        const u = statement(provider);
        const rows = await db.$queryRawUnsafe<Array<{ work: unknown }>>(
          `UPDATE ${table} SET "claimedBy" = ${u.v(claimedBy)}, "leaseUntil" = ${u.ts(new Date(now.getTime() + leaseMs))}
           WHERE "key" = ${u.v(row.key)} AND "doneAt" IS NULL AND "leaseUntil" < ${u.ts(now)} RETURNING "work"`,
          ...u.args,
        );
        const work = rows[0]?.work;
        if (work) taken.push({ key: row.key, work: (typeof work === 'string' ? JSON.parse(work) : work) as InboundWork });
      }
      return taken;
    },
    async prune(doneBefore, abandonedBefore) {
      const q = statement(provider);
      return db.$executeRawUnsafe(
        `DELETE FROM ${table} WHERE ("doneAt" IS NOT NULL AND "doneAt" < ${q.ts(doneBefore)}) OR ("doneAt" IS NULL AND "claimedAt" < ${q.ts(abandonedBefore)})`,
        ...q.args,
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
      rows.set(req.key, { variant, claimedBy: req.claimedBy, claimedAt: now, leaseUntil: now + req.leaseMs, doneAt: req.work ? null : now, work: req.work });
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
