// A console session in this process, wired as src/main.ts wires it in console mode: the console's
// clock is the core's "now", its seeded generator the core's randomness, and the clock runner its
// scheduler. Faster than spawning the entry point (test/support/run-bot.ts) and lets a test look
// at the database afterwards.
import { Readable } from 'node:stream';
import { pino } from 'pino';
import { allCommands } from '../../commands/index.js';
import { createCore, type Core } from '../../src/core/index.js';
import type { InboundSink } from '../../src/core/ports/chat-platform.js';
import { consoleMessages } from '../../src/db/console-messages.js';
import { createStore } from '../../src/db/store.js';
import { ConsoleAdapter, type ConsoleOptions } from '../../src/platforms/console/adapter.js';
import { ConsoleClock } from '../../src/platforms/console/clock.js';
import { memoryConsoleMessages } from '../../src/platforms/console/messages.js';
import { seededRandom } from '../../src/platforms/console/random.js';
import type { TextStyle } from '../../src/platforms/console/render.js';
import { clockRunner } from '../../src/scheduler/clock-runner.js';
import { leaderboardCard } from '../../src/scheduler/jobs.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

export interface Session {
  out: string;
  db: TestDatabase;
  core: Core;
  clock: ConsoleClock;
  close(): Promise<void>;
}

/** Runs `lines` as a script through a core on a fresh database (closed by the caller). */
export async function consoleSession(
  lines: string[],
  o: { start?: string; style?: TextStyle; makeConsole?: (options: ConsoleOptions) => ConsoleAdapter } = {},
): Promise<Session> {
  const db = await createTestDatabase();
  const clock = new ConsoleClock({ running: false, start: new Date(o.start ?? '2026-11-26T10:00:00Z') });
  const random = seededRandom(clock.now().getTime());
  const log = pino({ level: 'silent' });
  const core = createCore({ store: createStore(db), commands: allCommands, log, defaultTimeZone: 'UTC', now: () => clock.now(), random: () => random.next() });
  const runner = clockRunner(core, clock, { claimedBy: 'test', renderCard: leaderboardCard, log });
  let out = '';
  const adapter = (o.makeConsole ?? ((options) => new ConsoleAdapter(options)))({
    input: Readable.from(lines.map((l) => `${l}\n`)),
    write: (t) => void (out += t),
    commands: allCommands,
    settle: () => core.dispatcher.drain(),
    messages: consoleMessages(db),
    style: o.style ?? 'plain',
    time: { clock, zone: 'UTC', random, advanceTo: (to) => runner.advanceTo(to), nextDue: () => runner.nextDue() },
  });
  core.attach(adapter);
  await adapter.start(core.sink);
  await adapter.finished();
  await core.dispatcher.drain();
  return {
    out, db, core, clock,
    async close() {
      await runner.stop();
      await core.dispatcher.stop();
      await db.destroy();
    },
  };
}

/** A sink that answers nothing: for the console's own controls, no core needed. */
export const quietSink: InboundSink = {
  command: async () => ({ kind: 'none' }),
  formSubmitted: async () => ({ kind: 'none' }),
  reaction: async () => {},
};

/** The console alone (no database, no core), reading `lines`. */
export async function bareConsole(lines: string[], sink: InboundSink = quietSink): Promise<string> {
  let out = '';
  const adapter = new ConsoleAdapter({ input: Readable.from(lines.map((l) => `${l}\n`)), write: (t) => void (out += t), commands: allCommands, settle: async () => {}, messages: memoryConsoleMessages(), style: 'plain' });
  await adapter.start(sink);
  await adapter.finished();
  return out;
}
