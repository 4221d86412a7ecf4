// A pulse in the console, as a newcomer tries it: staff ask ambassadors one question, the
// ambassador's DM shows the answers as numbered choices, typing a number answers (through the same
// command path as typing /pulse answer), and staff close the round and see the results.
import { afterEach, describe, expect, it } from 'vitest';
import { testProvider } from '../support/database.js';
import { consoleSession, type Session } from './harness.js';

const setup = [
  ':clock 2026-12-01 09:00',
  '/program setup program:"Campus Crew" why:"We love clean rivers" objective:"Raise $50,000" metric:dollars target:50000 capacity:3 committee_channel:#committee ambassador_role:Ambassadors',
  '/program questions add prompt:"Why do you want to join?" kind:paragraph',
  '/committee add user:@carol',
  '/committee add user:@dave',
  '/program rules quorum:2',
  ':as alice',
  '/apply',
  'I pick up litter along the river every Sunday.',
  ':as carol',
  ':in #committee',
  ':react ^ ✅',
  ':as dave',
  ':react ^ ✅', // alice is an ambassador now
];

let s: Session | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

describe(`a pulse in the console on ${testProvider}`, () => {
  it('GIVEN a scale pulse WHEN the ambassador types 4 under its DM, then 2 THEN the answer is recorded, confirmed and changed, and staff see 1 response at close', async () => {
    s = await consoleSession([
      ...setup,
      ':as admin',
      '/pulse create question:"How supported do you feel this month?" kind:scale',
      ':as alice',
      '4',
      '6',
      '2', // the DM's choices stay: another number changes the answer
      ':as admin',
      '/pulse close id:1',
    ]);
    const out = s.out;
    const round = (await s.db.prisma.pulseRound.findFirstOrThrow()).id;
    expect(out).toContain('Pulse #1 created');
    // Created by admin, so the DM says how to choose as alice.
    expect(out).toMatch(/\[DM to @alice\]\n {3}== Campus Crew asks: a quick question ==[^]*?\n {3}\[1\] 1 · not at all {3}\[2\] 2 {3}\[3\] 3 {3}\[4\] 4 {3}\[5\] 5 · very\n {3}as @alice \(:as alice\), type the number to choose \(or \/pulse answer round:\d+ value:<1–5>\)\n/);
    expect(out).toContain(`@admin #committee> :as alice\nYou are now @alice.\nThe bot's latest choices for you:\n   [1] 1 · not at all   [2] 2   [3] 3   [4] 4   [5] 5 · very\n`);
    expect(out).toContain(`@alice #committee> 4\n(chose [4] 4: /pulse answer round:${round} value:4)\n(only you) Thank you! Your answer: 4.`);
    expect(out).toContain('@alice #committee> 6\nPlease pick a number from 1 to 5, as listed under the message.\n');
    expect(out).toContain(`@alice #committee> 2\n(chose [2] 2: /pulse answer round:${round} value:2)\n(only you) Changed: your answer is now 2.`);
    expect(await s.db.prisma.pulseAnswer.count()).toBe(1);
    const closed = out.slice(out.indexOf('/pulse close id:1'));
    expect(closed).toContain('Round 1 of pulse #1 is closed');
    expect(closed).toContain('== Pulse results: How supported do you feel this month? ==');
    expect(closed).toContain('1 of 1 person answered (100%)');
    expect(closed).toContain('Average: 2.0 out of 5');
  });
});
