// Start-up and idle memory of the production build (`node <nodeFlags> out/main.js`, what `npm start`
// runs; src/cli/build.mjs says why those options, and one Discord bot per round runs without them),
// each figure beside its floor measured in the same run, with the machine's load average:
//  - idle RSS of the bot process after 30 s idle, on an existing SQLite database: console mode (floor:
//    a bare `node` process), Discord configured (floor: a bare discord.js client with the same intents
//    against the same Discord double), Discord + Slack (floor: that client plus a bare Bolt app);
//  - the whole process tree `npm start` leaves running (npm, its shell, the bot), Discord configured;
//  - cold start to ready on an existing SQLite database (console banner / the "ready" log line), beside
//    a bare node process and a bare discord.js client reaching theirs.
// Every round starts all the processes at once and samples them after the idle time; rounds repeat
// (BENCH_ROUNDS, default 3; BENCH_IDLE_SECONDS, default 30) and each figure is the median with its
// spread. Run: npx tsx test/bench/startup.bench.ts (or npm run bench -- startup)
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, nodeFlags } from '../../src/cli/build.mjs';
import { startDiscordDouble } from '../doubles/discord/index.js';
import { startSlackDouble } from '../doubles/slack/index.js';

const root = join(import.meta.dirname, '..', '..');
const mainJs = join(root, 'out', 'main.js');
const floorJs = join(root, 'test', 'bench', 'startup-floor.mjs');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const IDLE_MS = Number(process.env.BENCH_IDLE_SECONDS ?? 30) * 1000;
const COLD_REPEATS = Number(process.env.BENCH_COLD_REPEATS ?? 7);

// ---- processes

interface Memory {
  rss: number;
  anon: number;
  file: number;
}

function memoryOf(pid: number): Memory {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const mb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN) / 1024;
  return { rss: mb('VmRSS'), anon: mb('RssAnon'), file: mb('RssFile') };
}

/** The process and its descendants, each with its command line. */
function tree(pid: number): Array<{ pid: number; command: string }> {
  const parents = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The command name is in parentheses and may hold spaces: the parent id follows the last ')'.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  const out: Array<{ pid: number; command: string }> = [];
  const visit = (p: number) => {
    let command = '?';
    try {
      command = readFileSync(`/proc/${p}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
    } catch {
      return;
    }
    out.push({ pid: p, command });
    for (const child of parents.get(p) ?? []) visit(child);
  };
  visit(pid);
  return out;
}

interface Running {
  child: ChildProcess;
  readyMs: number;
  stop(): Promise<void>;
}

interface LaunchOptions {
  args: string[];
  command?: string;
  env: Record<string, string>;
  cwd: string;
  /** Seen on stdout or stderr once the process is ready. */
  ready: string;
  cleanup?: () => Promise<void>;
}

function launch(o: LaunchOptions): Promise<Running> {
  const started = performance.now();
  const child = spawn(o.command ?? process.execPath, o.args, { cwd: o.cwd, env: o.env, stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  const stop = async () => {
    // Every process of the tree this launch started (npm's shell and the bot too), then its cleanup.
    const pids = child.exitCode === null ? tree(child.pid!).map((p) => p.pid).reverse() : [];
    const exited = new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(null)));
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
    await o.cleanup?.();
  };
  return new Promise((resolve, reject) => {
    const seen = (d: Buffer) => {
      output += d.toString();
      if (output.includes(o.ready)) {
        child.stdout!.off('data', seen);
        child.stderr!.off('data', seen);
        resolve({ child, readyMs: performance.now() - started, stop });
      }
    };
    child.stdout!.on('data', seen);
    child.stderr!.on('data', seen);
    // Drain both streams after ready too, so a chatty process never blocks on a full pipe.
    child.stdout!.on('data', () => undefined);
    child.stderr!.on('data', () => undefined);
    child.once('exit', (code) => reject(new Error(`${o.args.join(' ')} exited (${code}) before it was ready:\n${output.slice(-2000)}`)));
    setTimeout(() => reject(new Error(`${o.args.join(' ')} not ready within 60 s:\n${output.slice(-2000)}`)), 60_000).unref();
  });
}

// ---- what runs

type Kind = 'console' | 'discord' | 'discord+slack';

interface Workspace {
  dir: string;
  template: string;
}

let copies = 0;
function databaseCopy(ws: Workspace): string {
  const file = join(ws.dir, `copy-${++copies}.db`);
  copyFileSync(ws.template, file);
  return `file:${file}`;
}

function baseEnv(ws: Workspace): Record<string, string> {
  // No inherited configuration, and no .env from the project (dotenv reads DOTENV_CONFIG_PATH).
  return { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', CI: 'true', LOG_LEVEL: 'info', DOTENV_CONFIG_PATH: join(ws.dir, 'no.env') };
}

/** The env for `kind`, with the doubles it talks to started, and their cleanup. */
async function platformEnv(kind: Kind | 'floor-discord' | 'floor-slack'): Promise<{ env: Record<string, string>; close: () => Promise<void> }> {
  if (kind === 'console') return { env: {}, close: async () => undefined };
  const discord = await startDiscordDouble();
  const env: Record<string, string> = {
    DISCORD_TOKEN: discord.token,
    DISCORD_APPLICATION_ID: discord.applicationId,
    DISCORD_API_URL: discord.apiUrl,
  };
  const slack = kind === 'discord+slack' || kind === 'floor-slack' ? await startSlackDouble() : undefined;
  if (slack) Object.assign(env, { SLACK_BOT_TOKEN: slack.botToken, SLACK_SIGNING_SECRET: slack.signingSecret, SLACK_API_URL: slack.apiUrl, SLACK_PORT: '0' });
  return {
    env,
    close: async () => {
      await discord.close();
      await slack?.close();
    },
  };
}

/** `via`: 'node' runs `node <nodeFlags> out/main.js` as `npm start` does; 'node-plain' leaves the flags out. */
async function startBot(ws: Workspace, kind: Kind, via: 'node' | 'node-plain' | 'npm' = 'node'): Promise<Running> {
  const { env, close } = await platformEnv(kind);
  const fullEnv = { ...baseEnv(ws), ...env, DATABASE_URL: databaseCopy(ws) };
  return launch({
    // `npm start` runs in the project (its prestart builds out/ again, identically); the bot alone
    // runs in a scratch folder, so the console's data/ and any .env stay out of the project.
    command: via === 'npm' ? 'npm' : undefined,
    args: via === 'npm' ? ['start', '--silent'] : via === 'node' ? [...nodeFlags, mainJs] : [mainJs],
    cwd: via === 'npm' ? root : ws.dir,
    env: fullEnv,
    ready: kind === 'console' ? 'Ambassador console.' : '"msg":"ready"',
    cleanup: close,
  });
}

async function startFloor(ws: Workspace, kind: 'node' | 'discord' | 'slack'): Promise<Running> {
  const { env, close } = kind === 'node' ? { env: {}, close: async () => undefined } : await platformEnv(kind === 'discord' ? 'floor-discord' : 'floor-slack');
  return launch({ args: [floorJs, kind], cwd: ws.dir, env: { ...baseEnv(ws), ...env }, ready: 'ready', cleanup: close });
}

// ---- statistics and printing

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const spread = (xs: number[], digits = 0) => `${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)}`;
const figure = (xs: number[], unit: string, digits = 0) => `${median(xs).toFixed(digits)} ${unit} (${spread(xs, digits)})`;
const load = () => loadavg()[0]!;

function row(what: string, value: string, floor: string, target: string, loads: number[]): void {
  console.log(`${what.padEnd(38)} ${value.padEnd(22)} ${floor.padEnd(44)} ${target.padEnd(9)} ${spread(loads, 1)}`);
}

function header(): void {
  console.log(`${''.padEnd(38)} ${'bot'.padEnd(22)} ${'floor, same run'.padEnd(44)} ${'target'.padEnd(9)} load avg (1 min)`);
}

// ---- the measurements

async function idleRounds(ws: Workspace): Promise<void> {
  const samples: Record<string, number[]> = {};
  const details: Record<string, string[]> = {};
  const loads: number[] = [];
  const add = (key: string, mb: number) => (samples[key] ??= []).push(mb);
  for (let round = 1; round <= ROUNDS; round++) {
    // `npm start` first: its prestart rebuilds out/, which the others then load.
    const npmStart = await startBot(ws, 'discord', 'npm');
    const running = {
      console: await startBot(ws, 'console'),
      discord: await startBot(ws, 'discord'),
      'discord, no node flags': await startBot(ws, 'discord', 'node-plain'),
      'discord+slack': await startBot(ws, 'discord+slack'),
      'floor node': await startFloor(ws, 'node'),
      'floor discord': await startFloor(ws, 'discord'),
      'floor discord+slack': await startFloor(ws, 'slack'),
    };
    try {
      await new Promise((r) => setTimeout(r, IDLE_MS));
      loads.push(load());
      for (const [key, r] of Object.entries(running)) {
        const m = memoryOf(r.child.pid!);
        add(key, m.rss);
        (details[key] ??= []).push(`anon ${m.anon.toFixed(0)} + file ${m.file.toFixed(0)}`);
      }
      const procs = tree(npmStart.child.pid!).map((p) => ({ ...p, rss: memoryOf(p.pid).rss }));
      add('npm tree', procs.reduce((a, p) => a + p.rss, 0));
      add('npm tree bot', procs.find((p) => p.command.startsWith('node ') || p.command.startsWith(process.execPath))?.rss ?? NaN);
      (details['npm tree'] ??= []).push(procs.map((p) => `${p.command.split(' ').slice(0, 2).join(' ').replace(root, '.')} ${p.rss.toFixed(0)}`).join(' + '));
    } finally {
      await Promise.all([npmStart, ...Object.values(running)].map((r) => r.stop()));
    }
  }
  console.log(`\n## Idle RSS after ${IDLE_MS / 1000} s idle, ${ROUNDS} round(s), all processes of a round side by side: median (min–max)`);
  header();
  row('console mode', figure(samples.console!, 'MB'), `bare node: ${figure(samples['floor node']!, 'MB')}`, '< 120 MB', loads);
  row('Discord configured (SQLite)', figure(samples.discord!, 'MB'), `bare discord.js: ${figure(samples['floor discord']!, 'MB')}`, '< 150 MB', loads);
  row(`  the same without ${nodeFlags.join(' ')}`, figure(samples['discord, no node flags']!, 'MB'), '', '', loads);
  row('Discord + Slack', figure(samples['discord+slack']!, 'MB'), `bare discord.js + Bolt: ${figure(samples['floor discord+slack']!, 'MB')}`, '< 180 MB', loads);
  row('`npm start` process tree (Discord)', figure(samples['npm tree']!, 'MB'), `its bot process: ${figure(samples['npm tree bot']!, 'MB')}`, '< 200 MB', loads);
  console.log(`resident memory of the last round, anonymous + file-backed (the node binary, ICU data, native modules):`);
  for (const key of ['console', 'discord', 'discord, no node flags', 'discord+slack', 'floor node', 'floor discord', 'floor discord+slack']) console.log(`  ${key.padEnd(24)} ${details[key]!.at(-1)} MB`);
  console.log(`  ${'npm start tree'.padEnd(24)} ${details['npm tree']!.at(-1)} MB`);
}

async function coldStarts(ws: Workspace): Promise<void> {
  const ms: Record<string, number[]> = {};
  const loads: number[] = [];
  const once = async (key: string, start: () => Promise<Running>) => {
    const r = await start();
    (ms[key] ??= []).push(r.readyMs);
    await r.stop();
  };
  for (let i = 0; i < COLD_REPEATS; i++) {
    loads.push(load());
    await once('console', () => startBot(ws, 'console'));
    await once('floor node', () => startFloor(ws, 'node'));
    await once('discord', () => startBot(ws, 'discord'));
    await once('floor discord', () => startFloor(ws, 'discord'));
  }
  console.log(`\n## Cold start to ready on an existing SQLite database, ${COLD_REPEATS} starts each, one at a time: median (min–max)`);
  header();
  row('console mode (banner printed)', figure(ms.console!, 'ms'), `bare node: ${figure(ms['floor node']!, 'ms')}`, '< 1000 ms', loads);
  row('Discord configured ("ready" logged)', figure(ms.discord!, 'ms'), `bare discord.js: ${figure(ms['floor discord']!, 'ms')}`, '< 1000 ms', loads);
}

export async function run(): Promise<void> {
  console.log(`\n# Start-up and idle memory of the production build (node ${nodeFlags.join(' ')} out/main.js, as \`npm start\` runs it; the floors run with no node options)`);
  await build({ quiet: true });
  const dir = mkdtempSync(join(tmpdir(), 'ambassador-bench-'));
  try {
    // An existing database: migrations applied once by the bot itself, then a copy for each process.
    const ws: Workspace = { dir, template: join(dir, 'template.db') };
    const first = await launch({ args: [mainJs], cwd: dir, env: { ...baseEnv(ws), DATABASE_URL: `file:${ws.template}` }, ready: 'Ambassador console.' });
    first.child.stdin!.end(':quit\n');
    await new Promise((r) => first.child.once('exit', r));
    console.log(`fresh database (migrations applied): ready in ${first.readyMs.toFixed(0)} ms`);
    await coldStarts(ws);
    await idleRounds(ws);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
