import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allCommands } from '../../commands/index.js';
import { createCore, type Core } from '../../src/core/index.js';
import { runDueCampaignPosts } from '../../src/core/campaigns/tick.js';
import { createStore } from '../../src/db/store.js';
import { createLogger } from '../../src/logger.js';
import { ConsoleAdapter } from '../../src/platforms/console/adapter.js';
import { createTestDatabase, testProvider, type TestDatabase } from '../support/database.js';
import { Clock } from '../core/campaigns/harness.js';

// The console adapter as `npm start < script.txt` runs it, with the scheduler's tick driven by hand.
let db: TestDatabase;
let core: Core;
const clock = new Clock('2026-11-30T07:00:00Z'); // Mon 30 Nov 2026, 08:00 in Paris
let out = '';

const script = [
  '/program setup program:"Campus Crew" why:"We love this organisation and its work." objective:"Get 1000 sign-ups" metric:sign-ups target:1000 capacity:3 committee_channel:#committee announce_channel:#announcements timezone:Europe/Paris',
  '/campaign create title:"Winter drive" message:"Help us reach **1,000 sign-ups**!\\nShare the link with two friends." cta:https://example.org/join channels:"#announcements #ambassadors"',
  '/campaign preview campaign:1',
  '/campaign schedule campaign:1 every:"weekdays 09:00"',
  '/campaign schedule campaign:1 every:"every blursday"',
  '/campaign list',
];

async function tick(iso: string): Promise<string> {
  clock.set(iso);
  const start = out.length;
  await runDueCampaignPosts(core.deps, { claimedBy: 'console' });
  await core.dispatcher.drain();
  return out.slice(start);
}

beforeAll(async () => {
  db = await createTestDatabase();
  core = createCore({ store: createStore(db), commands: allCommands, log: createLogger('silent'), defaultTimeZone: 'UTC', now: clock.now });
  const adapter = new ConsoleAdapter({ input: Readable.from(script.map((l) => `${l}\n`)), write: (t) => (out += t), commands: allCommands, settle: () => core.dispatcher.drain() });
  core.attach(adapter);
  await adapter.start(core.sink);
  await adapter.finished();
});
afterAll(async () => db?.destroy());

describe(`campaigns in the console on ${testProvider}`, () => {
  it('GIVEN a scripted session WHEN staff create, preview, schedule and list THEN each answer is shown privately', () => {
    expect(out).toContain('(only you) == Winter drive ==\n(only you) Help us reach **1,000 sign-ups**!\n(only you) Share the link with two friends.\n(only you) \n(only you) **Objective:** 1,000 sign-ups\n(only you) \n(only you) **Progress:** 0 / 1,000 sign-ups — 0%\n(only you) ▱▱▱▱▱▱▱▱▱▱\n(only you) \n(only you) 👉 [Take part](https://example.org/join)\n(only you) -- For Campus Crew ambassadors');
    expect(out).toContain('(only you) Campaign 1 “Winter drive”: schedule 1: Every weekday (Monday to Friday) at 09:00 (Europe/Paris).\n(only you) Next posts:\n(only you) • Mon 30 Nov 2026, 09:00 Europe/Paris\n(only you) • Tue 1 Dec 2026, 09:00 Europe/Paris');
    expect(out).toContain('(only you) every: I didn\'t understand "blursday"');
    expect(out).toContain('(only you) • Mon 30 Nov 2026, 09:00 — campaign 1 “Winter drive”, schedule 1: Every weekday (Monday to Friday) at 09:00 (Europe/Paris) → #announcements #ambassadors');
  });

  it('GIVEN the schedule WHEN the tick reaches 09:00 in Paris THEN the post appears in both channels, once', async () => {
    expect(await tick('2026-11-30T07:59:00Z')).toBe('');
    const posted = await tick('2026-11-30T08:00:00Z');
    expect(posted).toMatch(/^#\d+ in #announcements:\n   == Winter drive ==\n[\s\S]*-- For Campus Crew ambassadors\n#\d+ in #ambassadors:\n/);
    expect(await tick('2026-11-30T08:01:00Z')).toBe('');
  });

  it('GIVEN the bot was down overnight WHEN it comes back within the grace THEN the post is marked late', async () => {
    const posted = await tick('2026-12-01T10:30:00Z');
    expect(posted).toContain('-- For Campus Crew ambassadors · Posted late: it was due Tue 1 Dec 2026, 09:00 Europe/Paris');
  });

  it('GIVEN the bot was down past the grace WHEN it comes back THEN staff read the report in the committee channel', async () => {
    const posted = await tick('2026-12-02T16:00:00Z');
    expect(posted).toMatch(/^#\d+ in #committee:\n   == Staff: action needed ==\n   Campaign 1 “Winter drive” \(schedule 1: Every weekday .*\): I missed 1 scheduled post while I was down and skipped it rather than flood the channel \(I send at most one late post, within 6 hours of its time\): Wed 2 Dec 2026, 09:00 Europe\/Paris\. The schedule carries on as usual\.\n$/);
    expect(await tick('2026-12-02T16:01:00Z')).toBe('');
  });
});
