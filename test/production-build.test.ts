// The production build: what `npm start` runs is plain JavaScript started by `node`, built from the
// sources the way `npm install` and `npm start` build it (src/cli/build.mjs), and it works from any
// folder on a fresh database. Instead of cloning the repository and installing it again (minutes of
// npm), the build goes to a scratch folder inside out/ (so packages resolve from the project's
// node_modules, as they do for out/main.js) and runs from a scratch working directory.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, nodeFlags, upToDate } from '../src/cli/build.mjs';
import { startDiscordDouble } from './doubles/discord/index.js';
import { freshDatabaseUrl } from './support/database.js';
import { runBot } from './support/run-bot.js';

const root = join(import.meta.dirname, '..');
let outdir: string;
let cwd: string;
const drops: Array<() => Promise<void>> = [];

beforeAll(async () => {
  mkdirSync(join(root, 'out'), { recursive: true });
  outdir = mkdtempSync(join(root, 'out', 'test-build-'));
  cwd = mkdtempSync(join(tmpdir(), 'ambassador-prod-'));
  await build({ outdir, quiet: true });
}, 60_000);

afterAll(async () => {
  for (const drop of drops) await drop();
  rmSync(outdir, { recursive: true, force: true });
  rmSync(cwd, { recursive: true, force: true });
});

async function freshUrl(): Promise<string> {
  const fresh = await freshDatabaseUrl();
  drops.push(fresh.drop);
  return fresh.url;
}

/** `node <flags> <outdir>/main.js`, as `npm start` runs it, with only the variables a bare shell has, a script on stdin. */
function startBuilt(env: Record<string, string>) {
  const child = spawn(process.execPath, [...nodeFlags, join(outdir, 'main.js')], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', CI: 'true', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  return { child, exited, output: () => ({ stdout, stderr }) };
}

/** The process ids whose parent is `pid`. */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((e) => /^\d+$/.test(e))
    .filter((e) => {
      try {
        const stat = readFileSync(`/proc/${e}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

describe('the production build', () => {
  it('GIVEN a fresh database and a folder outside the project WHEN node runs the build with /about on stdin THEN it migrates, answers exactly as the sources do, and exits 0', async () => {
    const built = startBuilt({ DATABASE_URL: await freshUrl() });
    built.child.stdin.end('/about\n');
    const code = await built.exited;
    const { stdout, stderr } = built.output();
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('/about');

    const fromSources = await runBot({ DATABASE_URL: await freshUrl() }, '/about\n');
    expect(fromSources.code).toBe(0);
    expect(stdout).toBe(fromSources.stdout);
  }, 60_000);

  it('GIVEN the built bot is running WHEN its process is inspected THEN it is node running out/main.js with no helper process of its own (no loader CLI, no compiler service)', async () => {
    const built = startBuilt({ DATABASE_URL: await freshUrl() });
    try {
      await expect.poll(() => built.output().stdout, { timeout: 20_000 }).toContain('Ambassador console.');
      const command = readFileSync(`/proc/${built.child.pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
      expect(command).toEqual([process.execPath, ...nodeFlags, join(outdir, 'main.js')]);
      expect(childrenOf(built.child.pid!)).toEqual([]);
    } finally {
      built.child.stdin.end(':quit\n');
      await built.exited;
    }
  }, 30_000);

  it('GIVEN Discord configured WHEN the build runs THEN its bundled discord.js connects through the double and answers /about', async () => {
    const double = await startDiscordDouble();
    const built = startBuilt({ DATABASE_URL: await freshUrl(), DISCORD_TOKEN: double.token, DISCORD_APPLICATION_ID: double.applicationId, DISCORD_API_URL: double.apiUrl });
    try {
      await expect.poll(() => built.output().stderr, { timeout: 20_000 }).toContain('"msg":"ready"');
      const interaction = double.command({ user: double.user('alice').id, name: 'about' });
      await double.waitForResponse(interaction);
      await expect.poll(() => JSON.stringify(double.originalMessage(interaction)?.body ?? null), { timeout: 10_000 }).toContain('There is no ambassador program here yet');
      expect(double.unknownRoutes()).toEqual([]);
    } finally {
      built.child.kill('SIGTERM');
      await built.exited;
      await double.close();
    }
    expect(built.output().stderr).not.toMatch(/"level":(50|60)/);
  }, 30_000);

  it('GIVEN a build WHEN npm start asks whether to build again THEN not while every source it read is older, and yes once one is newer', () => {
    expect(upToDate(outdir)).toBe(true);
    const longAgo = new Date('2000-01-01T00:00:00Z');
    utimesSync(join(outdir, 'main.js'), longAgo, longAgo); // as if every source had changed since
    expect(upToDate(outdir)).toBe(false);
    expect(upToDate(join(outdir, 'nothing-built-here'))).toBe(false);
  });

  it('GIVEN package.json WHEN npm start runs THEN it builds first and starts the build with node and the measured node options, with no loader', () => {
    const { scripts } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(scripts.prestart).toBe('node src/cli/build.mjs --if-stale');
    expect(scripts.start).toBe(['node', ...nodeFlags, 'out/main.js'].join(' '));
    expect(scripts.postinstall).toMatch(/prisma-generate\.mjs && node src\/cli\/build\.mjs$/);
  });
});
