import { afterEach, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../src/db/migrate.js';
import { openDatabase } from '../../src/db/client.js';
import { freshDatabaseUrl, testProvider } from '../support/database.js';
import { readMigrations } from '../../src/db/schema-engine.js';

describe(`migrations on ${testProvider}`, () => {
  let drop: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await drop?.();
  });

  it('GIVEN an empty database WHEN started twice THEN all migrations apply once and are recorded', async () => {
    const fresh = await freshDatabaseUrl();
    drop = fresh.drop;
    const all = readMigrations(testProvider).migrationDirectories.map((d) => d.path);
    expect(all.length).toBeGreaterThan(0);

    expect(await applyMigrations(fresh.url)).toEqual(all);
    expect(await applyMigrations(fresh.url)).toEqual([]);

    const db = await openDatabase(fresh.url);
    try {
      const rows = await db.prisma.$queryRawUnsafe<Array<{ migration_name: string; finished_at: unknown }>>(
        'SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name',
      );
      expect(rows.map((r) => r.migration_name)).toEqual(all);
      expect(rows.every((r) => r.finished_at !== null)).toBe(true);
    } finally {
      await db.close();
    }
  });
});
