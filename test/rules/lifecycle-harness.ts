// The real system for the lifecycle property test: the core behind the console adapter, on one test
// database reused by every run of the file (wiped between runs), a clock the test moves, and a
// restart that boots a fresh core and a fresh console adapter over the same database, then catches
// up on reactions made while it was down. Commands are typed as in the console.
import { Readable } from 'node:stream';
import { pino } from 'pino';
import { allCommands } from '../../commands/index.js';
import { createCore, type Core } from '../../src/core/index.js';
import { runDueLeaderboards } from '../../src/core/activity/weekly.js';
import type { Reply } from '../../src/core/ports/chat-platform.js';
import { createStore } from '../../src/db/store.js';
import { consoleMessages } from '../../src/db/console-messages.js';
import { ConsoleAdapter, consoleUser, consoleWorkspace } from '../../src/platforms/console/adapter.js';
import { parseLine } from '../../src/platforms/console/parse.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

export { createTestDatabase as openLifecycleDatabase };

/** Empties every table (the migrations' own bookkeeping excepted) and restarts the id sequences. */
export async function wipe(db: TestDatabase): Promise<void> {
  const { prisma } = db;
  if (db.provider === 'postgresql') {
    const rows = await prisma.$queryRawUnsafe<Array<{ tablename: string }>>(
      `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'`,
    );
    if (rows.length) await prisma.$executeRawUnsafe(`TRUNCATE TABLE ${rows.map((r) => `"${r.tablename}"`).join(', ')} RESTART IDENTITY CASCADE`);
    return;
  }
  const rows = await prisma.$queryRawUnsafe<Array<{ name: string }>>(
    `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'`,
  );
  await prisma.$executeRawUnsafe('PRAGMA foreign_keys = OFF');
  try {
    for (const r of rows) await prisma.$executeRawUnsafe(`DELETE FROM "${r.name}"`);
    const seq = await prisma.$queryRawUnsafe<unknown[]>(`SELECT name FROM sqlite_master WHERE name = 'sqlite_sequence'`);
    if (seq.length) await prisma.$executeRawUnsafe('DELETE FROM sqlite_sequence');
  } finally {
    await prisma.$executeRawUnsafe('PRAGMA foreign_keys = ON');
  }
}

/** A reaction on a committee message made while the bot was down. */
export interface OfflineReaction { user: string; messageId: string; emoji: string; added: boolean }

export interface Lifecycle {
  db: TestDatabase;
  clock: { now: Date };
  /** Everything the console printed, one entry per print (a DM is one entry starting `[DM to @…]`). */
  output: string[];
  readonly core: Core;
  readonly platform: ConsoleAdapter;
  /** How many times the bot was started. */
  readonly boots: number;
  run(userId: string, line: string): Promise<Reply>;
  say(userId: string, line: string): Promise<string>;
  /** /apply, the form filled in; the application's reference, or null with the reply when refused. */
  apply(userId: string, referrer: string | null): Promise<{ ref: string | null; reply: string }>;
  /** The reactions on a console message: emoji -> user ids. */
  reactionsOn(messageId: string): Promise<Record<string, string[]>>;
  react(userId: string, messageId: string, emoji: string, added: boolean): Promise<void>;
  /** Moves the clock on, then runs the timed jobs (vote deadlines, weekly leaderboard) and their effects. */
  tick(hours: number): Promise<void>;
  /** Stops the bot; applies `offline` reactions to the stored messages; boots a fresh core and adapter; catches up. */
  restart(offline?: OfflineReaction[]): Promise<void>;
  stop(): Promise<void>;
}

const general = { platform: 'console' as const, workspaceId: consoleWorkspace, id: 'general' };

/** A 1x1 PNG: the weekly post's card is not what this test looks at. */
const tinyPng = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64'));

export async function startLifecycle(db: TestDatabase, start: Date): Promise<Lifecycle> {
  const clock = { now: start };
  const output: string[] = [];
  let boots = 0;

  const boot = async () => {
    boots += 1;
    const core = createCore({
      store: createStore(db), commands: allCommands, log: pino({ level: process.env.LIFECYCLE_LOG ?? 'silent' }), defaultTimeZone: 'UTC', now: () => clock.now,
    });
    const platform = new ConsoleAdapter({
      input: Readable.from([]), write: (t) => output.push(t), commands: allCommands, settle: () => core.dispatcher.drain(), messages: consoleMessages(db),
    });
    core.attach(platform);
    await platform.start(core.sink); // input is empty: the adapter only serves as the platform
    return { core, platform };
  };
  let { core, platform } = await boot();

  const run = async (userId: string, line: string): Promise<Reply> => {
    const parsed = parseLine(line, allCommands);
    if (parsed.kind !== 'command') throw new Error(`not a command: ${line} (${parsed.kind})`);
    const reply = await core.sink.command({ name: parsed.name, options: parsed.options, user: consoleUser(userId), channel: general });
    await core.dispatcher.drain();
    return reply;
  };
  const text = (reply: Reply) =>
    reply.kind === 'message'
      ? [reply.message.title, reply.message.text, ...(reply.message.fields ?? []).map((f) => `${f.name}: ${f.value}`)].filter(Boolean).join('\n')
      : reply.kind === 'form-errors' ? `${reply.message.text} ${Object.values(reply.errors).join(' ')}` : `(${reply.kind})`;

  return {
    db, clock, output,
    get core() { return core; },
    get platform() { return platform; },
    get boots() { return boots; },
    run,
    say: async (userId, line) => text(await run(userId, line)),
    async apply(userId, referrer) {
      const form = await run(userId, referrer ? `/apply referrer:@${referrer}` : '/apply');
      if (form.kind !== 'form') return { ref: null, reply: text(form) };
      const values = Object.fromEntries(form.form.fields.map((f) => [f.id, 'I swim in the river every morning']));
      const reply = await core.sink.formSubmitted({ formId: form.form.id, values, user: consoleUser(userId), channel: general });
      await core.dispatcher.drain();
      const said = text(reply);
      return { ref: /reference is \*\*(A\w{5})\*\*/.exec(said)?.[1] ?? null, reply: said };
    },
    async reactionsOn(messageId) {
      return (await consoleMessages(db).get(Number(messageId)))?.reactions ?? {};
    },
    async react(userId, messageId, emoji, added) {
      await platform.reactAs(userId, messageId, emoji, added);
      await core.dispatcher.drain();
    },
    async tick(hours) {
      clock.now = new Date(clock.now.getTime() + hours * 3_600_000);
      await core.jobs.closeDueVotes();
      await runDueLeaderboards(core.deps, { claimedBy: `lifecycle-${boots}`, renderCard: async () => ({ png: tinyPng, width: 1, height: 1 }) });
      await core.dispatcher.drain();
    },
    async restart(offline = []) {
      await core.dispatcher.stop();
      await platform.stop();
      const messages = consoleMessages(db);
      for (const r of offline) await messages.react(Number(r.messageId), r.emoji, r.user, r.added);
      ({ core, platform } = await boot());
      await core.catchUp(platform);
      await core.dispatcher.drain();
    },
    async stop() {
      await core.dispatcher.stop();
      await platform.stop();
    },
  };
}
