// One-tap buttons on Slack, end to end: real app, real Bolt, the Slack double. A message's actions
// become an actions block; a tap runs its command as the person who tapped, answered privately.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { encodeAction } from '../../../src/core/actions.js';
import type { MessageAction, UserRef } from '../../../src/core/ports/chat-platform.js';
import { limits, renderMessage } from '../../../src/platforms/slack/blocks.js';
import { messageProblems } from '../../doubles/slack/block-kit.js';
import { ADA, BOB, COMMITTEE, LOUNGE, dropTemplate, setUpProgram, startWorld, type World } from './harness.js';
import { buttonsOf, postedIn, tap } from './taps.js';

const helpApply: MessageAction = { label: 'How do I apply?', command: 'help', options: { command: 'apply' }, style: 'primary' };
const about: MessageAction = { label: 'About', command: 'about' };

describe('Block Kit buttons', () => {
  it('GIVEN a long message with buttons WHEN rendered THEN the cap cuts the text, never the buttons, and a missing workspace fails loudly', () => {
    const msg = renderMessage({ text: 'x', fields: Array.from({ length: 80 }, (_, i) => ({ name: `Q${i}`, value: 'a' })), actions: [about] }, [], 'T0TEAM');
    expect(msg.blocks).toHaveLength(limits.blocksPerMessage);
    expect(msg.blocks.at(-1)).toMatchObject({ type: 'actions', elements: [{ value: 'amb:act:T0TEAM:about:' }] });
    expect(JSON.stringify(msg.blocks.at(-2))).toContain('did not fit');
    expect(messageProblems({ blocks: msg.blocks })).toEqual([]);
    expect(() => renderMessage({ text: 'x', actions: [about] })).toThrow(/workspace/);
  });
});

describe('Slack adapter: one-tap buttons', { timeout: 30_000 }, () => {
  let w: World | undefined;
  afterAll(dropTemplate, 30_000);
  afterEach(async () => {
    await w?.close();
    w = undefined;
  });

  const person = (id: string): UserRef => ({ platform: 'slack', workspaceId: w!.slack.team.id, id, isBot: false });
  const lounge = () => ({ platform: 'slack' as const, workspaceId: w!.slack.team.id, id: LOUNGE });
  /** DMs a message with these buttons; returns the DM channel and the message's ts. */
  const dmWithButtons = async (user: string, actions: MessageAction[]) => {
    await w!.adapter.dm(person(user), { text: 'Pick one', actions });
    const dm = w!.slack.dmWith(user)!;
    return { dm, ts: w!.slack.messagesIn(dm).at(-1)!.ts };
  };

  it('GIVEN a message with actions WHEN posted, DMed and edited THEN each carries one actions block of buttons Slack accepts', async () => {
    w = await startWorld();
    const team = w.slack.team.id;
    const long: MessageAction = { label: 'L'.repeat(90), command: 'help' };

    const ref = await w.adapter.post(lounge(), { title: 'Hello', text: 'Try these', actions: [helpApply, about, long] });
    await w.adapter.dm(person(ADA), { text: 'Just for you', actions: [about] });
    await w.adapter.edit(ref, { text: 'Edited', actions: [about] });

    const [post, dm] = w.slack.calls('chat.postMessage');
    expect(post!.response.ok).toBe(true);
    const block = (post!.args.blocks as Array<{ type: string }>).at(-1);
    expect(block).toEqual({
      type: 'actions',
      block_id: 'amb:actions',
      elements: [
        { type: 'button', action_id: 'amb:act:0', text: { type: 'plain_text', text: 'How do I apply?', emoji: true }, value: encodeAction(team, helpApply), style: 'primary' },
        { type: 'button', action_id: 'amb:act:1', text: { type: 'plain_text', text: 'About', emoji: true }, value: encodeAction(team, about) },
        { type: 'button', action_id: 'amb:act:2', text: { type: 'plain_text', text: `${'L'.repeat(74)}…`, emoji: true }, value: encodeAction(team, long) },
      ],
    });
    expect(dm!.args.channel).toBe(w.slack.dmWith(ADA));
    expect(buttonsOf(dm!.args.blocks as unknown[]).map((b) => [b.action_id, b.text.text, b.value])).toEqual([['amb:act:0', 'About', encodeAction(team, about)]]);
    expect(buttonsOf(w.slack.messagesIn(LOUNGE).find((m) => m.ts === ref.id)!.blocks).map((b) => b.text.text)).toEqual(['About']);
    expect(w.slack.calls().filter((c) => c.response.ok === false)).toEqual([]);
  });

  it('GIVEN a button in a DM WHEN the person taps it THEN the core runs that command with its options and the answer is an ordinary message in that DM', async () => {
    w = await startWorld();
    const { dm, ts } = await dmWithButtons(ADA, [helpApply, about]);

    const calls = await tap(w, ADA, dm, ts, 'How do I apply?');

    const [answer, ...more] = postedIn(calls, dm);
    expect(more).toEqual([]);
    expect(answer).toContain('*/ambassador apply*');
    expect(answer).toContain('Who can use it: anyone.');
    expect(calls.filter((c) => c.method === 'response_url' || c.method === 'chat.postEphemeral')).toEqual([]);
    expect(w.slack.messagesIn(dm).find((m) => m.ts === ts)?.blocks).toEqual(w.slack.calls('chat.postMessage')[0]!.args.blocks); // the buttons stay
  });

  it('GIVEN a button on a channel post WHEN someone taps it THEN only they see the answer, under the post, which stays as it was', async () => {
    w = await startWorld();
    const ref = await w.adapter.post(lounge(), { text: 'Curious?', actions: [helpApply] });

    const calls = await tap(w, BOB, LOUNGE, ref.id, 'How do I apply?');

    const answer = calls.find((c) => c.method === 'response_url')!;
    expect(answer.status).toBe(200);
    expect(answer.args).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(JSON.stringify(answer.args.blocks)).toContain('Who can use it: anyone.');
    expect(w.slack.messagesIn(LOUNGE).map((m) => m.ts)).toEqual([ref.id]);
  });

  it('GIVEN a tap whose value names another workspace WHEN it arrives THEN nothing runs and the person is told', async () => {
    w = await startWorld();
    const { dm, ts } = await dmWithButtons(ADA, [about]);

    const calls = await tap(w, ADA, dm, ts, 'About', encodeAction('T0ELSEWHERE', { label: 'x', command: 'help' }));

    expect(postedIn(calls, dm)).toEqual(['That button does not work here.']);
  });

  it('GIVEN an Apply button in a DM WHEN tapped THEN the form opens with the tap’s trigger, and submitting it files the application with a receipt in the DM', async () => {
    w = await startWorld();
    await setUpProgram(w);
    const { dm, ts } = await dmWithButtons(ADA, [{ label: 'Apply', command: 'apply', style: 'primary' }]);

    const calls = await tap(w, ADA, dm, ts, 'Apply');

    const open = calls.find((c) => c.method === 'views.open')!;
    expect(open.response.ok).toBe(true);
    const view = (open.response as { view: { id: string; title: { text: string }; private_metadata: string; blocks: Array<{ type: string; block_id: string }> } }).view;
    expect(view.title.text).toBe('Apply: Campus Crew');
    expect(JSON.parse(view.private_metadata)).toMatchObject({ f: expect.stringMatching(/^apply:/), c: dm });
    const inputs = view.blocks.filter((b) => b.type === 'input').map((b) => b.block_id);

    const before = w.slack.calls().length;
    const res = await w.slack.viewSubmission({ view_id: view.id, user: ADA, inputs: { [inputs[0]!]: 'Because water is life.', [inputs[1]!]: 'Lyon' } });
    await w.settle();

    expect(res.status).toBe(200);
    expect((await w.application(ADA))?.status).toBe('voting');
    expect(postedIn(w.slack.calls().slice(before), dm).join('\n')).toContain('Your application to Campus Crew is in');
    expect(w.slack.messagesIn(COMMITTEE)).toHaveLength(1);
  });
});
