// Opens the Prisma client for the database a DATABASE_URL names. Each provider has its own
// generated client (the query compiler is provider-specific); both come from the one schema, so
// they expose the same API and the SQLite client's types describe both.
import { adapterFactory, providerOf, type Provider } from './provider.js';
import type { PrismaClient } from './generated/sqlite/client.js';

export type Db = PrismaClient;
export * as Model from './generated/sqlite/client.js';

/** One statement on a plain driver connection, no ORM: how many rows it changed, and those it returned. */
export type FastStatement = (sql: string, params: unknown[]) => Promise<{ count: number; rows: Array<Record<string, unknown>> }>;

export interface Database {
  prisma: Db;
  provider: Provider;
  /**
   * PostgreSQL: a small pool of its own for the one statement before each acknowledgement (the
   * inbound claim), so it neither waits behind the main pool's transactions nor pays the ORM's CPU.
   */
  fast?: FastStatement;
  close(): Promise<void>;
}

export async function openDatabase(url: string): Promise<Database> {
  const provider = providerOf(url);
  const adapter = await adapterFactory(url);
  const { PrismaClient: Client } =
    provider === 'sqlite'
      ? await import('./generated/sqlite/client.js')
      : ((await import('./generated/postgresql/client.js')) as unknown as typeof import('./generated/sqlite/client.js'));
  // errorFormat 'minimal': otherwise every query captures a stack trace (new Error) to point at
  // its caller should it fail: measured ~6 % of the CPU of a burst of votes. Errors keep their message.
  const prisma = new Client({ adapter, errorFormat: 'minimal' });
  if (provider === 'sqlite') {
    // WAL: readers never block the writer; busy_timeout: a second writer waits instead of failing.
    await prisma.$queryRawUnsafe('PRAGMA journal_mode = WAL');
    await prisma.$executeRawUnsafe('PRAGMA foreign_keys = ON');
  }
  if (provider === 'sqlite') return { prisma, provider, close: () => prisma.$disconnect() };
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: url, max: 8, idleTimeoutMillis: 60_000 });
  pool.on('error', () => undefined); // an idle connection lost: the next query opens another
  const fast: FastStatement = async (sql, params) => {
    const r = await pool.query(sql, params);
    return { count: r.rowCount ?? 0, rows: r.rows as Array<Record<string, unknown>> };
  };
  return {
    prisma,
    provider,
    fast,
    close: async () => {
      await Promise.allSettled([prisma.$disconnect(), pool.end()]);
    },
  };
}
