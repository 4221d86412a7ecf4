// reaction_added / reaction_removed: votes. Bolt acks Events API deliveries itself before the
// listener runs. The emoji goes to the core raw (a Slack short name); the core canonicalises it.
// Slack redelivers an event it thinks was missed (x-slack-retry-num): the adapter claims every
// request by its event_id in the database before Bolt sees it (claims.ts), so a redelivery, to this
// process or another, is dropped there; the core is idempotent for votes besides.
import type { App } from '@slack/bolt';
import { z } from 'zod';
import type { ListenerContext } from './context.js';

const reactionSchema = z.object({
  type: z.enum(['reaction_added', 'reaction_removed']),
  user: z.string().min(1),
  reaction: z.string().min(1),
  item: z.object({ type: z.string(), channel: z.string().optional(), ts: z.string().optional() }),
});

export function registerEvents(app: App, ctx: ListenerContext): void {
  for (const type of ['reaction_added', 'reaction_removed'] as const) {
    app.event(type, async ({ event, body }) => {
      await ctx.track(type, () => handleReaction(ctx, event, { eventId: body.event_id, teamId: body.team_id, claim: ctx.claimOf(body) }));
    });
  }
}

export async function handleReaction(
  ctx: ListenerContext,
  raw: unknown,
  meta: { eventId?: string; teamId?: string; claim?: string },
): Promise<void> {
  const parsed = reactionSchema.safeParse(raw);
  if (!parsed.success) {
    ctx.log.warn({ event: meta.eventId }, 'Slack reaction event not understood; ignored');
    return;
  }
  const ev = parsed.data;
  if (ev.item.type !== 'message' || !ev.item.channel || !ev.item.ts) return;
  if (ev.user === ctx.botUserId()) return;
  const workspaceId = meta.teamId ?? ctx.teamId();
  const user = await ctx.users.ref(ev.user, workspaceId);
  if (user.isBot) return;
  await ctx.sink().reaction({
    message: { channel: { platform: 'slack', workspaceId, id: ev.item.channel }, id: ev.item.ts },
    user,
    added: ev.type === 'reaction_added',
    emoji: ev.reaction,
  }, meta.claim);
}
