// reaction_added / reaction_removed: votes. Bolt acks Events API deliveries itself before the
// listener runs. The emoji goes to the core raw (a Slack short name); the core canonicalises it.
// Slack redelivers an event it thinks was missed (x-slack-retry-num): the core is idempotent for
// votes, and a delivery whose event_id was handled already is dropped here.
import type { App } from '@slack/bolt';
import { z } from 'zod';
import type { ListenerContext } from './context.js';

const reactionSchema = z.object({
  type: z.enum(['reaction_added', 'reaction_removed']),
  user: z.string().min(1),
  reaction: z.string().min(1),
  item: z.object({ type: z.string(), channel: z.string().optional(), ts: z.string().optional() }),
});

/** The event ids seen most recently, oldest dropped first. */
export class SeenEvents {
  private readonly ids = new Set<string>();
  constructor(private readonly max = 2000) {}

  /** True the first time an id is offered (and records it); false for a repeat. */
  firstTime(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    if (this.ids.size > this.max) this.ids.delete(this.ids.values().next().value!);
    return true;
  }

  /** Lets a redelivery through after the first attempt failed. */
  forget(id: string): void {
    this.ids.delete(id);
  }
}

export function registerEvents(app: App, ctx: ListenerContext, seen = new SeenEvents()): void {
  for (const type of ['reaction_added', 'reaction_removed'] as const) {
    app.event(type, async ({ event, body, context }) => {
      await ctx.track(type, () => handleReaction(ctx, seen, event, { eventId: body.event_id, teamId: body.team_id, retryNum: context.retryNum }));
    });
  }
}

export async function handleReaction(
  ctx: ListenerContext,
  seen: SeenEvents,
  raw: unknown,
  meta: { eventId?: string; teamId?: string; retryNum?: number },
): Promise<void> {
  const parsed = reactionSchema.safeParse(raw);
  if (!parsed.success) {
    ctx.log.warn({ event: meta.eventId }, 'Slack reaction event not understood; ignored');
    return;
  }
  const ev = parsed.data;
  if (ev.item.type !== 'message' || !ev.item.channel || !ev.item.ts) return;
  if (ev.user === ctx.botUserId()) return;
  if (meta.eventId && !seen.firstTime(meta.eventId)) {
    ctx.log.debug({ event: meta.eventId, retryNum: meta.retryNum }, 'Slack redelivered an event already handled; dropped');
    return;
  }
  const workspaceId = meta.teamId ?? ctx.teamId();
  try {
    const user = await ctx.users.ref(ev.user, workspaceId);
    if (user.isBot) return;
    await ctx.sink().reaction({
      message: { channel: { platform: 'slack', workspaceId, id: ev.item.channel }, id: ev.item.ts },
      user,
      added: ev.type === 'reaction_added',
      emoji: ev.reaction,
    });
  } catch (err) {
    if (meta.eventId) seen.forget(meta.eventId);
    throw err;
  }
}
