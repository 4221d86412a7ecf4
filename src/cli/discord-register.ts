// `npm run discord:register`: registers the slash commands with Discord and prints what changed.
// Guild-scoped (instant) with DISCORD_GUILD_ID, global otherwise. DISCORD_API_URL points it at a
// test double like the bot itself.
import 'dotenv/config';
import { allCommands } from '../../commands/index.js';
import { ConfigError, loadConfig } from '../config.js';
import { scrubSecrets } from '../logger.js';
import { describeResult, registerCommands } from '../platforms/discord/register.js';

function fail(message: string): never {
  process.stderr.write(`discord:register: ${scrubSecrets(message)}\n`);
  process.exit(1);
}

try {
  const config = loadConfig();
  if (!config.discord) fail('DISCORD_TOKEN and DISCORD_APPLICATION_ID must be set to register slash commands.');
  const result = await registerCommands(config.discord, allCommands);
  process.stdout.write(`${describeResult(result, config.discord)}\n`);
} catch (err) {
  fail(err instanceof ConfigError ? err.message : err instanceof Error ? err.message : String(err));
}
