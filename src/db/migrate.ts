// Applies the committed migrations for the database a URL names. Run at every start-up.
import { openEngine, readMigrations } from './schema-engine.js';
import { providerOf, redactUrl } from './provider.js';
import { noFilter } from './schema-engine.js';

export class MigrationError extends Error {
  override name = 'MigrationError';
}

export async function applyMigrations(url: string): Promise<string[]> {
  const logs: string[] = [];
  const where = `${providerOf(url)} database ${redactUrl(url)}`;
  let handle;
  try {
    handle = await openEngine(url, logs);
  } catch (err) {
    throw new MigrationError(`Cannot open the ${where}: ${messageOf(err)}`, { cause: err });
  }
  try {
    const out = await handle.engine.applyMigrations({ migrationsList: readMigrations(handle.provider), filters: noFilter });
    return out.appliedMigrationNames;
  } catch (err) {
    throw new MigrationError(`Migrating the ${where} failed: ${messageOf(err)}`, { cause: err });
  } finally {
    await handle.close();
  }
}

/** The first line of what the engine or driver said, without its stack. */
export function messageOf(err: unknown): string {
  const e = err as { message?: string; cause?: unknown };
  const text = typeof e?.message === 'string' ? e.message : String(err);
  return text.split('\n').find((l) => l.trim())?.trim() ?? text;
}
