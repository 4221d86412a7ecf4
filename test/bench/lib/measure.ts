// What every benchmark here shares: percentiles, median and spread over repeated runs, the machine's
// load average printed beside each figure, and child processes (the bot, the floors) whose CPU time
// and memory the bench reads over IPC (lib/probe.mjs, loaded with `node --import`).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const root = join(import.meta.dirname, '..', '..', '..');
const probe = pathToFileURL(join(import.meta.dirname, 'probe.mjs')).href;

export function percentile(values: readonly number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

/** Median and range of repeated measurements. */
export function spread(values: readonly number[]): { median: number; min: number; max: number } {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
  return { median: mid, min: s[0]!, max: s.at(-1)! };
}

/** "12.3 (10.1–15.0)": the median, then the range over the runs. */
export function fmt(values: readonly number[], digits = 1): string {
  const { median, min, max } = spread(values);
  return `${median.toFixed(digits)} (${min.toFixed(digits)}–${max.toFixed(digits)})`;
}

/** The 1, 5 and 15 minute load averages, and the CPUs they are out of. */
export function load(): string {
  return `load ${loadavg().map((n) => n.toFixed(2)).join(' ')}`;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * How to run the bot as production does: the built JavaScript (`npm run build`, out/main.js) when
 * the project has a build, else the TypeScript entry point through tsx's loader.
 */
export async function botEntry(): Promise<{ args: string[]; label: string }> {
  const builder = join(root, 'src', 'cli', 'build.mjs');
  if (existsSync(builder)) {
    const { build, nodeFlags = [] } = (await import(pathToFileURL(builder).href)) as { build(o?: { quiet?: boolean }): Promise<void>; nodeFlags?: string[] };
    await build({ quiet: true });
    return { args: [...nodeFlags, join(root, 'out', 'main.js')], label: ['node', ...nodeFlags, 'out/main.js'].join(' ') };
  }
  return { args: ['--import', 'tsx', join(root, 'src', 'main.ts')], label: 'node --import tsx src/main.ts' };
}

/** A process under measurement: its output kept, its CPU time and RSS read over IPC. */
export class Measured {
  readonly child: ChildProcess;
  private out = '';
  private seq = 0;
  private readonly waiting = new Map<number, (u: { cpuMs: number; rssMb: number }) => void>();
  readonly exited: Promise<number | null>;

  constructor(args: string[], env: Record<string, string>, nodeArgs: string[] = []) {
    this.child = spawn(process.execPath, [...nodeArgs, '--import', probe, ...args], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    const keep = (d: Buffer) => {
      this.out = (this.out + d.toString()).slice(-200_000);
    };
    this.child.stdout!.on('data', keep);
    this.child.stderr!.on('data', keep);
    this.child.on('message', (m: { type?: string; id?: number; cpuMs: number; rssMb: number }) => {
      if (m.type === 'usage' && m.id !== undefined) this.waiting.get(m.id)?.(m);
    });
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
  }

  get output(): string {
    return this.out;
  }

  async waitFor(pattern: RegExp, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!pattern.test(this.out)) {
      if (this.child.exitCode !== null) throw new Error(`exited (${this.child.exitCode}) before ${pattern}:\n${this.out.slice(-3000)}`);
      if (Date.now() > deadline) throw new Error(`no ${pattern} within ${timeoutMs} ms:\n${this.out.slice(-3000)}`);
      await sleep(20);
    }
  }

  private ask(message: Record<string, unknown>): Promise<{ cpuMs: number; rssMb: number }> {
    const id = ++this.seq;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer to ${String(message.type)}`)), 30_000);
      this.waiting.set(id, (u) => {
        clearTimeout(timer);
        this.waiting.delete(id);
        resolve(u);
      });
      this.child.send({ ...message, id });
    });
  }

  usage(): Promise<{ cpuMs: number; rssMb: number }> {
    return this.ask({ type: 'usage' });
  }

  /** Records a CPU profile of what `work` makes the process do, into `file` (.cpuprofile). */
  async profile<T>(file: string, work: () => Promise<T>): Promise<T> {
    await this.ask({ type: 'profile-start' });
    try {
      return await work();
    } finally {
      await this.ask({ type: 'profile-stop', file });
    }
  }

  /** SIGTERM (a graceful stop), SIGKILL after 10 s. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await this.exited;
    clearTimeout(timer);
  }
}

/** A database for a bot process: a fresh SQLite file, or a fresh PostgreSQL database on BENCH_PG_URL. */
export async function benchDatabase(provider: 'sqlite' | 'postgresql', dir: string): Promise<{ url: string; drop(): Promise<void> }> {
  if (provider === 'sqlite') return { url: `file:${join(dir, `bench-${Date.now().toString(36)}.db`)}`, drop: async () => undefined };
  const pg = (await import('pg')).default;
  const base = process.env.BENCH_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
  const name = `bench_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: base, connectionTimeoutMillis: 3000 });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}
