// Prisma's own schema engine, compiled to WebAssembly, driven through a driver adapter: migrations
// apply (and new ones are authored) without the native binary the Prisma CLI would download.
// applyMigrations records `_prisma_migrations` exactly as `prisma migrate deploy` does.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import {
  bindMigrationAwareSqlAdapterFactory,
  mockMigrationAwareAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import * as bg from '@prisma/schema-engine-wasm/schema_engine_bg';
import type { MigrationList, SchemaEngine } from '@prisma/schema-engine-wasm';
import { adapterFactory, providerOf, type Provider } from './provider.js';

const require = createRequire(import.meta.url);

/**
 * The folder holding prisma/ (schemas and migrations): found upward from this module, so the same
 * code finds it from src/db/ (sources run by tsx or vitest) and from out/ (the build `npm start` runs).
 */
export const projectRoot = findProjectRoot(import.meta.dirname);

function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'prisma', 'schema.prisma'))) return dir;
    if (dirname(dir) === dir) throw new Error(`prisma/schema.prisma not found in ${from} or any folder above it`);
  }
}

export function schemaPath(provider: Provider): string {
  return provider === 'sqlite'
    ? join(projectRoot, 'prisma', 'schema.prisma')
    : join(projectRoot, 'prisma', 'postgresql', 'schema.prisma');
}

export function migrationsDir(provider: Provider): string {
  return join(schemaPath(provider), '..', 'migrations');
}

let wasmReady: Promise<void> | undefined;
function loadWasm(): Promise<void> {
  wasmReady ??= (async () => {
    // The wasm file is not in the package's exports map: locate it beside the exported glue.
    const bytes = readFileSync(join(dirname(require.resolve('@prisma/schema-engine-wasm')), 'schema_engine_bg.wasm'));
    const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': bg as never });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
  })();
  return wasmReady;
}

export interface EngineHandle {
  engine: SchemaEngine;
  provider: Provider;
  close(): Promise<void>;
}

/** Opens the engine on a database. `logs` collects what the engine says, for error messages. */
export async function openEngine(url: string, logs: string[] = []): Promise<EngineHandle> {
  return openEngineWith(providerOf(url), await adapterFactory(url), logs);
}

/**
 * An engine that never touches a database: enough for diffs between two datamodels. The engine
 * still asks a PostgreSQL server for its version when it opens, so that one question is answered.
 */
export function openOfflineEngine(provider: Provider): Promise<EngineHandle> {
  const mock = mockMigrationAwareAdapterFactory(provider === 'sqlite' ? 'sqlite' : 'postgres');
  const answerVersionProbe = async () => {
    const adapter = await mock.connect();
    return {
      ...adapter,
      queryRaw: async (q: { sql: string }) =>
        q.sql.includes('server_version_num')
          ? { columnNames: ['exists', 'version', 'numeric_version'], columnTypes: [5, 7, 0], rows: [[true, 'PostgreSQL 15.0', 150000]] }
          : adapter.queryRaw(q as never),
    };
  };
  const factory = { ...mock, connect: answerVersionProbe, connectToShadowDb: answerVersionProbe } as SqlMigrationAwareDriverAdapterFactory;
  return openEngineWith(provider, factory, []);
}

async function openEngineWith(provider: Provider, factory: SqlMigrationAwareDriverAdapterFactory, logs: string[]): Promise<EngineHandle> {
  await loadWasm();
  const schema = readFileSync(schemaPath(provider), 'utf8');
  // engine.free() does not close the connections it opened; keep them to dispose on close,
  // or a second engine on the same SQLite file waits on the first one's lock.
  const opened: Array<{ dispose(): Promise<void> }> = [];
  const tracked: SqlMigrationAwareDriverAdapterFactory = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => remember(await factory.connect()),
    connectToShadowDb: async () => remember(await factory.connectToShadowDb()),
  };
  function remember<T extends { dispose(): Promise<void> }>(adapter: T): T {
    opened.push(adapter);
    return adapter;
  }
  const engine = await bg.SchemaEngine.new(
    { datamodels: [[schemaPath(provider), schema]] },
    (line: string) => logs.push(line),
    bindMigrationAwareSqlAdapterFactory(tracked),
  );
  let closed: Promise<void> | undefined;
  return {
    engine,
    provider,
    close: () =>
      (closed ??= (async () => {
        engine.free();
        await Promise.all(opened.map((a) => a.dispose().catch(() => undefined)));
      })()),
  };
}

export function readMigrations(provider: Provider): MigrationList {
  const baseDir = migrationsDir(provider);
  const lockPath = join(baseDir, 'migration_lock.toml');
  const dirs = existsSync(baseDir)
    ? readdirSync(baseDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
    : [];
  return {
    baseDir,
    lockfile: { path: 'migration_lock.toml', content: existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: dirs.map((name) => {
      const file = join(baseDir, name, 'migration.sql');
      return {
        path: name,
        migrationFile: {
          path: 'migration.sql',
          content: existsSync(file) ? { tag: 'ok', value: readFileSync(file, 'utf8') } : { tag: 'error', value: `${file} is missing` },
        },
      };
    }),
  };
}

export const noFilter = { externalTables: [], externalEnums: [] };
