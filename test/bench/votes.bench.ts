// A burst of 1,000 vote reactions at once on 100 applications (committee of 10, quorum 10), through
// the core's inbound sink as every adapter calls it, on SQLite and on PostgreSQL: throughput, and
// that no vote is lost or counted twice and each application is decided exactly once. The platform
// is a stand-in that answers at once (committee posts get ids, edits and reactions do nothing), so
// what is measured is the core and the database; the side-effect dispatcher runs meanwhile, as it
// does in production. Each round starts from a fresh database; median (range) over the rounds.
// Only public APIs of the core and the database layer are used, so the same file measures an older
// commit too (how "before" figures are taken).
// Run: npm run bench -- votes   (BENCH_ROUNDS=3 default; BENCH_PG_URL for the PostgreSQL server)
import { pathToFileURL } from 'node:url';
import { pino } from 'pino';
import { allCommands } from '../../commands/index.js';
import { createCore, type Core } from '../../src/core/index.js';
import type { ChatPlatform, ChannelRef, MessageRef, Reply, UserRef } from '../../src/core/ports/chat-platform.js';
import { createStore } from '../../src/db/store.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { fmt, load } from './lib/measure.js';

const APPLICATIONS = 100;
const COMMITTEE = 10;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const today = { sqlite: 257, postgresql: 177 }; // reactions/s before issue #13, from the issue

/** Posts get ids; nothing else happens. */
class StandIn implements ChatPlatform {
  readonly platform = 'console' as const;
  readonly capabilities = { removeOthersReactions: false };
  private next = 1;
  async start(): Promise<void> {}
  async stop(): Promise<void> {}
  async post(to: ChannelRef): Promise<MessageRef> {
    return { channel: to, id: String(this.next++) };
  }
  async edit(): Promise<void> {}
  async dm(): Promise<void> {}
  async react(): Promise<void> {}
  async unreact(): Promise<void> {}
  async reactionsOn(): Promise<Array<{ user: UserRef; emoji: string }>> {
    return [];
  }
  async grantMembership(): Promise<void> {}
  async revokeMembership(): Promise<void> {}
  async membersOf(): Promise<UserRef[]> {
    return [];
  }
}

const user = (id: string): UserRef => ({ platform: 'console', workspaceId: 'bench', id, name: id, isBot: false, ...(id === 'admin' ? { isAdmin: true } : {}) });
const channel = (id: string): ChannelRef => ({ platform: 'console', workspaceId: 'bench', id });

async function as(core: Core, who: string, name: string, options: Record<string, unknown> = {}): Promise<Reply> {
  const reply = await core.sink.command({ name, options, user: user(who), channel: channel('general') });
  if (reply.kind === 'message' && /went wrong/i.test(reply.message.text)) throw new Error(`/${name}: ${reply.message.text}`);
  return reply;
}

async function round(url: string | undefined): Promise<{ perSecond: number; cpuMs: number; problems: string[] }> {
  if (url) process.env.DATABASE_URL = url;
  const db: TestDatabase = await createTestDatabase();
  const core = createCore({ store: createStore(db), commands: allCommands, log: pino({ level: 'silent' }), defaultTimeZone: 'UTC' });
  core.attach(new StandIn());
  try {
    await as(core, 'admin', 'program setup', {
      program: 'Bench', why: 'Benchmarking the committee', objective: 'Decide fast', metric: 'decisions', target: 100, capacity: APPLICATIONS, committee_channel: 'committee',
    });
    await as(core, 'admin', 'program rules', { quorum: COMMITTEE, threshold: '1/2' });
    await as(core, 'admin', 'program questions add', { prompt: 'Why?' });
    const voters = Array.from({ length: COMMITTEE }, (_, i) => `voter${i}`);
    for (const v of voters) await as(core, 'admin', 'committee add', { user: v });
    for (let i = 0; i < APPLICATIONS; i++) {
      const form = await as(core, `applicant${i}`, 'apply');
      if (form.kind !== 'form') throw new Error(`/apply: ${JSON.stringify(form)}`);
      await core.sink.formSubmitted({ formId: form.form.id, values: { [form.form.fields[0]!.id]: 'Because' }, user: user(`applicant${i}`), channel: channel('general') });
    }
    await core.dispatcher.drain();
    const apps = await db.prisma.application.findMany({ select: { committeeMessageId: true } });
    const reactions = apps.flatMap((a, i) => voters.map((v, j) => ({ v, msg: a.committeeMessageId!, emoji: (i + j) % 3 === 0 ? '❌' : '✅' })));

    const started = performance.now();
    const cpu = process.cpuUsage();
    await Promise.all(reactions.map((r) => core.sink.reaction({ message: { channel: channel('committee'), id: r.msg }, user: user(r.v), added: true, emoji: r.emoji })));
    const ms = performance.now() - started;
    await core.dispatcher.drain();
    // The bench process's CPU (this process: the core, Prisma, and on SQLite the database itself) per reaction, refreshes included.
    const used = process.cpuUsage(cpu);
    const cpuMs = (used.user + used.system) / 1000 / reactions.length;

    const votes = await db.prisma.vote.count();
    const decisions = await db.prisma.auditEvent.groupBy({ by: ['subjectId'], where: { action: { in: ['application.accepted', 'application.rejected', 'application.waitlisted'] } }, _count: true });
    const twice = decisions.filter((d) => d._count !== 1).length;
    const undecided = await db.prisma.application.count({ where: { status: 'VOTING' } });
    const problems = [
      votes !== reactions.length && `${reactions.length - votes} votes lost`,
      decisions.length !== APPLICATIONS && `${decisions.length} decisions for ${APPLICATIONS} applications`,
      twice && `${twice} decided twice`,
      undecided && `${undecided} left undecided`,
    ].filter((p): p is string => Boolean(p));
    return { perSecond: (reactions.length / ms) * 1000, cpuMs, problems };
  } finally {
    await core.dispatcher.stop();
    await db.destroy();
  }
}

export async function run(): Promise<void> {
  console.log(`\n# Vote burst: ${APPLICATIONS * COMMITTEE} reactions at once on ${APPLICATIONS} applications (committee of ${COMMITTEE}, quorum ${COMMITTEE}), through the core's sink; median (range) of ${ROUNDS} rounds`);
  const saved = process.env.DATABASE_URL;
  const pgUrl = process.env.BENCH_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
  for (const [label, provider, url] of [['SQLite', 'sqlite', 'file:'], ['PostgreSQL', 'postgresql', pgUrl]] as const) {
    const rates: number[] = [];
    const cpu: number[] = [];
    const problems: string[] = [];
    try {
      for (let i = 0; i < ROUNDS; i++) {
        const r = await round(url);
        rates.push(r.perSecond);
        cpu.push(r.cpuMs);
        problems.push(...r.problems);
      }
    } catch (err) {
      console.log(`${label.padEnd(10)} failed: ${String(err)}`);
      continue;
    } finally {
      process.env.DATABASE_URL = saved;
    }
    const ratio = rates.map((r) => r / today[provider]);
    console.log(
      `${label.padEnd(10)} ${fmt(rates, 0)} reactions/s, ${fmt(ratio, 2)}× today's ${today[provider]}/s (target ≥ 2×); CPU ${fmt(cpu, 2)} ms per reaction in this process; ` +
        `${problems.length ? problems.join(', ') : '0 lost, 0 counted twice, each decided once'}; ${load()}`,
    );
    if (problems.length) process.exitCode = 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
