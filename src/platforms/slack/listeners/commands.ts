// `/ambassador <subcommand> …`: ack at once (an empty 200), then parse, ask the core and reply
// through the response_url (private or in channel) or open the form with the trigger id.
import type { App, RespondFn, SlashCommand } from '@slack/bolt';
import { z } from 'zod';
import type { ChannelRef, Reply } from '../../../core/ports/chat-platform.js';
import { slashCommand } from '../mrkdwn.js';
import { parseCommandText } from '../parse.js';
import type { ListenerContext } from './context.js';

const commandSchema = z.object({
  user_id: z.string().min(1),
  user_name: z.string().optional(),
  channel_id: z.string().min(1),
  team_id: z.string().optional(),
  text: z.string().default(''),
  trigger_id: z.string().optional(),
});

export function registerCommands(app: App, ctx: ListenerContext): void {
  app.command(slashCommand, async ({ command, ack, respond }) => {
    await ack();
    await ctx.track('slash command', () => handleCommand(ctx, command, respond));
  });
}

/** Everything after the ack. Exported so it can be driven without HTTP. */
export async function handleCommand(ctx: ListenerContext, command: SlashCommand, respond: RespondFn): Promise<void> {
  const parsed = commandSchema.safeParse(command);
  if (!parsed.success) {
    ctx.log.warn({ issues: parsed.error.issues.map((i) => i.path.join('.')) }, 'Slack slash command payload not understood; ignored');
    return;
  }
  const c = parsed.data;
  const workspaceId = c.team_id ?? ctx.teamId();
  const user = await ctx.users.ref(c.user_id, workspaceId, c.user_name);
  const channel: ChannelRef = { platform: 'slack', workspaceId, id: c.channel_id };
  const target = { userId: c.user_id, channelId: c.channel_id, respond, triggerId: c.trigger_id, workspaceId };
  const input = parseCommandText(c.text, ctx.commands);
  let reply: Reply;
  switch (input.kind) {
    case 'error':
      reply = { kind: 'message', private: true, message: { text: `${input.message}\nSee /help for the commands.` } };
      break;
    case 'help': {
      const help = await ctx.sink().command({ name: 'help', options: {}, user, channel });
      reply = input.unknown && help.kind === 'message'
        ? { ...help, message: { ...help.message, text: `I don't know “${slashCommand} ${input.unknown}”. Here is what I can do:\n\n${help.message.text}` } }
        : help;
      break;
    }
    case 'command': {
      const inv = { name: input.name, options: input.options, names: await mentionedNames(ctx, input.mentions, workspaceId), user, channel };
      // From memory when the core knows the answer (/ambassador apply's form): the trigger id is fresh.
      reply = ctx.sink().immediate?.(inv) ?? (await ctx.sink().command(inv, ctx.claimOf(command)));
      break;
    }
  }
  await ctx.replies.send(reply, target);
}

/**
 * Display names of the people a command mentions, so the core stores and shows names, never raw ids:
 * Slack's profile name (users.info, cached), else the name inside the mention (<@U1|ada>, Slack's
 * legacy username, which may be stale).
 */
export async function mentionedNames(ctx: ListenerContext, mentions: Record<string, string | undefined>, workspaceId: string): Promise<Record<string, string>> {
  const ids = Object.keys(mentions).filter((id) => /^[UW][A-Z0-9]+$/.test(id));
  const refs = await Promise.all(ids.map((id) => ctx.users.ref(id, workspaceId, mentions[id])));
  return Object.fromEntries(refs.filter((r) => r.name).map((r) => [r.id, r.name!]));
}
