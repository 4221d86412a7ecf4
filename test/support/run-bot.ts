// Runs the real entry point (`npm start`'s command) as a child process with a script on stdin.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { freshDatabaseUrl } from './database.js';

const root = join(import.meta.dirname, '..', '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');

export interface BotRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runBot(env: Record<string, string>, stdin: string, timeoutMs = 30_000): Promise<BotRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, ['src/main.ts'], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', CI: 'true', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`bot did not stop within ${timeoutMs} ms\nstdout:\n${stdout}\nstderr:\n${stderr}`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(stdin);
  });
}

/** For a test file: `session(lines)` runs a console script on a fresh database, dropped after each test. */
export function consoleSessions(): (lines: string[]) => Promise<BotRun> {
  const drops: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const drop of drops.splice(0)) await drop();
  });
  return async (lines) => {
    const fresh = await freshDatabaseUrl();
    drops.push(fresh.drop);
    return runBot({ DATABASE_URL: fresh.url }, `${lines.join('\n')}\n`);
  };
}
