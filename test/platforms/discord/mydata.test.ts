// /mydata on Discord, through the real discord.js client against the double: the counts come back
// privately, and the export arrives in a direct message as attached files (JSON and CSV).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answers, Harness, setupProgram } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await Harness.start();
  await setupProgram(h);
}, 60_000);
afterAll(() => h?.close());

describe("Discord: people's data", { timeout: 60_000 }, () => {
  it('GIVEN an applicant WHEN they run /mydata show THEN the export is attached to a DM; /mydata erase with the code erases them', async () => {
    await h.apply('alice', answers);
    const text = await h.say('alice', 'mydata show');
    expect(text).toContain('1 application (with your answers)');
    await h.settle();
    const channel = h.double.world.dmChannelFor(h.double.user('alice').id);
    const withFiles = h.double.messagesIn(channel.id).filter((m) => m.files.length > 0).at(-1)!;
    expect(withFiles.files.map((f) => f.name)).toEqual([expect.stringMatching(/^my-data-.*\.json$/), expect.stringMatching(/applications.*\.csv$/), expect.stringMatching(/activity.*\.csv$/)]);
    const doc = JSON.parse(Buffer.from(withFiles.files[0]!.data).toString('utf8'));
    expect(doc.applications[0].answers[0].answer).toBe(answers[0]);
    const code = /confirm:(\w+)/.exec(await h.say('alice', 'mydata erase'))![1]!;
    expect(await h.say('alice', 'mydata erase', { confirm: code })).toContain('the data is erased');
    const alice = await h.prisma.member.findFirstOrThrow({ where: { platformUserId: h.double.user('alice').id } });
    expect(alice.displayName).toBe('[erased]');
  });
});
