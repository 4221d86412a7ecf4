// Which database a DATABASE_URL names, and the Prisma driver adapter that talks to it.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { serialisedSqlite } from './sqlite-serialised.js';

export type Provider = 'sqlite' | 'postgresql';

export function providerOf(url: string): Provider {
  return /^postgres(ql)?:\/\//i.test(url) ? 'postgresql' : 'sqlite';
}

/** The file path behind a `file:` URL, resolved against the working directory. */
export function sqlitePath(url: string): string {
  const path = url.replace(/^file:/, '').replace(/\?.*$/, '');
  return path === ':memory:' ? path : resolve(path);
}

/**
 * The driver adapter for a URL. Each provider's adapter loads only when used: `pg` alone costs
 * ~13 MB and loads undici (Node's fetch, a WebAssembly HTTP parser) as it starts, for nothing on SQLite.
 */
export async function adapterFactory(url: string): Promise<SqlMigrationAwareDriverAdapterFactory> {
  if (providerOf(url) === 'postgresql') {
    const { PrismaPg } = await import('@prisma/adapter-pg');
    return new PrismaPg({ connectionString: url, max: 10 });
  }
  const path = sqlitePath(url);
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const { PrismaBetterSqlite3 } = await import('@prisma/adapter-better-sqlite3');
  // timeout: a second process writing the same file waits for the lock instead of failing.
  return serialisedSqlite(new PrismaBetterSqlite3({ url: path, timeout: 5000 }));
}

/** The URL with any password masked, for logs and error messages. */
export function redactUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@');
}
