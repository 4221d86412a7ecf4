// Vote emoji must be ones people can react with: on Discord, a standard emoji or a custom emoji of
// this server. One that isn't would leave a vote nobody can cast.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testProvider } from '../../support/database.js';
import { answers, Harness, setupProgram } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await Harness.start();
  await setupProgram(h);
});
afterAll(() => h?.close());

describe(`Discord custom vote emoji on ${testProvider}`, () => {
  it('GIVEN a custom emoji of another server WHEN staff choose it THEN it is refused and the rules stay as they were', async () => {
    const reply = await h.say('owner', 'program rules', { approve_emoji: '<:elsewhere:123456789012345678>' });
    expect(reply).toContain("isn't a custom emoji of this server");
    expect((await h.prisma.program.findFirstOrThrow()).emojiApprove).toBe('✅');
  });

  it('GIVEN a custom emoji of this server WHEN staff choose it THEN the committee votes with it and it decides', async () => {
    const yes = h.double.world.addEmoji('yes');
    const reply = await h.say('owner', 'program rules', { approve_emoji: `<:yes:${yes.id}>` });
    expect(reply).not.toContain("isn't");
    expect((await h.prisma.program.findFirstOrThrow()).emojiApprove).toBe(`<:yes:${yes.id}>`);

    const ref = Harness.refOf((await h.apply('bob', answers)).final);
    const message = await h.committeeMessage(ref);
    expect(h.double.reactionsOn(message.id, `yes:${yes.id}`)).toEqual([h.double.botId]); // the seed
    await h.react('carol', message.id, `yes:${yes.id}`);
    await h.react('dave', message.id, `yes:${yes.id}`);
    expect((await h.application(ref)).status).toBe('ACCEPTED');
  });
});
