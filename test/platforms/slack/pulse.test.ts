// A pulse on Slack, end to end: staff ask by slash command, the ambassador answers with the DM's
// buttons (and changes the answer), staff close it and get the results. Real app, real Bolt, the double.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { blocksText } from '../../../src/platforms/slack/blocks.js';
import { ADA, COMMITTEE, STAFF, acceptAda, dropTemplate, setUpProgram, startWorld, type World } from './harness.js';
import { buttonsOf, postedIn, tap } from './taps.js';

describe('Slack adapter: pulse answered with a tap', { timeout: 30_000 }, () => {
  let w: World | undefined;
  afterAll(dropTemplate, 30_000);
  afterEach(async () => {
    await w?.close();
    w = undefined;
  });

  it('GIVEN an ambassador WHEN staff create a scale pulse THEN a tap answers privately, another changes it, and staff get the results at close', async () => {
    w = await startWorld();
    await setUpProgram(w);
    await acceptAda(w);

    const created = await w.reply(STAFF, 'pulse create question:"How supported do you feel this month?" kind:scale');
    expect(created.responseType).toBe('ephemeral');
    expect(created.text).toContain('Pulse #1 created');
    expect(created.text).toContain('Sent to 1 person by DM now');

    const dm = w.slack.dmWith(ADA)!;
    const question = w.slack.messagesIn(dm).find((m) => blocksText(m.blocks ?? []).includes('How supported do you feel this month?'))!;
    expect(buttonsOf(question.blocks).map((b) => b.text.text)).toEqual(['1 · not at all', '2', '3', '4', '5 · very']);

    const first = await tap(w, ADA, dm, question.ts, '4');
    expect(postedIn(first, dm)).toEqual([expect.stringContaining('Thank you! Your answer: *4*')]);
    const second = await tap(w, ADA, dm, question.ts, '2');
    expect(postedIn(second, dm)).toEqual([expect.stringContaining('Changed: your answer is now *2*')]);
    expect([...first, ...second].filter((c) => c.method === 'response_url' || c.method === 'chat.postEphemeral')).toEqual([]);

    const closed = await w.reply(STAFF, 'pulse close id:1');
    expect(closed.text).toContain('Round 1 of pulse #1 is closed');
    const results = w.slack.messagesIn(COMMITTEE).map((m) => blocksText(m.blocks ?? [])).find((t) => t.includes('Pulse results'))!;
    expect(results).toContain('*1 of 1 person answered (100%)*');
    expect(results).toContain('Average: *2.0* out of 5');
  });
});
