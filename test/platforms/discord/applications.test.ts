// End to end on Discord: staff set up a program with slash commands, people apply through a
// two-step modal, the committee votes with reactions, and the outcome reaches everyone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordErrors } from '../../doubles/discord/index.js';
import { testProvider } from '../../support/database.js';
import { answers, CHANNEL_POST, Harness, MESSAGE_EDIT, questions, REACTION_DELETE, ROLE_GRANT, setupProgram, textOf } from './harness.js';

let h: Harness;
let setupReplies: string[];

beforeAll(async () => {
  h = await Harness.start();
  setupReplies = await setupProgram(h);
});
afterAll(() => h?.close());

/** Applies with the standard answers and returns the reference. */
async function applyAs(user: string, extra: Partial<Record<number, string>> = {}): Promise<string> {
  const { final } = await h.apply(user, answers.map((a, i) => extra[i] ?? a));
  return Harness.refOf(final);
}

describe(`Discord end to end on ${testProvider}`, () => {
  it('GIVEN the guild owner WHEN they set up the program with slash commands THEN each step is confirmed privately and others are turned away', async () => {
    expect(setupReplies[0]).toContain('Campus Crew');
    expect(setupReplies[0]).toContain('Ambassadors: 0 / 10');
    expect(setupReplies.filter((r) => r.startsWith('Added question'))).toHaveLength(7);
    expect(setupReplies.slice(-3)).toEqual(['carol joined the Campus Crew committee.', 'dave joined the Campus Crew committee.', 'erin joined the Campus Crew committee.']);
    const refused = await h.command('bob', 'program setup', { capacity: 99 });
    expect(refused.ephemeral).toBe(true);
    expect(refused.text).toBe('Only staff can use /program setup.');
    expect(h.double.messagesIn('general')).toEqual([]); // every reply so far was ephemeral
  });

  it('GIVEN 7 questions WHEN someone applies THEN the form comes in two modal steps, nothing is stored until the last, and the committee gets an embed with the vote reactions', async () => {
    const mark = h.double.mark();
    const { modals, buttons, final } = await h.apply('alice', answers.map((a, i) => (i === 2 ? '@everyone come and see <@&1> @here' : a)));

    expect(modals).toHaveLength(2);
    expect(buttons).toEqual(['Continue (2/2)']);
    expect(modals.map((m) => m.title)).toEqual(['Apply: Campus Crew (1/2)', 'Apply: Campus Crew (2/2)']);
    const first = Harness.modalFields(modals[0]);
    expect(first).toHaveLength(5);
    expect(first[0]).toMatchObject({
      label: 'Why do you want to become an ambassador for…', description: questions[0].prompt, placeholder: questions[0].prompt,
      style: 2, max_length: 500, required: true,
    });
    expect(first[0]!.label.length).toBeLessThanOrEqual(45);
    expect(first[1]).toMatchObject({ label: 'Your city', style: 1, max_length: 60, required: true });
    expect(first[4]).toMatchObject({ min_length: 5, max_length: 600 });
    expect(Harness.modalFields(modals[1]).map((f) => [f.label, f.required])).toEqual([['Anything else we should know?', false], ['Your pronouns', false]]);
    for (const m of modals) expect(m.custom_id.length).toBeLessThanOrEqual(100);

    expect(final.ephemeral).toBe(true);
    expect(final.text).toMatch(/Thank you! Your application to Campus Crew is in\. Your reference is \*\*A\w{5}\*\*/);
    const ref = Harness.refOf(final);
    expect(await h.prisma.application.count()).toBe(1);

    const post = h.double.calls({ route: CHANNEL_POST, after: mark }).find((c) => c.params.channelId === h.double.channel('committee').id)!;
    expect(post.body.allowed_mentions).toEqual({ parse: [] });
    const embed = post.body.embeds[0];
    expect(embed.title).toBe(`Application ${ref} — Campus Crew`);
    expect(embed.description).toContain('**Applicant:** alice');
    expect(embed.fields).toHaveLength(7);
    expect(embed.fields[2]).toEqual({ name: 'Which communities are you part of?', value: '@everyone come and see <@&1> @here' });
    expect(embed.fields[5].value).toBe('_(no answer)_');
    expect(embed.color).toBe(0x5865f2);
    const message = await h.committeeMessage(ref);
    for (const emoji of ['✅', '❌', '🤔']) expect(h.double.reactionsOn(message.id, emoji)).toEqual([h.double.botId]);
    // Nothing the bot sent could ping anyone.
    for (const c of h.double.calls({ after: mark }).filter((c) => c.body && ('content' in c.body || 'embeds' in c.body) && c.method !== 'GET')) {
      expect(c.body.allowed_mentions ?? c.body.data?.allowed_mentions).toEqual({ parse: [] });
    }
  });

  it('GIVEN an application WHEN two committee members approve with reactions THEN the role is granted, a welcome DM is sent and the embed shows the outcome and tally', async () => {
    const ref = await applyAs('bob');
    const message = await h.committeeMessage(ref);
    await h.react('carol', message.id, '✅');
    expect((await h.application(ref)).status).toBe('VOTING');
    const mark = h.double.mark();
    await h.react('dave', message.id, '✅');

    expect((await h.application(ref)).status).toBe('ACCEPTED');
    expect(h.double.calls({ route: ROLE_GRANT, after: mark }).map((c) => [c.params.userId, c.params.roleId, c.status]))
      .toEqual([[h.double.user('bob').id, h.double.role('Ambassador').id, 204]]);
    expect(h.double.memberRoleNames('bob')).toContain('Ambassador');
    expect(h.dmsTo('bob').join('\n')).toContain('Welcome to Campus Crew!');
    const edit = h.double.calls({ route: MESSAGE_EDIT, after: mark }).at(-1)!;
    expect(edit.params.messageId).toBe(message.id);
    expect(edit.body.embeds[0].footer.text).toBe('Accepted — ✅ 2 · ❌ 0 · 🤔 0');
    expect(edit.body.embeds[0].color).toBe(0x57f287);
    expect(edit.body.allowed_mentions).toEqual({ parse: [] });
    expect((await h.prisma.ambassador.findFirstOrThrow({ where: { member: { platformUserId: h.double.user('bob').id } } })).grantedAt).not.toBeNull();
  });

  it('GIVEN a reaction from someone not on the committee THEN it does not count and the bot removes it', async () => {
    const ref = await applyAs('frank');
    const message = await h.committeeMessage(ref);
    const mark = h.double.mark();
    await h.react('hugo', message.id, '✅');
    await h.react('carol', message.id, '🎉'); // not a vote emoji: left alone

    const removed = h.double.calls({ route: REACTION_DELETE, after: mark });
    expect(removed.map((c) => [c.params.emoji, c.params.userId, c.status])).toEqual([['✅', h.double.user('hugo').id, 204]]);
    expect(h.double.reactionsOn(message.id, '✅')).toEqual([h.double.botId]);
    expect(h.double.reactionsOn(message.id, '🎉')).toEqual([h.double.user('carol').id]);
    expect(await h.prisma.vote.count({ where: { application: { ref } } })).toBe(0);
  });

  it('GIVEN two reject votes THEN the applicant is turned away kindly by DM and the embed says so', async () => {
    const ref = await applyAs('ivy');
    const message = await h.committeeMessage(ref);
    await h.react('carol', message.id, '❌');
    await h.react('erin', message.id, '❌');
    expect((await h.application(ref)).status).toBe('REJECTED');
    const dm = h.dmsTo('ivy').join('\n');
    expect(dm).toContain('This time the answer is no');
    expect(dm).not.toMatch(/carol|erin|❌/);
    expect(textOf(h.double.messages.get(message.id)!.body)).toContain('Not accepted — ✅ 0 · ❌ 2 · 🤔 0');
    expect(h.double.messages.get(message.id)!.embeds).toMatchObject([{ color: 0xed4245 }]);
  });

  it('GIVEN closed DMs WHEN the decision is sent THEN Discord refuses (50007) and the message is shown at their next interaction', async () => {
    const gina = h.double.user('gina').id;
    h.double.world.closedDms.add(gina);
    const ref = await applyAs('gina');
    const message = await h.committeeMessage(ref);
    const mark = h.double.mark();
    await h.react('carol', message.id, '❌');
    await h.react('dave', message.id, '❌');

    const dmChannel = h.double.world.dmChannelFor(gina).id;
    expect(h.double.calls({ route: CHANNEL_POST, after: mark }).filter((c) => c.params.channelId === dmChannel).map((c) => [c.status, (c.response as any).code]))
      .toEqual([[403, 50007]]);
    expect(h.logged('DM not delivered; kept as a notice for the next interaction')).toHaveLength(1);

    const status = await h.command('gina', 'application status');
    expect(status.ephemeral).toBe(true);
    expect(status.text).toContain("I couldn't reach you by direct message earlier");
    expect(status.text).toContain('This time the answer is no');
    expect((await h.command('gina', 'application status')).text).not.toContain("couldn't reach you"); // shown once
  });

  it('GIVEN Discord answers 429 to the role grant THEN discord.js waits retry-after and the grant succeeds', async () => {
    const ref = await applyAs('jack');
    const message = await h.committeeMessage(ref);
    h.double.failNext({ route: ROLE_GRANT }, DiscordErrors.rateLimited(0.05));
    const mark = h.double.mark();
    await h.react('carol', message.id, '✅');
    await h.react('erin', message.id, '✅');
    expect(h.double.calls({ route: ROLE_GRANT, after: mark }).map((c) => c.status)).toEqual([429, 204]);
    expect(h.double.memberRoleNames('jack')).toContain('Ambassador');
  });

  it('GIVEN a command that needs the database THEN it is deferred (ephemeral) at once and filled in; GIVEN /apply while its form is not in memory THEN the deferred reply offers a button that opens the form', async () => {
    const status = await h.command('bob', 'application status');
    expect(status.type).toBe(5);
    expect(status.ephemeral).toBe(true);
    expect(status.text).toContain('accepted');
    h.core.deps.forms.clear(); // as just after a question changed, before the form is loaded again
    const record = h.double.command({ user: 'kim', name: 'apply', channel: 'general' });
    const ready = await h.answerTo(record);
    expect(ready.type).toBe(5);
    expect(ready.text).toContain('We love clean rivers');
    const button = ready.body.components[0].components[0];
    expect(button.label).toBe('Open the form (1/2)');
    const click = h.double.button({ user: 'kim', customId: button.custom_id, message: h.double.originalMessage(record)!.id });
    expect((await h.double.waitForResponse(click)).type).toBe(9);
    await h.settle();
    // Loaded again meanwhile: the next /apply is the modal itself.
    expect((await h.answerTo(h.double.command({ user: 'kim', name: 'apply', channel: 'general' }))).type).toBe(9);
  });

  it('GIVEN everything above THEN no request hit an unknown route', () => {
    expect(h.double.unknownRoutes()).toEqual([]);
    expect(h.logged(/unhandled|failed/i).filter((l) => l.level >= 50)).toEqual([]);
  });
});
