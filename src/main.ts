// `npm start`: runs the bot. With no platform tokens it runs the console adapter on the embedded
// SQLite database, so anyone can try the whole flow in a terminal.
import 'dotenv/config';
import { allCommands } from '../commands/index.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { startApp } from './app.js';
import { MigrationError } from './db/migrate.js';
import { createLogger, scrubSecrets } from './logger.js';
import { ConsoleAdapter } from './platforms/console/adapter.js';
import type { ChatPlatform } from './core/ports/chat-platform.js';
import type { Core } from './core/index.js';
import type { Database } from './db/client.js';
import { consoleMessages } from './db/console-messages.js';

function fatal(message: string): never {
  process.stderr.write(`ambassador: ${scrubSecrets(message)}\n`);
  process.exit(1);
}

let config: Config;
try {
  config = loadConfig();
} catch (err) {
  fatal(err instanceof ConfigError ? err.message : String(err));
}

const consoleMode = !config.discord && !config.slack;
// In the console, stdout is the conversation: logs go to stderr and only warnings by default.
const log = createLogger(consoleMode && !process.env.LOG_LEVEL ? 'warn' : config.logLevel);
process.on('unhandledRejection', (reason) => log.error({ err: reason }, 'unhandled promise rejection'));

// Platform libraries load only when their platform is configured (start-up time and idle memory).
const discord = config.discord && (await import('./platforms/discord/index.js'));
const slack = config.slack && (await import('./platforms/slack/index.js'));

let consoleAdapter: ConsoleAdapter | undefined;
function platforms(core: Core, db: Database): ChatPlatform[] {
  const list: ChatPlatform[] = [];
  if (config.discord && discord) {
    // A fresh gateway session after a long outage gets no replay of missed events: catch up then too.
    const adapter = discord.createDiscordAdapter(config.discord, log, { onNewSession: () => core.catchUp(adapter) });
    list.push(adapter);
  }
  if (config.slack && slack) list.push(slack.createSlackAdapter(config.slack, log, allCommands));
  if (list.length) return list;
  consoleAdapter = new ConsoleAdapter({
    input: process.stdin,
    write: (t) => process.stdout.write(t),
    commands: allCommands,
    settle: () => core.dispatcher.drain(),
    interactive: process.stdin.isTTY === true,
    messages: consoleMessages(db),
  });
  return [consoleAdapter];
}

try {
  const app = await startApp({ config, log, platforms, scheduler: !consoleMode || process.stdin.isTTY === true });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    await app.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  log.info('ready');
  if (consoleAdapter) {
    await consoleAdapter.finished();
    await stop('end of input');
  }
} catch (err) {
  if (err instanceof MigrationError) fatal(err.message);
  log.error({ err }, 'start-up failed');
  fatal(`start-up failed: ${err instanceof Error ? err.message : String(err)}`);
}
