// Reactions: live MESSAGE_REACTION_ADD/REMOVE events into the core, reading every reaction on a
// message back (catch-up), and replaying what happened while the bot was offline. Events on one
// message are handled in order, so an add followed quickly by a remove can't be applied backwards.
import type { Client, Guild, GuildMember, MessageReaction, PartialMessageReaction, PartialUser, User } from 'discord.js';
import type { Logger } from 'pino';
import type { InboundSink, MessageRef, UserRef } from '../../core/ports/chat-platform.js';
import { canonicalEmoji } from '../../core/voting/emoji.js';
import { userRef } from './users.js';

/** Emoji as the core and the reaction routes name them: the unicode itself, or 'name:id' for a custom emoji. */
export const emojiKey = (emoji: { id: string | null; name: string | null }): string => (emoji.id ? `${emoji.name ?? '_'}:${emoji.id}` : emoji.name ?? '');

/** The emoji as it goes into a reaction route: custom emoji as 'name:id', unicode percent-encoded. */
export function routeEmoji(emoji: string): string {
  const custom = /^<?a?:?([\w~-]+):(\d{5,})>?$/.exec(emoji.trim());
  return custom ? `${custom[1]}:${custom[2]}` : encodeURIComponent(emoji.trim());
}

/** Runs tasks one after another per key (a message), concurrently across keys. */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<void>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.then(() => undefined, () => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}

async function memberOf(guild: Guild | undefined, userId: string): Promise<GuildMember | undefined> {
  if (!guild) return undefined;
  return guild.members.cache.get(userId) ?? (await guild.members.fetch(userId).catch(() => undefined));
}

/** A person by id, with their current name (member, else account), for events that carry only an id. */
export async function refForId(client: Client<true>, guildId: string, userId: string): Promise<UserRef | undefined> {
  const guild = client.guilds.cache.get(guildId);
  const member = await memberOf(guild, userId);
  const user = member?.user ?? (await client.users.fetch(userId).catch(() => undefined));
  return user ? userRef(guildId, user, member) : undefined;
}

export interface ReactionDeps {
  client: Client<true>;
  sink: InboundSink;
  log: Logger;
}

/** One live reaction event: the bot's own and other bots' are dropped; partials are completed first. */
export async function onReaction(d: ReactionDeps, reaction: MessageReaction | PartialMessageReaction, rawUser: User | PartialUser, added: boolean): Promise<void> {
  if (rawUser.id === d.client.user.id) return;
  const { guildId, channelId, id } = reaction.message;
  if (!guildId) return; // a reaction in DMs is never a vote
  const user = rawUser.partial ? await rawUser.fetch().catch(() => rawUser) : rawUser;
  if (user.bot) return;
  const member = await memberOf(d.client.guilds.cache.get(guildId), user.id);
  await d.sink.reaction({
    message: { channel: { platform: 'discord', workspaceId: guildId, id: channelId }, id },
    user: userRef(guildId, user, member),
    added,
    emoji: emojiKey(reaction.emoji),
  });
}

/** Every reaction on a message, bots excluded, with each person's display name where known. */
export async function readReactions(client: Client<true>, ref: MessageRef): Promise<Array<{ user: UserRef; emoji: string }>> {
  const channel = client.channels.cache.get(ref.channel.id) ?? (await client.channels.fetch(ref.channel.id));
  if (!channel?.isTextBased()) return [];
  const message = await channel.messages.fetch({ message: ref.id, force: true });
  const found: Array<{ user: User; emoji: string }> = [];
  for (const reaction of message.reactions.cache.values()) {
    const emoji = emojiKey(reaction.emoji);
    for (let after: string | undefined; ;) {
      const page = await reaction.users.fetch({ limit: 100, ...(after ? { after } : {}) });
      for (const user of page.values()) if (!user.bot) found.push({ user, emoji });
      if (page.size < 100) break;
      after = page.lastKey();
    }
  }
  const guild = message.guild ?? client.guilds.cache.get(ref.channel.workspaceId);
  const missing = [...new Set(found.map((f) => f.user.id))].filter((id) => !guild?.members.cache.has(id));
  if (guild && missing.length) await guild.members.fetch({ user: missing }).catch(() => undefined); // names; leavers stay unnamed members
  return found.map(({ user, emoji }) => ({ user: userRef(ref.channel.workspaceId, user, guild?.members.cache.get(user.id)), emoji }));
}

/** An open application's committee message, with the votes the core has recorded (to spot removals). */
export interface OpenMessage {
  message: MessageRef;
  votes?: Array<{ userId: string; emoji: string }>;
}

export interface ReconcileResult {
  messages: number;
  replayed: number;
  withdrawn: number;
  unreadable: number;
}

/**
 * Replays reactions into the core for messages whose reactions may have changed while the bot was
 * offline. With `votes`, a recorded vote whose reaction is gone is replayed as a removal (first, so
 * a withdrawn vote can't tip a decision); every present reaction is replayed as an addition. The
 * core ignores what it already knows, so replaying is safe.
 */
export async function reconcile(
  d: ReactionDeps & { queue: KeyedQueue; read: (ref: MessageRef) => Promise<Array<{ user: UserRef; emoji: string }>> },
  items: ReadonlyArray<MessageRef | OpenMessage>,
): Promise<ReconcileResult> {
  const result: ReconcileResult = { messages: 0, replayed: 0, withdrawn: 0, unreadable: 0 };
  for (const item of items) {
    const open: OpenMessage = 'message' in item ? item : { message: item };
    const ref = open.message;
    await d.queue.run(ref.id, async () => {
      let present: Array<{ user: UserRef; emoji: string }>;
      try {
        present = await d.read(ref);
      } catch (err) {
        result.unreadable++;
        d.log.warn({ err, channel: ref.channel.id, message: ref.id }, 'catch-up: could not read the reactions on a committee message');
        return;
      }
      result.messages++;
      const has = new Set(present.map((p) => `${p.user.id} ${canonicalEmoji(p.emoji)}`));
      for (const vote of open.votes ?? []) {
        if (has.has(`${vote.userId} ${canonicalEmoji(vote.emoji)}`)) continue;
        const user = (await refForId(d.client, ref.channel.workspaceId, vote.userId)) ?? { platform: 'discord', workspaceId: ref.channel.workspaceId, id: vote.userId, isBot: false };
        await d.sink.reaction({ message: ref, user, added: false, emoji: vote.emoji });
        result.withdrawn++;
      }
      for (const { user, emoji } of present) {
        await d.sink.reaction({ message: ref, user, added: true, emoji });
        result.replayed++;
      }
    });
  }
  return result;
}
