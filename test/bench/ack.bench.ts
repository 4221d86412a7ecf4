// Discord acknowledgement and CPU per interaction, beside the floor measured in the same run.
//
// The bot runs as production does (its own process: `node out/main.js`, or the sources through
// tsx's loader when the project has no build), against a Discord double in this process. The floor
// is a bare discord.js client with the same intents and partials that answers every interaction at
// once (floor-discord.mjs), against a second double of the same kind. Bursts of simultaneous
// interactions go to each in turn, alternating which goes first:
//   - 50 and 200 people running /apply at the same instant (the bot answers with its modal);
//   - 200 people running /application status at once (the bot defers, reads the database, fills in).
// Per burst: dispatch -> first callback (arrival at the double) p99, and the process's CPU time
// (all threads, read over IPC) from just before the burst until its last answer, per interaction.
// Each figure is the median over the rounds with its range, and the load average is printed with it.
//
// With BENCH_PROCESSES=2 (and BENCH_DB=postgresql) two bot processes share the double and the
// database, each getting every interaction and claiming it (one answers): the figures then cover the
// claims, and the CPU is both processes' together.
// Run: npm run bench -- ack   (BENCH_ROUNDS=7 default; BENCH_DB=postgresql to run the bot on PostgreSQL;
// BENCH_PROFILE=<dir> adds a profiled burst of each kind and writes the bot's .cpuprofile files there)
import { mkdtempSync, rmSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ApplicationCommandOptionType as Opt } from 'discord-api-types/v10';
import { startDiscordDouble, type DiscordDouble, type DiscordDoubleOptions, type OptionInput } from '../doubles/discord/index.js';
import { benchDatabase, botEntry, fmt, load, Measured, percentile, sleep } from './lib/measure.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const PROCESSES = Number(process.env.BENCH_PROCESSES ?? 1);
const PEOPLE = 200;

interface Burst {
  name: string;
  command: string;
  size: number;
  /** The bot answers after a deferral: wait for the filled-in reply too. */
  deferred: boolean;
}

const bursts: Burst[] = [
  { name: '50 × /apply', command: 'apply', size: 50, deferred: false },
  { name: '200 × /apply', command: 'apply', size: 200, deferred: false },
  { name: '200 × /application status', command: 'application status', size: 200, deferred: true },
];

function world(): DiscordDoubleOptions {
  const joinedAt = new Date('2025-01-15T10:00:00Z');
  return {
    channels: [{ name: 'general' }, { name: 'committee' }, { name: 'announcements' }],
    members: [
      { username: 'owner', roles: ['Staff'], joinedAt },
      ...['carol', 'dave', 'erin'].map((username) => ({ username, joinedAt })),
      ...Array.from({ length: PEOPLE }, (_, i) => ({ username: `person${i}`, joinedAt })),
    ],
  };
}

/** One side of the comparison: a double, the process answering it, and when each answer arrived. */
class Side {
  /** performance.now() at the double when an interaction's first callback / final answer arrived, by interaction id / token. */
  readonly callbacks = new Map<string, number>();
  readonly finals = new Map<string, number>();
  private waiters: Array<() => void> = [];
  proc!: Measured;
  /** More processes answering the same double (BENCH_PROCESSES). */
  others: Measured[] = [];

  private constructor(readonly label: string, readonly double: DiscordDouble) {
    const server = (double as unknown as { server: import('node:http').Server }).server;
    server.prependListener('request', (req: IncomingMessage) => {
      const url = req.url ?? '';
      const cb = /\/interactions\/(\d+)\/[^/]+\/callback/.exec(url);
      if (cb) this.callbacks.set(cb[1]!, performance.now());
      const fill = req.method === 'PATCH' && /\/webhooks\/\d+\/([^/]+)\/messages\/(%40|@)original/.exec(url);
      if (fill) this.finals.set(fill[1]!, performance.now());
      if (cb || fill) for (const wake of this.waiters.splice(0)) wake();
    });
  }

  static async start(label: string): Promise<Side> {
    return new Side(label, await startDiscordDouble(world()));
  }

  async until(done: () => boolean, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!done()) {
      if (Date.now() > deadline) throw new Error(`${this.label}: answers missing after ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, 50);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  /** A staff command, waiting for its answer (deferred and filled in, or direct). */
  async staff(name: string, options: Record<string, OptionInput>): Promise<void> {
    const r = this.double.command({ user: 'owner', name, options, channel: 'general' });
    await this.until(() => this.callbacks.has(r.id));
    if (r.responses[0]?.type === 5) await this.until(() => this.finals.has(r.token));
  }

  /** `size` people run `command` at the same instant; latencies and CPU per interaction. */
  async burst(b: Burst): Promise<{ p99: number; p50: number; cpuPerInteraction: number }> {
    await sleep(300); // a quiet start
    const cpu = async () => (await Promise.all([this.proc, ...this.others].map((p) => p.usage()))).reduce((sum, u) => sum + u.cpuMs, 0);
    const before = await cpu();
    const sent: Array<{ id: string; token: string; at: number }> = [];
    for (let i = 0; i < b.size; i++) {
      const at = performance.now();
      const r = this.double.command({ user: `person${i}`, name: b.command, channel: 'general' });
      sent.push({ id: r.id, token: r.token, at });
    }
    await this.until(() => sent.every((s) => this.callbacks.has(s.id)));
    const deferred = sent.filter((s) => this.double.interactions.records.get(s.id)?.responses[0]?.type === 5);
    await this.until(() => deferred.every((s) => this.finals.has(s.token)));
    await sleep(50);
    const after = await cpu();
    const first = sent.map((s) => this.callbacks.get(s.id)! - s.at);
    return { p99: percentile(first, 99), p50: percentile(first, 50), cpuPerInteraction: (after - before) / b.size };
  }

  async close(): Promise<void> {
    for (const p of this.others) await p.stop();
    await this.proc?.stop();
    await this.double.close();
  }
}

async function setUpProgram(s: Side): Promise<void> {
  const d = s.double;
  const ch = (name: string): OptionInput => ({ type: Opt.Channel, value: d.channel(name).id });
  await s.staff('program setup', {
    program: 'Campus Crew', why: 'We love clean rivers and want everyone to swim', objective: 'Raise $50,000 for clean-ups',
    metric: 'dollars', target: 50000, capacity: 10, committee_channel: ch('committee'), announce_channel: ch('announcements'),
    ambassador_role: { type: Opt.Role, value: d.role('Ambassador').id },
  });
  const questions: Array<Record<string, OptionInput>> = [
    { prompt: 'Why do you want to become an ambassador for our organisation, in a few sentences?', kind: 'paragraph', max_length: 500 },
    { prompt: 'Your city', kind: 'short', max_length: 60 },
    { prompt: 'Which communities are you part of?', kind: 'paragraph', max_length: 800 },
    { prompt: 'How many people do you reach online?', kind: 'short', max_length: 40 },
    { prompt: 'An event you could host', kind: 'paragraph', max_length: 600, min_length: 5 },
    { prompt: 'Anything else we should know?', kind: 'paragraph', max_length: 400, required: false },
    { prompt: 'Your pronouns', kind: 'short', max_length: 30, required: false },
  ];
  for (const q of questions) await s.staff('program questions add', q);
  for (const who of ['carol', 'dave', 'erin']) await s.staff('committee add', { user: { type: Opt.User, value: d.user(who).id } });
}

export async function run(): Promise<void> {
  const provider = process.env.BENCH_DB === 'postgresql' ? 'postgresql' : 'sqlite';
  const entry = await botEntry();
  if (PROCESSES > 1 && provider !== 'postgresql') throw new Error('BENCH_PROCESSES > 1 needs BENCH_DB=postgresql: SQLite is one process per file');
  console.log(`\n# Discord: dispatch -> first callback p99 and CPU per interaction, beside the floor (bare discord.js client answering at once), ${provider}, ${PROCESSES} bot process(es), ${entry.label}; median (range) of ${ROUNDS} rounds`);
  const dir = mkdtempSync(join(tmpdir(), 'ambassador-bench-'));
  const db = await benchDatabase(provider, dir);
  const bot = await Side.start('bot');
  const floor = await Side.start('floor');
  try {
    const discordEnv = (d: DiscordDouble) => ({ DISCORD_TOKEN: d.token, DISCORD_APPLICATION_ID: d.applicationId, DISCORD_API_URL: d.apiUrl });
    bot.proc = new Measured(entry.args, { ...discordEnv(bot.double), DATABASE_URL: db.url, LOG_LEVEL: 'info' });
    floor.proc = new Measured([join(import.meta.dirname, 'floor-discord.mjs')], discordEnv(floor.double));
    await Promise.all([bot.proc.waitFor(/"msg":"ready"|\bready\b/), floor.proc.waitFor(/floor ready/)]);
    // Started after the first has migrated the database.
    bot.others = Array.from({ length: PROCESSES - 1 }, () => new Measured(entry.args, { ...discordEnv(bot.double), DATABASE_URL: db.url, LOG_LEVEL: 'info' }));
    await Promise.all(bot.others.map((p) => p.waitFor(/"msg":"ready"|\bready\b/)));
    await setUpProgram(bot);
    await sleep(500); // the forms reload after the last question

    const results = new Map<string, { bot: Array<{ p99: number; p50: number; cpuPerInteraction: number }>; floor: Array<{ p99: number; p50: number; cpuPerInteraction: number }>; loads: string[] }>();
    for (const b of bursts) {
      // A first burst of each kind, not counted: code paths compile, caches fill.
      const cold = await bot.burst(b);
      await floor.burst(b);
      console.log(`  first ${b.name} (not counted): bot p99 ${cold.p99.toFixed(1)} ms, CPU ${cold.cpuPerInteraction.toFixed(2)} ms per interaction`);
      results.set(b.name, { bot: [], floor: [], loads: [] });
    }
    for (let round = 0; round < ROUNDS; round++) {
      for (const b of bursts) {
        const r = results.get(b.name)!;
        const order = round % 2 ? [floor, bot] : [bot, floor];
        for (const side of order) (side === bot ? r.bot : r.floor).push(await side.burst(b));
        r.loads.push(load());
      }
    }
    for (const b of bursts) {
      const r = results.get(b.name)!;
      const ratio = r.bot.map((x, i) => x.p99 / r.floor[i]!.p99);
      console.log(`${b.name}:`);
      console.log(`  first callback p99: bot ${fmt(r.bot.map((x) => x.p99))} ms, floor ${fmt(r.floor.map((x) => x.p99))} ms, ratio ${fmt(ratio, 2)}× (target ≤ 2×); p50 bot ${fmt(r.bot.map((x) => x.p50))} ms, floor ${fmt(r.floor.map((x) => x.p50))} ms`);
      console.log(`  CPU per interaction${b.deferred ? ' (deferral, database, filled-in reply)' : ''}: bot ${fmt(r.bot.map((x) => x.cpuPerInteraction), 2)} ms, floor ${fmt(r.floor.map((x) => x.cpuPerInteraction), 2)} ms (target ≤ 0.7 ms)`);
      console.log(`  ${r.loads[0]} at the first round, ${r.loads.at(-1)} at the last`);
    }
    const profiles = process.env.BENCH_PROFILE;
    if (profiles) {
      // One more burst of each kind with the bot's CPU profiler on (open the files in Chrome DevTools).
      for (const b of bursts) {
        const file = join(profiles, `discord-${b.command.replace(/\W+/g, '-')}-${b.size}.cpuprofile`);
        await bot.proc.profile(file, () => bot.burst(b));
        console.log(`profile of the bot during ${b.name}: ${file}`);
      }
    }
    const idle = await bot.proc.usage();
    console.log(`bot RSS after the bursts: ${idle.rssMb.toFixed(0)} MB`);
  } finally {
    await bot.close();
    await floor.close();
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
