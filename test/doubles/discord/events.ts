// Gateway event payloads the double sends for state changes, shaped as Discord sends them.
import type { StoredMessage } from './messages.js';
import { parseEmoji } from './messages.js';
import { memberJson } from './shapes.js';
import type { World } from './world.js';

/** MESSAGE_REACTION_ADD: in a guild it carries the reacting `member` (with its user), as Discord's does. */
export function reactionAddEvent(world: World, message: StoredMessage, userId: string, rawEmoji: string) {
  const channel = world.channels.get(message.channelId);
  const member = channel?.guildId ? world.members.get(userId) : undefined;
  return {
    user_id: userId,
    channel_id: message.channelId,
    message_id: message.id,
    ...(channel?.guildId ? { guild_id: channel.guildId } : {}),
    ...(member ? { member: memberJson(world, member) } : {}),
    emoji: parseEmoji(rawEmoji).emoji,
    message_author_id: message.authorId,
    burst: false,
    burst_colors: [],
    type: 0,
  };
}

/** MESSAGE_REACTION_REMOVE: no member, as Discord sends it. */
export function reactionRemoveEvent(world: World, message: StoredMessage, userId: string, rawEmoji: string) {
  const channel = world.channels.get(message.channelId);
  return {
    user_id: userId,
    channel_id: message.channelId,
    message_id: message.id,
    ...(channel?.guildId ? { guild_id: channel.guildId } : {}),
    emoji: parseEmoji(rawEmoji).emoji,
    burst: false,
    type: 0,
  };
}

/** GUILD_MEMBER_UPDATE after a role change. */
export function memberUpdateEvent(world: World, userId: string) {
  const member = world.members.get(userId);
  if (!member) return undefined;
  return { guild_id: world.guildId, ...memberJson(world, member) };
}
