// `npm start`: runs the bot. With no platform tokens it runs the console adapter on the embedded
// SQLite database, so anyone can try the whole flow in a terminal.
import 'dotenv/config';
import { relative, resolve } from 'node:path';
import { allCommands } from '../commands/index.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { startApp } from './app.js';
import { MigrationError } from './db/migrate.js';
import { DatabaseInUseError } from './db/process-lock.js';
import { createFileLogger, createLogger, scrubSecrets } from './logger.js';
import { ConsoleAdapter } from './platforms/console/adapter.js';
import { ConsoleClock } from './platforms/console/clock.js';
import { seededRandom } from './platforms/console/random.js';
import type { ChatPlatform } from './core/ports/chat-platform.js';
import type { Core } from './core/index.js';
import type { Database } from './db/client.js';
import { consoleMessages } from './db/console-messages.js';
import { clockRunner, type ClockRunner } from './scheduler/clock-runner.js';
import { claimantId, leaderboardCard } from './scheduler/jobs.js';

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
const interactive = consoleMode && process.stdin.isTTY === true;

// In the console, stdout is the conversation: logs go to a file, and the conversation gets one
// line when something failed, naming that file.
const logFile = resolve('data/ambassador.log');
let consoleAdapter: ConsoleAdapter | undefined;
const log = consoleMode
  ? createFileLogger(config.logLevel, logFile, (msg) => consoleAdapter?.notice(`something failed: ${msg}; details in ${relative(process.cwd(), logFile)}`))
  : createLogger(config.logLevel);
process.on('unhandledRejection', (reason) => log.error({ err: reason }, 'unhandled promise rejection'));

// The console's clock is the core's "now", and its seeded generator the core's randomness: a
// script that starts with `:clock <date time>` replays byte for byte.
const clock = consoleMode ? new ConsoleClock({ running: interactive }) : undefined;
const random = clock && seededRandom(clock.now().getTime());
let runner: ClockRunner | undefined;

// Platform libraries load only when their platform is configured (start-up time and idle memory).
const discord = config.discord && (await import('./platforms/discord/index.js'));
const slack = config.slack && (await import('./platforms/slack/index.js'));

function platforms(core: Core, db: Database): ChatPlatform[] {
  const list: ChatPlatform[] = [];
  if (config.discord && discord) {
    // A fresh gateway session after a long outage gets no replay of missed events: catch up then too.
    const adapter = discord.createDiscordAdapter(config.discord, log, { onNewSession: () => core.catchUp(adapter) });
    list.push(adapter);
  }
  if (config.slack && slack) list.push(slack.createSlackAdapter(config.slack, log, allCommands));
  if (list.length || !clock) return list;
  const jobsRunner = clockRunner(core, clock, { claimedBy: claimantId(), renderCard: leaderboardCard, log });
  runner = jobsRunner;
  consoleAdapter = new ConsoleAdapter({
    input: process.stdin,
    write: (t) => process.stdout.write(t),
    commands: allCommands,
    settle: () => core.dispatcher.drain(),
    interactive,
    terminal: interactive ? { output: process.stdout, historyFile: resolve('data/console-history') } : undefined,
    messages: consoleMessages(db),
    style: process.stdout.isTTY && !process.env.NO_COLOR ? 'ansi' : 'plain',
    time: {
      clock,
      zone: config.defaultTimeZone,
      random,
      advanceTo: (to) => jobsRunner.advanceTo(to),
      nextDue: () => jobsRunner.nextDue(),
    },
  });
  return [consoleAdapter];
}

try {
  // In console mode the clock runner is the scheduler: on :clock in a script, also in real time interactively.
  const app = await startApp({ config, log, platforms, scheduler: !consoleMode, now: clock && (() => clock.now()), random: random && (() => random.next()) });
  if (interactive) runner?.start();
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    await runner?.stop();
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
  if (err instanceof MigrationError || err instanceof DatabaseInUseError) fatal(err.message);
  log.error({ err }, 'start-up failed');
  fatal(`start-up failed: ${err instanceof Error ? err.message : String(err)}`);
}
