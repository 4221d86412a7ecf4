// A fresh, migrated database for one test file, on the provider DATABASE_URL names:
// SQLite by default (a temporary file), PostgreSQL when DATABASE_URL is a postgres:// URL
// (a new database on that server, dropped afterwards). CI runs the whole suite once per provider.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/client.js';
import { applyMigrations } from '../../src/db/migrate.js';
import { providerOf, type Provider } from '../../src/db/provider.js';

export const testProvider: Provider = providerOf(process.env.DATABASE_URL ?? 'file:');

export interface TestDatabase extends Database {
  url: string;
  /** Drops the database (PostgreSQL) or deletes the file (SQLite). */
  destroy(): Promise<void>;
}

/** A URL for an empty database that does not exist yet, and how to remove it afterwards. */
export async function freshDatabaseUrl(): Promise<{ url: string; drop(): Promise<void> }> {
  const base = process.env.DATABASE_URL ?? '';
  if (providerOf(base) === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'ambassador-test-'));
    return { url: `file:${join(dir, 'test.db')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `t_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const { url, drop } = await freshDatabaseUrl();
  await applyMigrations(url);
  const db = await openDatabase(url);
  return {
    ...db,
    url,
    destroy: async () => {
      await db.close();
      await drop();
    },
  };
}
