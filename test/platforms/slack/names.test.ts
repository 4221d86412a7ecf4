// People are named on Slack, never shown as raw ids: a slash command's mention (<@U…|name>) carries
// its person's name into the core, from Slack's profile (users.info) or else from the mention itself.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ADA, CARL, COMMITTEE, DANA, EVE, STAFF, dropTemplate, lastPostIn, startWorld, type World } from './harness.js';

describe('Slack: mentioned people are named', { timeout: 30_000 }, () => {
  let w: World | undefined;
  afterAll(dropTemplate, 30_000);
  afterEach(async () => {
    await w?.close();
    w = undefined;
  });

  async function setUp(x: World): Promise<void> {
    const setup = await x.reply(STAFF, `program setup program:"Campus Crew" why:"Clean water" objective:"Raise $5,000" metric:dollars target:5000 capacity:3 committee_channel:<#${COMMITTEE}|committee>`);
    expect(setup.text).toContain('Campus Crew');
    await x.reply(STAFF, 'program questions add prompt:"Why?" max_length:200');
  }

  it('GIVEN people added to the committee by mention, never looked up before WHEN the committee is listed THEN it shows their names, not U… ids', async () => {
    w = await startWorld();
    await setUp(w);

    // Slack's profile (display name) wins over the legacy username a mention carries, which may be stale.
    expect((await w.reply(STAFF, `committee add user:<@${CARL}|carl.old>`)).text).toContain('carl joined the Campus Crew committee');
    expect((await w.reply(STAFF, `committee add user:<@${DANA}>`)).text).toContain('dana joined'); // no name in the mention
    // Slack's profile is out of reach: the name the mention carried is used.
    w.slack.failNext('users.info', { error: 'internal_error' });
    expect((await w.reply(STAFF, `committee add user:<@${EVE}|eve.online>`)).text).toContain('eve.online joined');

    const list = (await w.reply(ADA, 'committee list')).text;
    expect(list).toContain('• carl');
    expect(list).toContain('• dana');
    expect(list).toContain('• eve.online');
    expect(list).not.toMatch(/\bU0[A-Z0-9]+/);
  });

  it('GIVEN a committee added by mention WHEN someone applies THEN the committee post names who has not voted, not their ids', async () => {
    w = await startWorld();
    await setUp(w);
    for (const member of [CARL, DANA, EVE]) await w.reply(STAFF, `committee add user:<@${member}|${member.toLowerCase()}>`);

    await w.apply(ADA, ['Because water is life.']);

    const post = lastPostIn(w, COMMITTEE);
    expect(post).toContain('Not voted yet:* carl, dana, eve');
    expect(post).not.toMatch(/\bU0[A-Z0-9]+/);
  });
});
