// `npm run db:migrate`: applies pending migrations to DATABASE_URL without starting the bot
// (start-up does the same; this is for deploy pipelines).
import 'dotenv/config';
import { ConfigError, loadConfig } from '../config.js';
import { applyMigrations } from '../db/migrate.js';
import { redactUrl } from '../db/provider.js';
import { scrubSecrets } from '../logger.js';

try {
  const { databaseUrl } = loadConfig();
  const applied = await applyMigrations(databaseUrl);
  console.log(applied.length ? `Applied to ${redactUrl(databaseUrl)}:\n${applied.map((m) => `  ${m}`).join('\n')}` : `${redactUrl(databaseUrl)} is up to date.`);
} catch (err) {
  process.stderr.write(`db:migrate: ${scrubSecrets(err instanceof ConfigError || err instanceof Error ? err.message : String(err))}\n`);
  process.exit(1);
}
