// Which request from Slack this is, as a claim key (src/core/inbound.ts): several processes may get
// the same request (Slack redelivers an event whose acknowledgement it missed, possibly to another
// process behind the same URL), and only the process whose claim lands handles it. Events carry
// their event_id; commands and interactions carry a trigger_id, unique per user action, to which a
// hash of the payload is added (a trigger is only unique per app and moment, not a contract).
import { createHash } from 'node:crypto';
import type { ReceiverEvent } from '@slack/bolt';
import type { Logger } from '../../logger.js';
import type { InboundSink, InboundWork } from '../../core/ports/chat-platform.js';

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
 * Other requests are stored whole (see RequestClaims.handle).
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

/** Claims every request before Bolt sees it, and remembers the claim of each request this process holds. */
export class RequestClaims {
  /** By request body: the listeners pass the key to the core, which settles it with the work's changes. */
  private readonly keys = new WeakMap<object, string>();

  constructor(
    private readonly sink: () => InboundSink | undefined,
    private readonly botUserId: () => string | undefined,
    private readonly log: Logger,
  ) {}

  keyOf(body: unknown): string | undefined {
    return body && typeof body === 'object' ? this.keys.get(body) : undefined;
  }

  /** Bolt's processEvent, behind the claim. The loser acknowledges the request, silently, and does nothing else. */
  async handle(event: ReceiverEvent, processEvent: (e: ReceiverEvent) => Promise<void>): Promise<void> {
    const body = event.body as Record<string, unknown>;
    const key = slackClaimKey(body);
    const sink = this.sink();
    if (!key || !sink?.claim) return processEvent(event);
    // What another process needs to finish it: the vote, or the request itself (handled again there;
    // the answer goes to its response_url, valid for 30 minutes from any process).
    const work = reactionWork(body, this.botUserId()) ?? { kind: 'request' as const, platform: 'slack' as const, body };
    if (!(await sink.claim({ key, work }))) {
      this.log.debug({ retryNum: event.retryNum }, 'another process has this Slack request; acknowledged and left to it');
      await event.ack();
      return;
    }
    this.keys.set(body, key);
    await processEvent(event);
    await sink.done?.(key); // also when no core call settled it (help, a form from memory)
  }

  /** A request another process claimed and died on, handled here under its claim (Slack was answered long ago). */
  async redo(key: string, body: unknown, processEvent: (e: ReceiverEvent) => Promise<void>): Promise<void> {
    if (!body || typeof body !== 'object') return;
    this.keys.set(body, key);
    await processEvent({ body: body as Record<string, unknown>, ack: async () => undefined });
    await this.sink()?.done?.(key);
  }
}
