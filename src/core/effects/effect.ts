// Side effects decided inside a transaction and carried out after it by the dispatcher.
// Stored as JSON in the outbox, so they survive a crash or a platform outage.
import type { OutboundMessage, Platform } from '../ports/chat-platform.js';

export type Effect =
  /** Post the application to its committee channel and seed the vote reactions. */
  | { kind: 'committee.post'; applicationId: number }
  /** Re-render the committee message (outcome and tally). */
  | { kind: 'committee.refresh'; applicationId: number }
  | { kind: 'dm'; memberId: number; message: OutboundMessage }
  | { kind: 'grant'; ambassadorId: number }
  | { kind: 'revoke'; ambassadorId: number }
  /** programId: whose staff to tell when the post fails for good. */
  | { kind: 'post'; platform: Platform; workspaceId: string; channelId: string; message: OutboundMessage; programId?: number }
  /** Remove someone's reaction; with applicationId, only if it is not their current vote when carried out. */
  | { kind: 'unreact'; platform: Platform; workspaceId: string; channelId: string; messageId: string; emoji: string; userId: string; applicationId?: number }
  /** Welcome a new ambassador in the announcement channel, unless they have opted out of being named. */
  | { kind: 'welcome.announce'; ambassadorId: number }
  /** Tell the program's staff something (by default, something to fix) where their alerts go. */
  | { kind: 'staff.alert'; programId: number; text: string; title?: string; tone?: OutboundMessage['tone'] };
