// Slack acknowledgement and CPU per request, beside the floor measured in the same run.
//
// The bot runs as production does (its own process, the HTTP receiver with request signing) against
// a Slack double in this process; the floor is a bare Bolt app that acknowledges at once
// (floor-slack.mjs), against a second double of the same kind. 200 people run a slash command at the
// same instant, signed and sent as Slack sends them: `/ambassador application status` (the bot
// acknowledges, then reads the database and answers through the response_url) and
// `/ambassador apply` (acknowledged, then the form opens from memory with views.open). Per burst: the
// HTTP response p99 (the acknowledgement Slack waits for, at most 3 s), and the process's CPU time
// from just before the burst until its last answer, per request. Median (range) over the rounds,
// with the load average.
// Run: npm run bench -- slack   (BENCH_ROUNDS=7 default)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { freePort } from '../platforms/bot-process.js';
import { startSlackDouble, type SlackDouble } from '../doubles/slack/index.js';
import { benchDatabase, botEntry, fmt, load, Measured, percentile, sleep } from './lib/measure.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const PEOPLE = 200;
const STAFF = 'U0STAFF001';
const LOUNGE = 'C0LOUNGE001';
const COMMITTEE = 'C0COMMITTEE';
const AMBASSADORS = 'C0AMBASSADR';
const person = (i: number) => `U0P${String(i).padStart(7, '0')}`;

interface Burst {
  name: string;
  text: string;
  /** The Web API call that is the bot's final answer to each request. */
  answer: 'response_url' | 'views.open';
}

const bursts: Burst[] = [
  { name: '200 × /ambassador application status', text: 'application status', answer: 'response_url' },
  { name: '200 × /ambassador apply', text: 'apply', answer: 'views.open' },
];

async function double(): Promise<SlackDouble> {
  const people = Array.from({ length: PEOPLE }, (_, i) => person(i));
  return startSlackDouble({
    users: [{ id: STAFF, name: 'grace', realName: 'Grace Hopper', isAdmin: true }, ...people.map((id, i) => ({ id, name: `person${i}`, realName: `Person ${i}` }))],
    channels: [
      { id: LOUNGE, name: 'lounge', members: [STAFF, ...people] },
      { id: COMMITTEE, name: 'committee', isPrivate: true, members: [STAFF] },
      { id: AMBASSADORS, name: 'ambassadors', isPrivate: true, members: [STAFF] },
    ],
  });
}

class Side {
  proc!: Measured;
  private constructor(readonly label: string, readonly slack: SlackDouble) {}

  static async start(label: string): Promise<Side> {
    return new Side(label, await double());
  }

  /** A staff command, waiting for its answer through the response_url. */
  async staff(text: string): Promise<void> {
    const before = this.slack.calls('response_url').length;
    const res = await this.slack.slashCommand({ user_id: STAFF, channel_id: LOUNGE, text });
    if (res.status !== 200) throw new Error(`${this.label}: /ambassador ${text} answered ${res.status}`);
    await this.slack.waitUntil(() => this.slack.calls('response_url').length > before, 20_000);
  }

  async burst(b: Burst, answers: boolean): Promise<{ p99: number; p50: number; cpuPerRequest: number }> {
    await sleep(300);
    const before = await this.proc.usage();
    const answered = this.slack.calls(b.answer).length;
    const started = performance.now();
    const times = await Promise.all(
      Array.from({ length: PEOPLE }, async (_, i) => {
        const res = await this.slack.slashCommand({ user_id: person(i), channel_id: LOUNGE, text: b.text });
        if (res.status !== 200) throw new Error(`${this.label}: answered ${res.status}`);
        return performance.now() - started;
      }),
    );
    if (answers) await this.slack.waitUntil(() => this.slack.calls(b.answer).length >= answered + PEOPLE, 60_000);
    await sleep(50);
    const after = await this.proc.usage();
    return { p99: percentile(times, 99), p50: percentile(times, 50), cpuPerRequest: (after.cpuMs - before.cpuMs) / PEOPLE };
  }

  async close(): Promise<void> {
    await this.proc?.stop();
    await this.slack.close();
  }
}

export async function run(): Promise<void> {
  const entry = await botEntry();
  console.log(`\n# Slack: slash command -> HTTP response (the ack) p99 and CPU per request, beside the floor (bare Bolt app acknowledging at once), SQLite, ${entry.label}; median (range) of ${ROUNDS} rounds`);
  const dir = mkdtempSync(join(tmpdir(), 'ambassador-bench-'));
  const db = await benchDatabase('sqlite', dir);
  const bot = await Side.start('bot');
  const floor = await Side.start('floor');
  try {
    const env = async (s: Side) => {
      const port = await freePort();
      s.slack.attachApp(`http://127.0.0.1:${port}/slack/events`);
      return { SLACK_BOT_TOKEN: s.slack.botToken, SLACK_SIGNING_SECRET: s.slack.signingSecret, SLACK_API_URL: s.slack.apiUrl, SLACK_PORT: String(port) };
    };
    bot.proc = new Measured(entry.args, { ...(await env(bot)), DATABASE_URL: db.url, LOG_LEVEL: 'info' });
    floor.proc = new Measured([join(import.meta.dirname, 'floor-slack.mjs')], await env(floor));
    await Promise.all([bot.proc.waitFor(/"msg":"ready"|\bready\b/), floor.proc.waitFor(/floor ready/)]);
    await bot.staff(`program setup program:"Campus Crew" why:"We bring clean water to schools." objective:"Raise $5,000 for wells" metric:dollars target:5000 capacity:3 committee_channel:<#${COMMITTEE}|committee> ambassador_role:<#${AMBASSADORS}|>`);
    await bot.staff('program questions add prompt:"Why do you want to join?" kind:paragraph max_length:500');
    await bot.staff('program questions add prompt:"Your city?" max_length:40');

    const results = new Map<string, { bot: Array<{ p99: number; p50: number; cpuPerRequest: number }>; floor: Array<{ p99: number; p50: number; cpuPerRequest: number }>; loads: string[] }>();
    for (const b of bursts) {
      const cold = await bot.burst(b, true);
      await floor.burst(b, false);
      console.log(`  first ${b.name} (not counted): bot p99 ${cold.p99.toFixed(1)} ms, CPU ${cold.cpuPerRequest.toFixed(2)} ms per request`);
      results.set(b.name, { bot: [], floor: [], loads: [] });
    }
    for (let round = 0; round < ROUNDS; round++) {
      for (const b of bursts) {
        const r = results.get(b.name)!;
        const order = round % 2 ? [floor, bot] : [bot, floor];
        for (const side of order) (side === bot ? r.bot : r.floor).push(await side.burst(b, side === bot));
        r.loads.push(load());
      }
    }
    for (const b of bursts) {
      const r = results.get(b.name)!;
      const ratio = r.bot.map((x, i) => x.p99 / r.floor[i]!.p99);
      console.log(`${b.name}:`);
      console.log(`  HTTP response p99: bot ${fmt(r.bot.map((x) => x.p99))} ms, floor ${fmt(r.floor.map((x) => x.p99))} ms, ratio ${fmt(ratio, 2)}× (target ≤ 2×); p50 bot ${fmt(r.bot.map((x) => x.p50))} ms, floor ${fmt(r.floor.map((x) => x.p50))} ms`);
      console.log(`  CPU per request (ack, then the answer: ${b.answer}): bot ${fmt(r.bot.map((x) => x.cpuPerRequest), 2)} ms, floor (ack only) ${fmt(r.floor.map((x) => x.cpuPerRequest), 2)} ms`);
      console.log(`  ${r.loads[0]} at the first round, ${r.loads.at(-1)} at the last`);
    }
    const profiles = process.env.BENCH_PROFILE;
    if (profiles) {
      for (const b of bursts) {
        const file = join(profiles, `slack-${b.text.replace(/\W+/g, '-')}.cpuprofile`);
        await bot.proc.profile(file, () => bot.burst(b, true));
        console.log(`profile of the bot during ${b.name}: ${file}`);
      }
    }
  } finally {
    await bot.close();
    await floor.close();
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
