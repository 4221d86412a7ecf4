import { Writable } from 'node:stream';
import { pino } from 'pino';
import { PlatformError } from '../../src/core/ports/chat-platform.js';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestCore, seedProgram, type TestCore } from '../support/core.js';
import { testProvider } from '../support/database.js';
import { ANSWERS, LINK, NOTE, applyAs, as, person, textOf } from './harness.js';

let t: TestCore;
afterAll(() => t?.close());

describe(`logs on ${testProvider}`, () => {
  it('GIVEN the most verbose logging WHEN a person applies, is voted on, checks, exports and erases THEN no answer, link or note reaches the log', async () => {
    const lines: string[] = [];
    const sink = new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done(); } });
    t = await createTestCore(undefined, { log: pino({ level: 'trace' }, sink) });
    await seedProgram(t);
    // Closed DMs: the dispatcher logs each undelivered message (and keeps it as a notice).
    t.platform.dm = async () => { throw new PlatformError('dm_closed', 'DMs are closed'); };
    const zeph = person('zeph', 'Zeph Logged');
    const ref = await applyAs(t, zeph, ANSWERS);
    const app = await t.db.prisma.application.findUniqueOrThrow({ where: { ref } });
    for (const m of ['carol', 'dave']) await t.react(m, app.committeeMessageId!, '✅');
    await as(t, zeph, `/log kind:share amount:2 link:${LINK} note:"${NOTE}"`);
    expect(textOf(await as(t, zeph, '/application status'))).toContain(ANSWERS[0]);
    await as(t, zeph, '/mydata');
    const code = /confirm:(\w+)/.exec(textOf(await as(t, zeph, '/mydata erase')))![1]!;
    await as(t, zeph, `/mydata erase confirm:${code}`);
    await as(t, person('mallory'), '/mydata erase confirm:NOPE'); // a bad input logs nothing personal either
    const log = lines.join('');
    expect(log).toContain('DM not delivered');
    for (const secret of [...ANSWERS, LINK, NOTE]) expect(log).not.toContain(secret);
  });
});
