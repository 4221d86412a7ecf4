// The real entry point (what `npm start` runs: src/main.ts through tsx) as one process a test can kill with
// SIGKILL: crash tests need a process that dies without cleaning up, mid-request. The env points
// the real clients at the doubles (DISCORD_API_URL, SLACK_API_URL); logs are pino JSON lines.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

export class BotProcess {
  readonly logs: LogLine[] = [];
  private readonly child: ChildProcess;
  private other = '';
  private waiters: Array<() => void> = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  constructor(env: Record<string, string>) {
    // node with tsx as a loader, not the tsx CLI: the CLI runs the bot in a child of its own, which a
    // SIGKILL of the CLI would leave running.
    this.child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', CI: 'true', LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // The logger writes JSON lines to stderr (stdout is the console adapter's); anything else is kept as text.
    let partial = '';
    this.child.stderr!.on('data', (d: Buffer) => {
      const lines = (partial + d.toString()).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines.filter(Boolean)) {
        try {
          this.logs.push(JSON.parse(line) as LogLine);
        } catch {
          this.other += `${line}\n`;
        }
      }
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.child.stdout!.on('data', (d: Buffer) => (this.other += d.toString()));
    this.exited = new Promise((resolve) => this.child.on('exit', (code, signal) => resolve({ code, signal })));
    void this.exited.then(() => {
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Resolves with the first log line matching; rejects after timeoutMs or when the process exits first. */
  async waitForLog(match: (l: LogLine) => boolean, timeoutMs = 20_000): Promise<LogLine> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.logs.find(match);
      if (found) return found;
      if (this.child.exitCode !== null || this.child.signalCode !== null) throw new Error(`the bot exited before the expected log line\n${this.describe()}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching log line within ${timeoutMs} ms\n${this.describe()}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  ready(timeoutMs?: number): Promise<LogLine> {
    return this.waitForLog((l) => l.msg === 'ready', timeoutMs);
  }

  /** SIGKILL: no shutdown hook runs, nothing in flight is finished or marked. */
  async kill(): Promise<void> {
    this.child.kill('SIGKILL');
    await this.exited;
  }

  /** SIGTERM: the graceful stop main.ts installs. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 15_000);
    await this.exited;
    clearTimeout(timer);
  }

  /** The last log lines and any other output, for a failure message. */
  describe(lines = 30): string {
    const tail = this.logs.slice(-lines).map((l) => JSON.stringify(l)).join('\n');
    return `--- bot logs (last ${lines}) ---\n${tail}\n--- other output ---\n${this.other.slice(-4000)}`;
  }
}

/** A TCP port free right now on 127.0.0.1 (for the Slack receiver of a child process). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
