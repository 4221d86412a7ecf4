// A private reply's chart in the console: a terminal can't show it, so it is saved as a PNG and its
// path printed under the reply, as for posts and DMs, so the newcomer can open it. Runs the real
// entry point (its core draws charts; the in-process harness has no chart renderer).
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { testProvider } from '../support/database.js';
import { consoleSessions } from '../support/run-bot.js';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const ambassador = [
  ':clock 2026-09-01 09:00',
  '/program setup program:"Campus Crew" why:"We love clean rivers" objective:"Raise $50,000" metric:dollars target:50000 capacity:5 committee_channel:#committee ambassador_role:Ambassadors',
  '/program rules quorum:1',
  '/program questions add prompt:"Why do you want to join?" kind:paragraph',
  '/committee add user:@carol',
  ':as alice',
  '/apply',
  'I swim every day',
  ':as carol',
  ':react #1 ✅', // alice is an ambassador now
];

/** The file printed right under the reply to `command`, checked to exist and be a PNG. */
function imageUnder(out: string, command: string, alt: RegExp): string {
  const after = out.slice(out.indexOf(command));
  const m = /\n\(only you\) \[image: ([^\n]*)\]\n {3}\[image file: ([^\n]+\.png)\]\n/.exec(after);
  expect(m, after).not.toBeNull();
  expect(m![1]).toMatch(alt);
  const file = m![2]!;
  expect(existsSync(file)).toBe(true);
  expect([...readFileSync(file).subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  return file;
}

const session = consoleSessions();

describe(`private replies with a chart in the console on ${testProvider}`, { timeout: 60_000 }, () => {
  it('GIVEN an ambassador WHEN staff run /report THEN the private reply keeps its alt text and prints the path of the saved PNG', async () => {
    const run = await session([...ambassador, ':clock 2026-10-02 09:00', ':as admin', '/report period:month']);

    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('(only you) == Campus Crew — engagement, September 2026 ==');
    const file = imageUnder(run.stdout, '> /report period:month', /^Engagement by period\./);
    expect(file).toMatch(/data\/console-images\/reply-admin-engagement\.png$/);
  });

  it('GIVEN a closed pulse with an answer WHEN staff run /pulse results THEN its chart is saved and its path printed too', async () => {
    const run = await session([
      ...ambassador,
      ':as admin',
      '/pulse create question:"How supported do you feel this month?" kind:scale',
      ':as alice',
      '4',
      ':as admin',
      '/pulse close id:1',
      '/pulse results id:1',
    ]);

    expect(run.stderr).toBe('');
    expect(run.stdout.slice(run.stdout.indexOf('> /pulse results id:1'))).toContain('== Pulse results: How supported do you feel this month? ==');
    expect(imageUnder(run.stdout, '> /pulse results id:1', /\S/)).toMatch(/reply-admin-pulse\.png$/);
  });
});
