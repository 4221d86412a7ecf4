// Which database a DATABASE_URL names, and the Prisma driver adapter that talks to it.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
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

export function adapterFactory(url: string): SqlMigrationAwareDriverAdapterFactory {
  if (providerOf(url) === 'postgresql') return new PrismaPg({ connectionString: url, max: 10 });
  const path = sqlitePath(url);
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  // timeout: a second process writing the same file waits for the lock instead of failing.
  return serialisedSqlite(new PrismaBetterSqlite3({ url: path, timeout: 5000 }));
}

/** The URL with any password masked, for logs and error messages. */
export function redactUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@');
}
