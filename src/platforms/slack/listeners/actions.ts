// A tap on one of our buttons (block_actions, action_id amb:act:<n>): ack at once, then run the
// command the button's value names as the person who tapped, exactly as if they had typed it. The
// request was claimed before Bolt saw it (claims.ts keys it by trigger id and payload), so a
// redelivery or a double tap handled by another process runs nothing twice here.
// The answer is private: an ordinary message when the tap was in the person's DM with the bot (it
// stays there; ephemerals vanish on reload), else an ephemeral through the response_url that leaves
// the message and its buttons as they are. A form opens as a modal with the tap's trigger id.
import type { App, BlockAction, ButtonAction, RespondFn } from '@slack/bolt';
import { z } from 'zod';
import { decodeAction } from '../../../core/actions.js';
import type { ChannelRef, CommandInvocation, Reply } from '../../../core/ports/chat-platform.js';
import { actionIdPrefix } from '../blocks.js';
import { isDirectMessage, type ReplyTarget } from '../replies.js';
import type { ListenerContext } from './context.js';

const actionSchema = z.object({
  user: z.object({ id: z.string().min(1), name: z.string().optional(), username: z.string().optional(), team_id: z.string().optional() }),
  team: z.object({ id: z.string().min(1) }).nullish(),
  channel: z.object({ id: z.string().min(1) }).nullish(),
  container: z.object({ type: z.string().optional(), channel_id: z.string().optional() }).nullish(),
  trigger_id: z.string().optional(),
  actions: z.array(z.object({ action_id: z.string(), value: z.string().optional() })).min(1),
});

const prefix = new RegExp(`^${actionIdPrefix}`);

export function registerActions(app: App, ctx: ListenerContext): void {
  app.action<BlockAction<ButtonAction>>({ type: 'block_actions', action_id: prefix }, async ({ ack, body, respond }) => {
    await ack();
    await ctx.track('button', () => handleAction(ctx, body, respond));
  });
}

/** Everything after the ack. Exported so it can be driven without HTTP. */
export async function handleAction(ctx: ListenerContext, body: unknown, respond?: RespondFn): Promise<void> {
  const parsed = actionSchema.safeParse(body);
  if (!parsed.success) {
    ctx.log.warn({ issues: parsed.error.issues.map((i) => i.path.join('.')) }, 'Slack button payload not understood; ignored');
    return;
  }
  const b = parsed.data;
  const tapped = b.actions.find((a) => prefix.test(a.action_id)) ?? b.actions[0]!;
  const workspaceId = b.team?.id ?? b.user.team_id ?? ctx.teamId();
  const channelId = b.channel?.id ?? b.container?.channel_id;
  const target: ReplyTarget = {
    userId: b.user.id, channelId, respond, triggerId: b.trigger_id, workspaceId,
    fromButton: true, directMessage: isDirectMessage(channelId),
  };
  const action = decodeAction(tapped.value ?? '');
  if (!action || action.workspaceId !== workspaceId) {
    // Our prefix with a value we did not write, or a button sent to another workspace: run nothing.
    ctx.log.warn({ action: tapped.action_id, workspace: workspaceId, named: action?.workspaceId }, 'Slack button not ours to run; ignored');
    await ctx.replies.send({ kind: 'message', private: true, message: { text: 'That button does not work here.' } }, target);
    return;
  }
  const user = await ctx.users.ref(b.user.id, workspaceId, b.user.name ?? b.user.username);
  // A tap outside any conversation (a button in a modal) answers in the person's DM: their id is its address.
  const channel: ChannelRef = { platform: 'slack', workspaceId, id: channelId ?? b.user.id };
  const inv: CommandInvocation = { name: action.command, options: action.options, user, channel };
  // From memory when the core knows the answer (a form): the trigger id lasts 3 seconds.
  const reply: Reply = ctx.sink().immediate?.(inv) ?? (await ctx.sink().command(inv, ctx.claimOf(body)));
  await ctx.replies.send(reply, target);
}
