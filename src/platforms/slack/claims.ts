// Which request from Slack this is, as a claim key (src/core/inbound.ts): several processes may get
// the same request (Slack redelivers an event whose acknowledgement it missed, possibly to another
// process behind the same URL), and only the process whose claim lands handles it. Events carry
// their event_id; commands and interactions carry a trigger_id, unique per user action, to which a
// hash of the payload is added (a trigger is only unique per app and moment, not a contract).
import { createHash } from 'node:crypto';
import type { InboundWork } from '../../core/ports/chat-platform.js';

const hash = (body: unknown) => createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 22);

export function slackClaimKey(body: Record<string, unknown>): string | null {
  if (body.type === 'url_verification' || body.type === 'ssl_check') return null;
  if (body.type === 'event_callback' && typeof body.event_id === 'string') return `slack:event:${body.event_id}`;
  if (typeof body.command === 'string') return `slack:command:${String(body.trigger_id ?? '')}:${hash(body)}`;
  if (typeof body.type === 'string') return `slack:${body.type}:${String(body.trigger_id ?? '')}:${hash(body)}`;
  return `slack:request:${hash(body)}`;
}

/**
 * What another process needs to finish a reaction event (a vote) if this one dies after claiming it:
 * the event as the core takes it, from the request alone (the person's name is looked up later).
 * Other requests carry none: Slack has been answered, and they are not finished elsewhere.
 */
export function reactionWork(body: Record<string, unknown>, botUserId: string | undefined): InboundWork | undefined {
  const ev = body.event as { type?: unknown; user?: unknown; reaction?: unknown; item?: { type?: unknown; channel?: unknown; ts?: unknown } } | undefined;
  if (body.type !== 'event_callback' || (ev?.type !== 'reaction_added' && ev?.type !== 'reaction_removed')) return undefined;
  const { user, reaction, item } = ev;
  if (typeof user !== 'string' || user === botUserId || typeof reaction !== 'string' || item?.type !== 'message') return undefined;
  if (typeof item.channel !== 'string' || typeof item.ts !== 'string' || typeof body.team_id !== 'string') return undefined;
  const workspaceId = body.team_id;
  return {
    kind: 'reaction', platform: 'slack',
    ev: {
      message: { channel: { platform: 'slack', workspaceId, id: item.channel }, id: item.ts },
      user: { platform: 'slack', workspaceId, id: user, isBot: false },
      added: ev.type === 'reaction_added',
      emoji: reaction,
    },
  };
}
