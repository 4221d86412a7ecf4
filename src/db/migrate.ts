// Applies the committed migrations for the database a URL names. Run at every start-up.
// Each migration file is wrapped in BEGIN/COMMIT (see src/cli/new-migration.ts), so one that fails
// leaves nothing half-applied; it is then marked rolled back, exactly as
// `prisma migrate resolve --rolled-back` would, so the fixed migration applies at the next start.
import type { MigrationList } from '@prisma/schema-engine-wasm';
import { noFilter, openEngine, readMigrations, type EngineHandle } from './schema-engine.js';
import { providerOf, redactUrl } from './provider.js';
import type { Database } from './client.js';

/**
 * True when every committed migration is recorded as applied: start-up then skips loading the
 * schema engine (its WebAssembly instance would stay in memory for the process's lifetime).
 */
export async function allMigrationsApplied(db: Database): Promise<boolean> {
  const wanted = readMigrations(db.provider).migrationDirectories.map((d) => d.path);
  try {
    const rows = await db.prisma.$queryRawUnsafe<Array<{ migration_name: string }>>(
      'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
    const applied = new Set(rows.map((r) => r.migration_name));
    return wanted.every((name) => applied.has(name));
  } catch {
    return false; // no migrations table yet
  }
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

export async function applyMigrations(url: string, migrations?: MigrationList): Promise<string[]> {
  const where = `the ${providerOf(url)} database ${redactUrl(url)}`;
  const list = migrations ?? readMigrations(providerOf(url));
  const handle = await open(url, where);
  try {
    return (await handle.engine.applyMigrations({ migrationsList: list, filters: noFilter })).appliedMigrationNames;
  } catch (err) {
    await handle.close();
    throw await explainFailure(url, where, list, err);
  } finally {
    await handle.close();
  }
}

async function open(url: string, where: string): Promise<EngineHandle> {
  try {
    return await openEngine(url);
  } catch (err) {
    throw new MigrationError(`Cannot open ${where}: ${messageOf(err)}`, { cause: err });
  }
}

async function explainFailure(url: string, where: string, list: MigrationList, err: unknown): Promise<MigrationError> {
  let failed: string[] = [];
  try {
    const handle = await openEngine(url);
    try {
      failed = (await handle.engine.diagnoseMigrationHistory({ migrationsList: list, optInToShadowDatabase: false, filters: noFilter })).failedMigrationNames;
      const transactional = failed.filter((name) => isTransactional(list, name));
      for (const name of transactional) await handle.engine.markMigrationRolledBack({ migrationName: name });
      if (failed.length && transactional.length === failed.length) {
        return new MigrationError(
          `Migration ${failed.join(', ')} failed on ${where}: ${messageOf(err)}. It was rolled back, so nothing of it was applied; fix it and start again.`,
          { cause: err },
        );
      }
    } finally {
      await handle.close();
    }
  } catch {
    /* the original error says more than a failure to diagnose it */
  }
  const which = failed.length ? `Migration ${failed.join(', ')}` : 'Migrating';
  const advice = failed.length ? ' It was not transactional: check the database by hand, then run `prisma migrate resolve`.' : '';
  return new MigrationError(`${which} failed on ${where}: ${messageOf(err)}.${advice}`, { cause: err });
}

function isTransactional(list: MigrationList, name: string): boolean {
  const file = list.migrationDirectories.find((d) => d.path === name)?.migrationFile.content;
  return file?.tag === 'ok' && /^\s*(--[^\n]*\n\s*)*BEGIN;/i.test(file.value) && /COMMIT;\s*$/i.test(file.value);
}

/** The first meaningful line of what the engine or driver said, without its trace. */
export function messageOf(err: unknown): string {
  const e = err as { message?: string };
  const text = typeof e?.message === 'string' ? e.message : String(err);
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l && !/^(external connector error|Error in the underlying connector)/i.test(l) && !/^\d+:/.test(l));
  return (lines[0] ?? text).replace(/\.$/, '');
}
