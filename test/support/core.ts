// A core on a fresh test database, with the console adapter as its platform and a clock the test
// controls. Commands are typed as in the console, so tests read like the product's own usage.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pino, type Logger } from 'pino';
import { localFiles } from '../../src/files/local-files.js';
import { allCommands } from '../../commands/index.js';
import { createCore, type Core } from '../../src/core/index.js';
import type { Reply, UserRef } from '../../src/core/ports/chat-platform.js';
import { createStore } from '../../src/db/store.js';
import { consoleMessages } from '../../src/db/console-messages.js';
import { ConsoleAdapter, consoleUser, consoleWorkspace, type ConsoleOptions } from '../../src/platforms/console/adapter.js';
import { parseLine } from '../../src/platforms/console/parse.js';
import { createTestDatabase, type TestDatabase } from './database.js';

export interface TestCore {
  core: Core;
  db: TestDatabase;
  platform: ConsoleAdapter;
  output: string[];
  clock: { now: Date; advanceHours(h: number): void };
  user(id: string): UserRef;
  /** Runs a console-style command line as `user` and waits for its side effects. */
  run(userId: string, line: string): Promise<Reply>;
  /** Runs the command and returns the reply text (fails on a form). */
  say(userId: string, line: string): Promise<string>;
  react(userId: string, messageId: string, emoji: string, added?: boolean): Promise<void>;
  /** Runs a timed job now, then its side effects. */
  job(run: (jobs: Core['jobs']) => Promise<number>): Promise<number>;
  close(): Promise<void>;
}

/** How to build a process's console (a subclass can simulate a broken platform). */
export type ConsoleFactory = (options: ConsoleOptions) => ConsoleAdapter;

export async function createTestCore(start = new Date('2026-03-02T10:00:00Z'), o: TestCoreOptions = {}): Promise<TestCore> {
  const clock = {
    now: start,
    advanceHours(h: number) {
      clock.now = new Date(clock.now.getTime() + h * 3_600_000);
    },
  };
  return openTestCore(await createTestDatabase(), clock, undefined, o);
}

export interface TestCoreOptions {
  /** The core's logger (default: silent). */
  log?: Logger;
}

/**
 * A core and console over a database, started as src/app.ts starts them (attach, start, catch up).
 * The clock is the caller's, so time goes on across a restart; `output` is this process's own.
 */
export async function openTestCore(db: TestDatabase, clock: TestCore['clock'], makeConsole: ConsoleFactory = (o) => new ConsoleAdapter(o), opts: TestCoreOptions = {}): Promise<TestCore & { caughtUp: { messages: number; replayed: number } }> {
  const output: string[] = [];
  const core = createCore({
    store: createStore(db), commands: allCommands, log: opts.log ?? pino({ level: 'silent' }), defaultTimeZone: 'UTC', now: () => clock.now,
    files: localFiles(mkdtempSync(join(tmpdir(), 'ambassador-files-'))),
  });
  const platform = makeConsole({ input: Readable.from([]), write: (t) => output.push(t), commands: allCommands, settle: () => core.dispatcher.drain(), messages: consoleMessages(db) });
  core.attach(platform);
  await platform.start(core.sink); // input is empty: the adapter only serves as the platform
  const caughtUp = await core.catchUp(platform);
  await core.dispatcher.drain();
  const user = consoleUser;
  const run = async (userId: string, line: string): Promise<Reply> => {
    const parsed = parseLine(line, allCommands);
    if (parsed.kind !== 'command') throw new Error(`not a command: ${line} (${parsed.kind})`);
    const reply = await core.sink.command({ name: parsed.name, options: parsed.options, user: user(userId), channel: { platform: 'console', workspaceId: consoleWorkspace, id: 'general' } });
    await core.dispatcher.drain();
    return reply;
  };
  return {
    core, db, platform, output, clock, caughtUp, user, run,
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

/** The reference in an application receipt. */
export function refOf(reply: Reply): string {
  if (reply.kind !== 'message') throw new Error(`expected a receipt, got ${reply.kind}`);
  const ref = /reference is \*\*(A\w{5})\*\*/.exec(reply.message.text)?.[1];
  if (!ref) throw new Error(`no reference in: ${reply.message.text}`);
  return ref;
}

/** The application row, and the id of its committee message. */
export const applicationRow = (t: TestCore, ref: string) => t.db.prisma.application.findUniqueOrThrow({ where: { ref } });
export const committeeMessageOf = async (t: TestCore, ref: string) => (await applicationRow(t, ref)).committeeMessageId!;

/** A program with two questions and a committee of carol, dave and erin; quorum 2, threshold 2/3. */
export async function seedProgram(t: TestCore, extra = ''): Promise<void> {
  await t.say('admin', `/program setup program:"Campus Crew" why:"We love clean rivers and want everyone to swim" objective:"Raise $50,000 for clean-ups" metric:dollars target:50000 capacity:2 committee_channel:#committee ambassador_role:Ambassadors announce_channel:#news ${extra}`);
  await t.say('admin', '/program rules quorum:2 threshold:2/3');
  await t.say('admin', '/program questions add prompt:"Why do you want to join?" kind:paragraph max_length:500');
  await t.say('admin', '/program questions add prompt:"Your city" required:false max_length:40');
  for (const m of ['carol', 'dave', 'erin']) await t.say('admin', `/committee add user:@${m}`);
}

/** Each person applies and carol and dave approve: they are ambassadors (in a program from seedProgram). */
export async function acceptAmbassadors(t: TestCore, people: readonly string[]): Promise<void> {
  for (const who of people) {
    await apply(t, who);
    const app = await t.db.prisma.application.findFirstOrThrow({ where: { applicant: { platformUserId: who } }, orderBy: { id: 'desc' } });
    for (const m of ['carol', 'dave']) await t.react(m, app.committeeMessageId!, '✅');
  }
}

/** Opens the form as `userId` and submits the answers; returns the reply. */
export async function apply(t: TestCore, userId: string, answers: string[] = ['I swim every day', 'Lyon'], options = ''): Promise<Reply> {
  const form = await t.run(userId, `/apply ${options}`);
  if (form.kind !== 'form') return form;
  const values = Object.fromEntries(form.form.fields.map((f, i) => [f.id, answers[i] ?? '']));
  const reply = await t.core.sink.formSubmitted({ formId: form.form.id, values, user: t.user(userId), channel: { platform: 'console', workspaceId: consoleWorkspace, id: 'general' } });
  await t.core.dispatcher.drain();
  return reply;
}
