// What the listeners share with the adapter: the core's sink, who the bot is, and the helpers
// that look people up and send replies. Listeners ack() first, then do their work inside track(),
// so stop() (and tests) can wait until every request has been fully handled.
import type { Command } from '../../../core/commands/define.js';
import type { Logger } from '../../../logger.js';
import type { InboundSink } from '../../../core/ports/chat-platform.js';
import type { ReplySender } from '../replies.js';
import type { UserDirectory } from '../users.js';

export interface ListenerContext {
  sink(): InboundSink;
  log: Logger;
  commands: readonly Command[];
  users: UserDirectory;
  replies: ReplySender;
  botUserId(): string | undefined;
  /** The workspace (team) the bot is installed in; inbound payloads carry theirs too. */
  teamId(): string;
  /** Runs work after the ack, counted as in flight until it settles; never rejects. */
  track(what: string, work: () => Promise<void>): Promise<void>;
  /** The claim key of the request this body came in (the core settles it with the work's changes). */
  claimOf(body: unknown): string | undefined;
}
