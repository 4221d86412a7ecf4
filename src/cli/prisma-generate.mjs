// Generates the Prisma clients for both providers, offline.
// prisma/schema.prisma (SQLite) is the one model definition; the PostgreSQL schema is derived
// from it here, so the two never drift. `prisma generate` never runs the schema engine, but the
// CLI insists that one exists: pointing it at any file keeps it from trying to download one.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const prismaCli = require.resolve('prisma/build/index.js');

export function derivePostgresSchema(sqliteSchema) {
  const out = sqliteSchema
    .replace(/(output\s*=\s*)"\.\.\/src\/db\/generated\/sqlite"/, '$1"../../src/db/generated/postgresql"')
    .replace(/(provider\s*=\s*)"sqlite"/, '$1"postgresql"');
  if (out === sqliteSchema || !out.includes('"postgresql"') || !out.includes('generated/postgresql')) {
    throw new Error('prisma/schema.prisma: expected the sqlite provider and client output lines to derive PostgreSQL from');
  }
  return '// GENERATED from prisma/schema.prisma by `npm run db:generate`: edit that file, not this one.\n' + out;
}

function main() {
  const sqliteSchema = join(root, 'prisma', 'schema.prisma');
  const pgSchema = join(root, 'prisma', 'postgresql', 'schema.prisma');
  mkdirSync(dirname(pgSchema), { recursive: true });
  writeFileSync(pgSchema, derivePostgresSchema(readFileSync(sqliteSchema, 'utf8')));
  const env = {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
    CHECKPOINT_DISABLE: '1',
  };
  for (const schema of [sqliteSchema, pgSchema]) {
    execFileSync(process.execPath, [prismaCli, 'generate', '--schema', schema], { cwd: root, env, stdio: 'inherit' });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
