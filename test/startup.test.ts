import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBot } from './support/run-bot.js';

const firstLine = (s: string) => s.trim().split('\n')[0];

describe('start-up stops with one clear line on a bad database', () => {
  it('GIVEN a file that is not a database WHEN started THEN it says so, names the file, and exits non-zero', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ambassador-corrupt-'));
    const file = join(dir, 'ambassador.db');
    writeFileSync(file, 'this is not a SQLite database, just some text '.repeat(100));
    const run = await runBot({ DATABASE_URL: `file:${file}` }, '/about\n');
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(firstLine(run.stderr)).toMatch(new RegExp(`^ambassador: .*sqlite database file:${file}.*not a database`, 'i'));
    expect(run.stdout).toBe('');
  });

  it('GIVEN a path that cannot be created WHEN started THEN it names the path', async () => {
    // A folder inside a regular file can never be created, even by root.
    const run = await runBot({ DATABASE_URL: 'file:/etc/hostname/data/nope.db' }, '');
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(firstLine(run.stderr)).toBe("ambassador: Cannot open the sqlite database file:/etc/hostname/data/nope.db: ENOTDIR: not a directory, mkdir '/etc/hostname/data'");
  });

  it('GIVEN a PostgreSQL server that refuses connections WHEN started THEN it says where, without the password', async () => {
    const run = await runBot({ DATABASE_URL: 'postgresql://amb:hunter2@127.0.0.1:1/amb' }, '');
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(firstLine(run.stderr)).toMatch(/^ambassador: Cannot open the postgresql database postgresql:\/\/amb:\*\*\*@127\.0\.0\.1:1\/amb: .*(reach|connect|refused)/i);
    expect(run.stderr).not.toContain('hunter2');
  });

  it('GIVEN a bad variable WHEN started THEN the configuration problem is named', async () => {
    const run = await runBot({ DISCORD_TOKEN: 'x' }, '');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('DISCORD_APPLICATION_ID is required when DISCORD_TOKEN is set');
  });
});
