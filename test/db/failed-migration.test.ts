import { afterEach, describe, expect, it } from 'vitest';
import { applyMigrations, MigrationError } from '../../src/db/migrate.js';
import { openDatabase } from '../../src/db/client.js';
import { readMigrations } from '../../src/db/schema-engine.js';
import { freshDatabaseUrl, testProvider } from '../support/database.js';

let drop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await drop?.();
});

const withExtra = (sql: string) => {
  const list = readMigrations(testProvider);
  list.migrationDirectories.push({ path: '20991231000000_extra', migrationFile: { path: 'migration.sql', content: { tag: 'ok', value: sql } } });
  return list;
};

describe(`a migration that fails halfway on ${testProvider}`, () => {
  it('GIVEN a failing migration WHEN applied THEN nothing of it remains, the error says which, and the fixed one applies next time', async () => {
    const fresh = await freshDatabaseUrl();
    drop = fresh.drop;
    const broken = withExtra('BEGIN;\nCREATE TABLE "Half" ("id" INTEGER);\nALTER TABLE "DoesNotExist" ADD COLUMN "x" INTEGER;\nCOMMIT;\n');

    const err = await applyMigrations(fresh.url, broken).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MigrationError);
    expect((err as Error).message).toMatch(/^Migration 20991231000000_extra failed on the (sqlite|postgresql) database .*It was rolled back, so nothing of it was applied; fix it and start again\.$/);

    const db = await openDatabase(fresh.url);
    try {
      const tables = testProvider === 'sqlite'
        ? await db.prisma.$queryRawUnsafe<unknown[]>(`SELECT name FROM sqlite_master WHERE name = 'Half'`)
        : await db.prisma.$queryRawUnsafe<unknown[]>(`SELECT tablename FROM pg_tables WHERE tablename = 'Half'`);
      expect(tables).toEqual([]);
    } finally {
      await db.close();
    }

    const fixed = withExtra('BEGIN;\nCREATE TABLE "Half" ("id" INTEGER);\nCOMMIT;\n');
    expect(await applyMigrations(fresh.url, fixed)).toEqual(['20991231000000_extra']);
  });
});
