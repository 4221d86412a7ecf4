// The same app over Socket Mode (SLACK_APP_TOKEN set): no public URL, requests arrive as envelopes
// on a WebSocket and acks go back on it. One full flow proves the listeners are transport-blind.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ADA, AMBASSADORS, CARL, COMMITTEE, DANA, EVE, dmTexts, lastPostIn, setUpProgram, dropTemplate, startWorld, type World } from './harness.js';

describe('Slack adapter in Socket Mode', { timeout: 20_000 }, () => {
  let w: World | undefined;
  afterAll(dropTemplate, 30_000);
  afterEach(async () => {
    await w?.close();
    w = undefined;
  });

  it('GIVEN an app token WHEN the app starts THEN it connects over Socket Mode and serves no HTTP', async () => {
    w = await startWorld({ socketMode: true });
    expect(w.slack.socket.connections()).toBe(1);
    expect(w.adapter.server).toBeUndefined();
    expect(w.slack.calls('apps.connections.open')[0]?.token).toBe(w.slack.appToken);
  });

  it('GIVEN Socket Mode WHEN staff set up, a member applies with a bad then a good form, and the committee approves THEN the flow is the same as over HTTP', async () => {
    w = await startWorld({ socketMode: true });
    await setUpProgram(w);

    expect((await w.apply(ADA, ['', 'Lyon'])).json).toEqual({ response_action: 'errors', errors: { q1: 'This question needs an answer.' } });
    expect((await w.apply(ADA, ['Because water is life.', 'Lyon'])).json).toBeUndefined();
    const post = await w.committeePost(ADA);
    for (const member of [CARL, DANA, EVE]) await w.react(member, 'white_check_mark', post);

    expect((await w.application(ADA))?.status).toBe('accepted');
    expect(w.slack.membersOf(AMBASSADORS)).toContain(ADA);
    expect(dmTexts(w, ADA).join('\n')).toContain('Welcome to Campus Crew!');
    expect(lastPostIn(w, COMMITTEE)).toContain('Accepted');
  });
});
