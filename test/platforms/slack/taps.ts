// Tapping the bot's buttons through the Slack double: a signed block_actions request for a button
// of a message the bot posted, acknowledged at once; then every reply and side effect has run.
import { expect } from 'vitest';
import type { ActionsBlock } from '../../../src/platforms/slack/blocks.js';
import { blocksText } from '../../../src/platforms/slack/blocks.js';
import type { RecordedCall } from '../../doubles/slack/index.js';
import type { World } from './harness.js';

/** The buttons of a message as the double stored it. */
export function buttonsOf(blocks: readonly unknown[] | undefined): ActionsBlock['elements'] {
  return (blocks ?? []).flatMap((b) => ((b as { type?: string }).type === 'actions' ? (b as ActionsBlock).elements : []));
}

/** Taps the button labelled `label` on message `ts` in `channel`; returns the calls made meanwhile. */
export async function tap(w: World, user: string, channel: string, ts: string, label: string, value?: string): Promise<RecordedCall[]> {
  const message = w.slack.messagesIn(channel).find((m) => m.ts === ts);
  const button = buttonsOf(message?.blocks).find((b) => b.text.text === label);
  if (!button) throw new Error(`no button “${label}” on ${ts} in ${channel}: ${blocksText(message?.blocks ?? [])}`);
  const before = w.slack.calls().length;
  const res = await w.slack.blockAction({ user, channel, message_ts: ts, action_id: button.action_id, ...(value ? { value } : {}) });
  expect(res.status).toBe(200);
  expect(res.body).toBe(''); // ack() first, nothing else
  await w.settle();
  return w.slack.calls().slice(before);
}

/** The text of the messages the bot posted (chat.postMessage) among these calls, in a channel. */
export function postedIn(calls: RecordedCall[], channel: string): string[] {
  return calls.filter((c) => c.method === 'chat.postMessage' && c.response.ok === true && (c.response as { channel?: string }).channel === channel)
    .map((c) => blocksText((c.args.blocks as unknown[]) ?? []));
}
