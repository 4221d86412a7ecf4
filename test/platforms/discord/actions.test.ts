// One-tap buttons (MessageAction) on Discord, end to end: the real adapter renders them as action
// rows, the Discord double checks them as Discord would, and a tap in a DM (which names no guild) runs
// its command in the workspace the button names, through the real core.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeAction } from '../../../src/core/actions.js';
import type { ChannelRef, MessageAction, UserRef } from '../../../src/core/ports/chat-platform.js';
import type { InteractionRecord } from '../../doubles/discord/index.js';
import { testProvider } from '../../support/database.js';
import { answers, CHANNEL_POST, Harness, MESSAGE_EDIT, setupProgram, type Sent } from './harness.js';

let h: Harness;

beforeAll(async () => {
  h = await Harness.start();
  await setupProgram(h);
});
afterAll(() => h?.close());

const general = (): ChannelRef => ({ platform: 'discord', workspaceId: h.double.guildId, id: h.double.channel('general').id });
const person = (name: string): UserRef => ({ platform: 'discord', workspaceId: h.double.guildId, id: h.double.user(name).id, name, isBot: false });
const dmChannel = (name: string) => h.double.world.dmChannelFor(h.double.user(name).id).id;
/** The latest message the bot sent to someone's DMs. */
const lastDm = (name: string) => h.double.messagesIn(dmChannel(name)).at(-1)!;
const buttonsOf = (message: { components: unknown[] }) => (message.components as any[]).map((row) => row.components as any[]);

/** Sends `actions` to someone's DMs through the adapter and returns the DM's id and its buttons. */
async function dmWith(name: string, actions: MessageAction[], text = 'Pick one'): Promise<{ id: string; buttons: any[] }> {
  await h.adapter.dm(person(name), { text, actions });
  const message = lastDm(name);
  return { id: message.id, buttons: buttonsOf(message).flat() };
}

/** Taps a button on a DM and returns the bot's answer once its side effects ran. */
async function tap(name: string, message: string, customId: string): Promise<{ record: InteractionRecord; sent: Sent }> {
  const record = h.double.button({ user: name, customId, message, dm: true });
  const sent = await h.answerTo(record);
  await h.settle();
  return { record, sent };
}

describe(`Discord one-tap buttons on ${testProvider}`, () => {
  it('GIVEN a message with seven actions WHEN it is posted, DMed and edited THEN the buttons come in rows of five with the encoded commands, and an edit without actions removes them', async () => {
    const long = 'A very long label that says a great deal more than any button on Discord could ever show at once';
    const actions: MessageAction[] = [
      { label: long, command: 'help', style: 'primary' },
      ...[1, 2, 3, 4, 5].map((n) => ({ label: String(n), command: 'pulse answer', options: { round: 12, value: n } })),
      { label: 'About', command: 'about' },
    ];
    const mark = h.double.mark();
    const ref = await h.adapter.post(general(), { title: 'How supported do you feel?', text: '@everyone tap one', actions });
    await h.adapter.dm(person('alice'), { text: 'Your turn', actions });

    const posts = h.double.calls({ route: CHANNEL_POST, after: mark });
    expect(posts.map((c) => c.status)).toEqual([200, 200]);
    for (const post of posts) {
      expect(post.body.allowed_mentions).toEqual({ parse: [] });
      const rows = post.body.components as any[];
      expect(rows.map((r) => [r.type, r.components.length])).toEqual([[1, 5], [1, 2]]);
      const buttons = rows.flatMap((r) => r.components);
      expect(buttons.map((b) => b.label)).toEqual([`${long.slice(0, 79).trimEnd()}…`, '1', '2', '3', '4', '5', 'About']);
      expect(buttons[0].label.length).toBeLessThanOrEqual(80);
      expect(buttons.map((b) => b.style)).toEqual([1, 2, 2, 2, 2, 2, 2]);
      for (const b of buttons) expect(b.custom_id.length).toBeLessThanOrEqual(100);
      // Both name the guild: a tap in the DM will have no other way to know it.
      expect(buttons.map((b) => decodeAction(b.custom_id))).toEqual([
        { workspaceId: h.double.guildId, command: 'help', options: {} },
        ...[1, 2, 3, 4, 5].map((n) => ({ workspaceId: h.double.guildId, command: 'pulse answer', options: { round: '12', value: String(n) } })),
        { workspaceId: h.double.guildId, command: 'about', options: {} },
      ]);
    }
    expect(posts.map((c) => c.params.channelId)).toEqual([h.double.channel('general').id, dmChannel('alice')]);
    expect(buttonsOf(h.double.messages.get(ref.id)!).flat()).toHaveLength(7);

    await h.adapter.edit(ref, { title: 'How supported do you feel?', text: 'Closed: thank you.' });
    const edit = h.double.calls({ route: MESSAGE_EDIT, after: mark }).at(-1)!;
    expect(edit.body.components).toEqual([]);
    expect(h.double.messages.get(ref.id)!.components).toEqual([]);
    await h.adapter.edit(ref, { text: 'Reopened', actions: actions.slice(0, 2) });
    expect(buttonsOf(h.double.messages.get(ref.id)!).map((r) => r.length)).toEqual([2]);
  });

  it('GIVEN the double WHEN a row holds six buttons or one custom_id comes twice THEN it refuses the message as Discord does (50035)', async () => {
    const button = (id: string) => ({ type: 2, style: 2, label: id, custom_id: id });
    const rest = h.adapter.client.rest;
    const route = `/channels/${h.double.channel('general').id}/messages` as const;
    const six = rest.post(route, { body: { content: 'x', components: [{ type: 1, components: ['a', 'b', 'c', 'd', 'e', 'f'].map(button) }] } });
    await expect(six).rejects.toMatchObject({ status: 400, code: 50035 });
    const twice = rest.post(route, { body: { content: 'x', components: [{ type: 1, components: [button('a')] }, { type: 1, components: [button('a')] }] } });
    await expect(twice).rejects.toMatchObject({ status: 400, code: 50035 });
  });

  it('GIVEN a DM with a help button WHEN alice taps it THEN the core runs /help with its options as her, in the server, and answers her privately after a deferral', async () => {
    const typed = await h.command('alice', 'help', { command: 'apply' });
    const dm = await dmWith('alice', [{ label: 'How do I apply?', command: 'help', options: { command: 'apply' } }]);
    const { record, sent } = await tap('alice', dm.id, dm.buttons[0].custom_id);

    expect(record.guildId).toBeNull();
    expect(sent.type).toBe(5);
    expect(sent.ephemeral).toBe(true);
    expect(sent.text).toBe(typed.text);
    expect(sent.text).toContain('apply');
    expect(sent.body.allowed_mentions).toEqual({ parse: [] });
    expect(h.double.originalMessage(record)!.flags & 64).toBe(64);
    expect(h.double.messagesIn(dmChannel('alice')).at(-1)!.id).toBe(dm.id); // nothing new visible in the DM
    expect(h.double.unknownRoutes()).toEqual([]);
  });

  it('GIVEN a slash command typed in a DM THEN it is still refused: only buttons name a workspace', async () => {
    const record = h.double.command({ user: 'alice', name: 'help', dm: true });
    const sent = await h.answerTo(record);
    expect(sent.text).toBe('Please use my commands in the server, not in direct messages.');
    expect(sent.ephemeral).toBe(true);
  });

  it('GIVEN a DM with an apply button WHEN bob taps it and fills both steps from the DM THEN his application reaches the committee of the server the button named', async () => {
    const dm = await dmWith('bob', [{ label: 'Apply now', command: 'apply', style: 'primary' }]);
    const { sent: shown } = await tap('bob', dm.id, dm.buttons[0].custom_id);
    expect(shown.type).toBe(9); // the core knew the form from memory: the modal is the answer

    const final = await fillFromDm('bob', shown.body);
    expect(final.ephemeral).toBe(true);
    const ref = Harness.refOf(final);
    const app = await h.prisma.application.findUniqueOrThrow({ where: { ref }, include: { program: true, applicant: true } });
    expect(app.program.workspaceId).toBe(h.double.guildId);
    expect(app.applicant.platformUserId).toBe(h.double.user('bob').id);
    expect((await h.committeeMessage(ref)).channelId).toBe(h.double.channel('committee').id);
  });

  it('GIVEN the core cannot answer from memory WHEN hugo taps apply in a DM THEN the deferred reply offers the form, and its steps and submission from the DM reach the core in the right server', async () => {
    const { sink } = h.core;
    const immediate = sink.immediate;
    sink.immediate = undefined; // as on a process whose form cache is not warm yet
    const dm = await dmWith('hugo', [{ label: 'Apply now', command: 'apply' }]);
    let tapped: Awaited<ReturnType<typeof tap>>;
    try {
      tapped = await tap('hugo', dm.id, dm.buttons[0].custom_id);
    } finally {
      sink.immediate = immediate;
    }
    const opened = tapped.sent;
    expect(opened.type).toBe(5);
    expect(opened.ephemeral).toBe(true);
    expect(opened.text).toContain('Your form is ready.');
    const open = opened.body.components[0].components[0];
    expect(open.label).toBe('Open the form (1/2)');
    const first = await h.answerTo(h.double.button({ user: 'hugo', customId: open.custom_id, message: h.double.originalMessage(tapped.record)!.id, dm: true }));
    expect(first.type).toBe(9);

    const final = await fillFromDm('hugo', first.body);
    const ref = Harness.refOf(final);
    const app = await h.prisma.application.findUniqueOrThrow({ where: { ref }, include: { program: true } });
    expect(app.program.workspaceId).toBe(h.double.guildId);
  });

  it('GIVEN a button whose text is not an action of mine WHEN tapped in a DM THEN the person is told it does nothing', async () => {
    const stray = await dmWith('dave', [{ label: 'Help', command: 'help' }]);
    const record = h.double.button({ user: 'dave', customId: 'amb:act:not a workspace', message: stray.id, dm: true });
    expect((await h.answerTo(record)).text).toBe("That button doesn't do anything any more.");
  });
});

/** Fills the modal steps of the standard form from the DM (Continue between them); returns the last answer. */
async function fillFromDm(user: string, modal: any): Promise<Sent> {
  let asked = 0;
  for (;;) {
    const fields = Harness.modalFields(modal);
    const values = Object.fromEntries(fields.map((f, i) => [f.custom_id, answers[asked + i] ?? '']));
    asked += fields.length;
    const submit = h.double.modalSubmit({ user, customId: modal.custom_id, values, dm: true });
    const after = await h.answerTo(submit);
    const next = after.body.components?.[0]?.components?.[0];
    if (after.type !== 4 || !next || !/^Continue/.test(next.label)) {
      await h.settle();
      return after;
    }
    expect(after.ephemeral).toBe(true);
    const shown = await h.answerTo(h.double.button({ user, customId: next.custom_id, message: h.double.originalMessage(submit)!.id, dm: true }));
    expect(shown.type).toBe(9);
    modal = shown.body;
  }
}
