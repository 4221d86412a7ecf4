// A fresh database per world, fast: the migrations run once per test file into a template, and each
// world gets a copy (a file copy on SQLite, CREATE DATABASE … TEMPLATE on PostgreSQL). startApp
// still runs its migration check on the copy, which finds nothing to do.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { applyMigrations } from '../../../src/db/migrate.js';
import { providerOf } from '../../../src/db/provider.js';
import { freshDatabaseUrl } from '../../support/database.js';

interface Fresh {
  url: string;
  drop(): Promise<void>;
}

let template: Promise<Fresh> | undefined;

function migratedTemplate(): Promise<Fresh> {
  template ??= (async () => {
    const db = await freshDatabaseUrl();
    await applyMigrations(db.url);
    return db;
  })();
  return template;
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** A migrated, empty database of the provider DATABASE_URL names, and how to remove it. */
export async function worldDatabase(): Promise<Fresh> {
  const t = await migratedTemplate();
  if (providerOf(t.url) === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'ambassador-slack-'));
    const file = join(dir, 'test.db');
    copyFileSync(t.url.slice('file:'.length), file);
    return { url: `file:${file}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const source = new URL(t.url).pathname.slice(1);
  const name = `${source}_${Math.random().toString(36).slice(2, 8)}`;
  await admin((c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${source}"`));
  const url = new URL(t.url);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(async (c) => void (await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`))) };
}

/** Removes the template; call from afterAll in each file that starts worlds. */
export async function dropTemplate(): Promise<void> {
  const t = template;
  template = undefined;
  if (t) await (await t).drop();
}
