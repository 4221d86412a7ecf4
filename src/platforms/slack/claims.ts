// Which request from Slack this is, as a claim key (src/core/inbound.ts): several processes may get
// the same request (Slack redelivers an event whose acknowledgement it missed, possibly to another
// process behind the same URL), and only the process whose claim lands handles it. Events carry
// their event_id; commands and interactions carry a trigger_id, unique per user action, to which a
// hash of the payload is added (a trigger is only unique per app and moment, not a contract).
import { createHash } from 'node:crypto';

const hash = (body: unknown) => createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 22);

export function slackClaimKey(body: Record<string, unknown>): string | null {
  if (body.type === 'url_verification' || body.type === 'ssl_check') return null;
  if (body.type === 'event_callback' && typeof body.event_id === 'string') return `slack:event:${body.event_id}`;
  if (typeof body.command === 'string') return `slack:command:${String(body.trigger_id ?? '')}:${hash(body)}`;
  if (typeof body.type === 'string') return `slack:${body.type}:${String(body.trigger_id ?? '')}:${hash(body)}`;
  return `slack:request:${hash(body)}`;
}
