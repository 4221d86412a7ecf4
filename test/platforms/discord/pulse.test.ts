// A pulse survey on Discord, end to end: staff ask one question with a slash command, the ambassador
// gets it by DM with five buttons, answers with a tap (and changes it with another), and staff get
// the results when they close it. Real discord.js client, real core, the Discord double.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeAction } from '../../../src/core/actions.js';
import { testProvider } from '../../support/database.js';
import { answers, CHANNEL_POST, Harness, setupProgram, textOf, type Sent } from './harness.js';

let h: Harness;

beforeAll(async () => {
  h = await Harness.start();
  await setupProgram(h);
  // alice becomes the program's one ambassador.
  const ref = Harness.refOf((await h.apply('alice', answers)).final);
  const message = await h.committeeMessage(ref);
  for (const who of ['carol', 'dave']) await h.react(who, message.id, '✅');
  expect((await h.application(ref)).status).toBe('ACCEPTED');
});
afterAll(() => h?.close());

const dmChannel = (name: string) => h.double.world.dmChannelFor(h.double.user(name).id).id;

/** alice taps a button of a DM; the bot's answer once its side effects ran. */
async function tap(message: string, customId: string): Promise<Sent> {
  const sent = await h.answerTo(h.double.button({ user: 'alice', customId, message, dm: true }));
  await h.settle();
  return sent;
}

describe(`Discord pulse surveys on ${testProvider}`, () => {
  it('GIVEN a scale pulse WHEN the ambassador taps 4 in her DM, then 2 THEN each answer is confirmed privately, and at close staff get results naming one response', async () => {
    const made = await h.command('owner', 'pulse create', { question: 'How supported do you feel?', kind: 'scale', closes: 'in 2 days' });
    expect(made.ephemeral).toBe(true);
    expect(made.text).toContain('Pulse #1 created');
    expect(made.text).toContain('Sent to 1 person by DM now');

    // The DM: the question with five buttons in one row, each naming the server, the round and a value.
    const dm = h.double.messagesIn(dmChannel('alice')).at(-1)!;
    expect(textOf(dm.body)).toContain('How supported do you feel?');
    expect(dm.allowedMentions).toEqual({ parse: [] });
    const rows = dm.components as any[];
    expect(rows).toHaveLength(1);
    const buttons = rows[0].components as any[];
    expect(buttons.map((b) => b.label)).toEqual(['1 · not at all', '2', '3', '4', '5 · very']);
    const actions = buttons.map((b) => decodeAction(b.custom_id)!);
    expect(actions.map((a) => [a.workspaceId, a.command, a.options.value])).toEqual(
      [1, 2, 3, 4, 5].map((n) => [h.double.guildId, 'pulse answer', String(n)]));
    const round = await h.prisma.pulseRound.findFirstOrThrow();
    expect(actions.every((a) => a.options.round === String(round.id))).toBe(true);

    const first = await tap(dm.id, buttons[3].custom_id);
    expect(first.type).toBe(5);
    expect(first.ephemeral).toBe(true);
    expect(first.text).toContain('Thank you! Your answer: **4**');
    const changed = await tap(dm.id, buttons[1].custom_id);
    expect(changed.ephemeral).toBe(true);
    expect(changed.text).toContain('Changed: your answer is now **2**');
    expect(await h.prisma.pulseAnswer.count()).toBe(1);
    expect(h.double.messagesIn(dmChannel('alice')).at(-1)!.id).toBe(dm.id); // the confirmations were private

    const mark = h.double.mark();
    const closed = await h.command('owner', 'pulse close', { id: 1 });
    expect(closed.text).toContain('Round 1 of pulse #1 is closed');
    const results = h.double.calls({ route: CHANNEL_POST, after: mark }).map((c) => ({ channel: c.params.channelId, text: textOf(c.body) }))
      .find((p) => p.text.includes('Pulse results'))!;
    expect(results.channel).toBe(h.double.channel('committee').id);
    expect(results.text).toContain('How supported do you feel?');
    expect(results.text).toContain('1 of 1 person answered (100%)');
    expect(results.text).toContain('Average: **2.0** out of 5');
    expect(h.double.unknownRoutes()).toEqual([]);
  });

  it('GIVEN a text pulse WHEN the ambassador taps "Write my answer" in her DM THEN the form opens from the deferred reply and her answer, typed in the DM, is saved in the server\'s pulse', async () => {
    const made = await h.command('owner', 'pulse create', { question: 'What would help you most?', kind: 'text', closes: '3 days' });
    expect(made.text).toContain('Pulse #2 created');
    const dm = h.double.messagesIn(dmChannel('alice')).at(-1)!;
    const [write] = (dm.components as any[])[0].components as any[];
    expect(write.label).toBe('Write my answer');

    const saved = await formFromDm(dm.id, write.custom_id, 'More meetups near Lyon');
    expect(saved.ephemeral).toBe(true);
    expect(saved.text).toContain('Thank you! Your answer: **"More meetups near Lyon"**');
    const round = await h.prisma.pulseRound.findFirstOrThrow({ where: { pulse: { question: 'What would help you most?' } } });
    expect(await h.prisma.pulseAnswer.count({ where: { roundId: round.id } })).toBe(1);
  });

  it('GIVEN a scale pulse that takes comments WHEN the ambassador answers by tap THEN her private confirmation carries an "Add a comment" button that opens the comment form from the DM', async () => {
    await h.command('owner', 'pulse create', { question: 'How was the last meetup?', kind: 'scale', comment: true, closes: '3 days' });
    const dm = h.double.messagesIn(dmChannel('alice')).at(-1)!;
    const record = h.double.button({ user: 'alice', customId: (dm.components as any[])[0].components[2].custom_id, message: dm.id, dm: true });
    const answered = await h.answerTo(record);
    await h.settle();
    expect(answered.text).toContain('Thank you! Your answer: **3**');

    // The private reply's own action, encoded for the server the question came from.
    const comment = answered.body.components[0].components[0];
    expect(comment.label).toBe('Add a comment');
    expect(decodeAction(comment.custom_id)).toMatchObject({ workspaceId: h.double.guildId, command: 'pulse comment' });
    const saved = await formFromDm(h.double.originalMessage(record)!.id, comment.custom_id, 'Too loud @everyone');
    expect(saved.text).toContain('with your comment');
    expect(saved.body.allowed_mentions).toEqual({ parse: [] });
  });
});

/** alice taps an action that answers with a form, opens it from the deferred reply and sends `typed`; the reply. */
async function formFromDm(message: string, customId: string, typed: string): Promise<Sent> {
  const record = h.double.button({ user: 'alice', customId, message, dm: true });
  const offered = await h.answerTo(record);
  expect(offered.type).toBe(5); // the core read the database: a deferral, then a button that opens the form
  expect(offered.ephemeral).toBe(true);
  const open = offered.body.components[0].components[0];
  expect(open.label).toBe('Open the form');
  const modal = await h.answerTo(h.double.button({ user: 'alice', customId: open.custom_id, message: h.double.originalMessage(record)!.id, dm: true }));
  expect(modal.type).toBe(9);
  const [field] = Harness.modalFields(modal.body);
  const submit = h.double.modalSubmit({ user: 'alice', customId: modal.body.custom_id, values: { [field!.custom_id]: typed }, dm: true });
  const saved = await h.answerTo(submit);
  await h.settle();
  return saved;
}
