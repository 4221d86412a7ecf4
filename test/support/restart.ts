// A restart inside a test: the running core stops (its dispatcher and console), and a fresh core
// with a fresh ConsoleAdapter opens over the same database, as `npm start` would after a restart.
// The console keeps its messages and reactions in the database (src/db/console-messages.ts), so the
// new process sees the old messages, continues their numbering, and catches up on their reactions
// the way src/app.ts does: attach, start, then `core.catchUp(platform)`.
import { Readable } from 'node:stream';
import { pino } from 'pino';
import { allCommands } from '../../commands/index.js';
import { createCore } from '../../src/core/index.js';
import type { Reply } from '../../src/core/ports/chat-platform.js';
import { consoleMessages } from '../../src/db/console-messages.js';
import { createStore } from '../../src/db/store.js';
import { ConsoleAdapter, consoleUser, consoleWorkspace, type ConsoleOptions } from '../../src/platforms/console/adapter.js';
import { parseLine } from '../../src/platforms/console/parse.js';
import type { TestCore } from './core.js';
import type { TestDatabase } from './database.js';

/** How to build the console of the new process (a subclass can simulate a broken platform). */
export type ConsoleFactory = (options: ConsoleOptions) => ConsoleAdapter;

export interface RestartedCore extends TestCore {
  /** What catch-up found when this process started. */
  caughtUp: { messages: number; replayed: number };
}

/**
 * A core and console over an existing database, started as src/app.ts starts them. The clock is
 * shared with the caller's (time goes on across a restart); `output` is this process's own.
 */
export async function openCore(db: TestDatabase, clock: TestCore['clock'], makeConsole: ConsoleFactory = (o) => new ConsoleAdapter(o)): Promise<RestartedCore> {
  const output: string[] = [];
  const core = createCore({
    store: createStore(db), commands: allCommands, log: pino({ level: 'silent' }), defaultTimeZone: 'UTC', now: () => clock.now,
  });
  const platform = makeConsole({
    input: Readable.from([]), write: (t) => output.push(t), commands: allCommands, settle: () => core.dispatcher.drain(), messages: consoleMessages(db),
  });
  core.attach(platform);
  await platform.start(core.sink); // input is empty: the adapter only serves as the platform
  const caughtUp = await core.catchUp(platform);
  await core.dispatcher.drain();

  const run = async (userId: string, line: string): Promise<Reply> => {
    const parsed = parseLine(line, allCommands);
    if (parsed.kind !== 'command') throw new Error(`not a command: ${line} (${parsed.kind})`);
    const reply = await core.sink.command({ name: parsed.name, options: parsed.options, user: consoleUser(userId), channel: { platform: 'console', workspaceId: consoleWorkspace, id: 'general' } });
    await core.dispatcher.drain();
    return reply;
  };
  return {
    core, db, platform, output, clock, caughtUp, user: consoleUser, run,
    async say(userId, line) {
      const reply = await run(userId, line);
      if (reply.kind !== 'message') throw new Error(`expected a message, got ${reply.kind}`);
      return [reply.message.title, reply.message.text, ...(reply.message.fields ?? []).map((f) => `${f.name}: ${f.value}`)].filter(Boolean).join('\n');
    },
    async react(userId, messageId, emoji, added = true) {
      await platform.reactAs(userId, messageId, emoji, added);
      await core.dispatcher.drain();
    },
    async job(jobRun) {
      const n = await jobRun(core.jobs);
      await core.dispatcher.drain();
      return n;
    },
    async close() {
      await platform.stop();
      await core.dispatcher.stop();
      await db.destroy();
    },
  };
}

/**
 * Stops `t`'s process (console and dispatcher; the database stays) and starts a new one over the
 * same database. Close the returned core, not `t`: it owns the database from now on.
 */
export async function restart(t: TestCore, makeConsole?: ConsoleFactory): Promise<RestartedCore> {
  await t.platform.stop();
  await t.core.dispatcher.stop();
  return openCore(t.db, t.clock, makeConsole);
}
