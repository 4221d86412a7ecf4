// Cold start to ready on SQLite (a fresh database: migrations included) and idle RSS, measured on
// the real entry point `npm start` runs. Run: npx tsx test/bench/startup.bench.ts
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = join(import.meta.dirname, '..', '..');

function rssMb(pid: number): number {
  const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN);
  return kb / 1024;
}

async function once(dbUrl: string): Promise<{ readyMs: number; idleRssMb: number }> {
  const started = performance.now();
  // tsx's CLI runs the program in a child of its own: measure that child, the bot itself.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root, env: { ...process.env, DATABASE_URL: dbUrl, CI: 'true' }, stdio: ['pipe', 'pipe', 'inherit'],
  });
  const readyMs = await new Promise<number>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => d.toString().includes('Ambassador console.') && resolve(performance.now() - started));
    child.on('exit', (code) => reject(new Error(`exited ${code} before ready`)));
  });
  await new Promise((r) => setTimeout(r, 3000)); // let start-up garbage be collected
  const idleRssMb = rssMb(child.pid!);
  child.stdin.end(':quit\n');
  await new Promise((r) => child.on('exit', r));
  return { readyMs, idleRssMb };
}

export async function run(): Promise<void> {
  console.log('\n# Cold start to ready (console adapter, SQLite) and idle RSS');
  const dir = mkdtempSync(join(tmpdir(), 'ambassador-bench-'));
  try {
    const first = await once(`file:${join(dir, 'a.db')}`);
    const again = await once(`file:${join(dir, 'a.db')}`);
    console.log(`fresh database (migrations applied): ready in ${first.readyMs.toFixed(0)} ms, idle RSS ${first.idleRssMb.toFixed(0)} MB`);
    console.log(`existing database:                   ready in ${again.readyMs.toFixed(0)} ms, idle RSS ${again.idleRssMb.toFixed(0)} MB`);
    console.log('targets: ready < 3000 ms, idle RSS < 150 MB (ready includes TypeScript loading by tsx, as `npm start` runs it)');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
