// The entry point as a newcomer meets it (issue #12): README's one-minute flow, run as written,
// ends with alice accepted and a weekly post with its PNG card; and a script that starts with
// `:clock <date time>` prints the same transcript, byte for byte, on every run over a fresh database.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadImage } from '@napi-rs/canvas';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.js';
import { freshDatabaseUrl, testProvider } from '../support/database.js';
import { runBot, type BotRun } from '../support/run-bot.js';

const root = join(import.meta.dirname, '..', '..');

/** The first code block of README's "Try it in one minute" section, line by line. */
function readmeSession(): string[] {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Try it in one minute'));
  const block = /```text\n([\s\S]*?)\n```/.exec(section);
  if (!block) throw new Error('README has no ```text block under "Try it in one minute"');
  return block[1]!.split('\n');
}

const drops: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const drop of drops.splice(0)) await drop();
});

async function run(lines: string[]): Promise<BotRun & { url: string }> {
  const fresh = await freshDatabaseUrl();
  drops.push(fresh.drop);
  const result = await runBot({ DATABASE_URL: fresh.url }, `${lines.join('\n')}\n`);
  return { ...result, url: fresh.url };
}

async function statuses(url: string): Promise<Record<string, string>> {
  const db = await openDatabase(url);
  try {
    const apps = await db.prisma.application.findMany({ include: { applicant: true } });
    return Object.fromEntries(apps.map((a) => [a.applicant.platformUserId, a.status]));
  } finally {
    await db.close();
  }
}

describe(`README's one-minute flow, run by the real entry point on ${testProvider}`, { timeout: 120_000 }, () => {
  it('GIVEN the README block as written WHEN run THEN alice is accepted, and :clock +8d posts one weekly leaderboard with a PNG card that decodes', async () => {
    const lines = readmeSession();
    expect(lines[0]).toMatch(/^:clock \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(lines.at(-1)).toMatch(/^:clock \+8d/);
    const bot = await run(lines);
    expect(bot.stderr).toBe('');
    expect(bot.code).toBe(0);
    const out = bot.stdout;

    // Alice accepted by the two votes, before the clock moves.
    const accepted = out.indexOf('(@alice now has Ambassadors)');
    expect(accepted).toBeGreaterThan(out.indexOf('@dave #committee> :react ^ ✅'));
    expect(out).toContain('[DM to @alice]\n   == Welcome to Campus Crew! ==');
    expect(out).toMatch(/-- Accepted — ✅ 2 · ❌ 0 · 🤔 0/);
    expect(await statuses(bot.url)).toEqual({ alice: 'ACCEPTED' });

    // A week later: exactly one weekly post, stamped with its time, its card saved as a PNG.
    const week = out.slice(out.indexOf('> :clock +8d'));
    expect(week.match(/== Campus Crew — weekly leaderboard ==/g)).toHaveLength(1);
    expect(out.match(/weekly leaderboard ==/g)).toHaveLength(1);
    expect(week).toContain('⏰ Mon 7 Dec 2026, 09:00 UTC\n#');
    expect(week).toContain('Welcome to our new ambassador: alice!');
    expect(week).toMatch(/It is now Wed 9 Dec 2026, 09:00 UTC\.\n$/);
    const file = /\[image file: (.+\.png)\]/.exec(week)?.[1];
    expect(file && existsSync(file)).toBe(true);
    const png = readFileSync(file!);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const image = await loadImage(png);
    expect(image.width).toBeGreaterThan(100);
    expect(image.height).toBeGreaterThan(100);
  });
});

describe(`replaying a script on ${testProvider}`, { timeout: 120_000 }, () => {
  const script = [
    ...readmeSession(),
    ':as bob',
    ':in #general',
    '/apply',
    'Rivers are my thing, and I talk about them to anyone who listens.',
    ':as admin',
    '/application pending',
    '/audit',
    ':clock +4d',
    ':show #1',
  ];

  it('GIVEN a script that starts with :clock WHEN run twice over fresh databases THEN the transcripts are identical, byte for byte', async () => {
    const [first, second] = [await run(script), await run(script)];
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Your reference is A\w{5}\./);
    expect(first.stdout.match(/Your reference is (A\w{5})/g)).toHaveLength(2);
    expect(second.stdout).toBe(first.stdout);
  });

  it('GIVEN another start time THEN the references differ (the generator is seeded from the clock)', async () => {
    const other = await run([':clock 2027-03-01 09:00', ...readmeSession().slice(1, 9)]);
    const first = await run(readmeSession().slice(0, 9));
    const ref = (r: BotRun) => /Your reference is (A\w{5})/.exec(r.stdout)?.[1];
    expect(ref(other)).toBeDefined();
    expect(ref(other)).not.toBe(ref(first));
  });
});
