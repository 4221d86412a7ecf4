// /ambassador mydata on Slack, through the real Bolt app against the double: the counts come back as
// the command's answer, and the export arrives in a direct message as files (JSON and CSV).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADA, dropTemplate, setUpProgram, startWorld, type World } from './harness.js';

describe('Slack: people\'s data', { timeout: 60_000 }, () => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld();
    await setUpProgram(w);
  }, 60_000);
  afterAll(async () => {
    await w.close();
    await dropTemplate();
  }, 30_000);

  it('GIVEN an applicant WHEN they run /ambassador mydata THEN they see what is held and get the export as files by DM; erase asks for a code first', async () => {
    await w.apply(ADA, ['I answer for the export test', 'Leeds']);
    await w.settle();
    const reply = await w.reply(ADA, 'mydata');
    expect(reply.text).toContain('1 application (with your answers)');
    expect(reply.text).toContain('by direct message');
    await w.settle();
    const dm = w.slack.dmWith(ADA)!;
    const files = w.slack.files(dm);
    expect(files.map((f) => f.name)).toEqual([expect.stringMatching(/^my-data-.*\.json$/), expect.stringMatching(/applications.*\.csv$/), expect.stringMatching(/activity.*\.csv$/)]);
    const doc = JSON.parse(files[0]!.bytes.toString('utf8'));
    expect(doc.applications[0].answers[0].answer).toBe('I answer for the export test');
    const ask = await w.reply(ADA, 'mydata erase');
    const code = /confirm:(\w+)/.exec(ask.text)![1]!;
    expect((await w.reply(ADA, `mydata erase confirm:${code}`)).text).toContain('the data is erased');
    await w.settle();
    expect((await w.application(ADA))!.answers[0]!.answer).toBe('[erased]');
  });
});
