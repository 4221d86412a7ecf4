// Reactions: live MESSAGE_REACTION_ADD/REMOVE events into the core, and reading every reaction on a
// message back (the core's catch-up after downtime). Events on one message are handled in order, so
// an add followed quickly by a remove can't be applied backwards.
import type { Client, Guild, GuildMember, MessageReaction, PartialMessageReaction, PartialUser, User } from 'discord.js';
import type { Logger } from 'pino';
import { PlatformError, type InboundSink, type MessageRef, type ReactionEvent, type UserRef } from '../../core/ports/chat-platform.js';
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

export interface ReactionDeps {
  client: Client<true>;
  sink: InboundSink;
  log: Logger;
}

/**
 * Claims a live reaction event for this process (every gateway session gets it without sharding).
 * A reaction has no id: its key is the message, the person and the emoji, and the variant (add or
 * remove) tells a new event from a copy; the same variant again within a minute is a copy. Resolves
 * with the claim's key, null when another process has the event (or it is a bot's, or not in a server).
 */
export async function claimReaction(d: ReactionDeps, reaction: MessageReaction | PartialMessageReaction, user: User | PartialUser, added: boolean): Promise<string | null | undefined> {
  const { guildId, channelId, id } = reaction.message;
  if (!guildId || user.id === d.client.user.id || user.bot) return null;
  if (!d.sink.claim) return undefined;
  const emoji = emojiKey(reaction.emoji);
  const key = `discord:reaction:${id}:${user.id}:${emoji}`;
  // What another process needs to finish it, from what the event carries (partials completed later).
  const member = d.client.guilds.cache.get(guildId)?.members.cache.get(user.id);
  const ev: ReactionEvent = {
    message: { channel: { platform: 'discord', workspaceId: guildId, id: channelId }, id },
    user: user.partial ? { platform: 'discord', workspaceId: guildId, id: user.id, ...(member ? { name: member.displayName } : {}), isBot: false } : userRef(guildId, user, member),
    added,
    emoji,
  };
  const mine = await d.sink.claim({ key, variant: added ? 'add' : 'remove', repeatAfterMs: 60_000, work: { kind: 'reaction', platform: 'discord', ev } });
  if (!mine) d.log.debug({ message: id, user: user.id, added }, 'another process has this reaction event');
  return mine ? key : null;
}

/** One live reaction event: the bot's own and other bots' are dropped; partials are completed first. */
export async function onReaction(d: ReactionDeps, reaction: MessageReaction | PartialMessageReaction, rawUser: User | PartialUser, added: boolean, claim?: string): Promise<void> {
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
  }, claim);
}

/** Every reaction on a message, bots excluded, with each person's display name where known. */
export async function readReactions(client: Client<true>, ref: MessageRef): Promise<Array<{ user: UserRef; emoji: string }>> {
  const channel = client.channels.cache.get(ref.channel.id) ?? (await client.channels.fetch(ref.channel.id));
  // Only what the platform positively shows may withdraw a vote: a channel without messages is unreadable, not empty.
  if (!channel?.isTextBased()) throw new PlatformError('not_found', `<#${ref.channel.id}> has no messages I can read`);
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
