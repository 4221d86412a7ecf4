// The double's state rendered in Discord's real JSON shapes (API v10), for REST responses and
// gateway payloads alike.
import {
  GuildDefaultMessageNotifications, GuildExplicitContentFilter, GuildMFALevel, GuildNSFWLevel,
  GuildPremiumTier, GuildSystemChannelFlags, GuildVerificationLevel,
  type APIGuildMember, type APIMessage, type APIReaction, type APIRole, type APIUser,
  type GuildMemberFlags, type RoleFlags, type UserFlags,
} from 'discord-api-types/v10';
import type { StoredMessage } from './messages.js';
import type { Channel, Member, Role, User, World } from './world.js';

export function userJson(user: User): APIUser {
  return {
    id: user.id,
    username: user.username,
    discriminator: '0',
    global_name: user.globalName,
    avatar: null,
    ...(user.bot ? { bot: true } : {}),
    public_flags: 0 as UserFlags,
    flags: 0 as UserFlags,
    banner: null,
    accent_color: null,
    avatar_decoration_data: null,
  };
}

export function roleJson(role: Role): APIRole {
  return {
    id: role.id,
    name: role.name,
    color: role.color,
    colors: { primary_color: role.color, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position: role.position,
    permissions: role.permissions.toString(),
    managed: role.managed,
    mentionable: false,
    flags: 0 as RoleFlags,
  };
}

export function memberJson(world: World, member: Member): APIGuildMember {
  return {
    user: userJson(world.requireUser(member.userId)),
    nick: member.nick,
    avatar: null,
    banner: null,
    roles: [...member.roles],
    joined_at: member.joinedAt,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0 as GuildMemberFlags,
    pending: false,
    communication_disabled_until: null,
  };
}

/** A member as interactions and reaction events carry it (with permissions for interactions). */
export function memberWithPermissions(world: World, member: Member) {
  return { ...memberJson(world, member), permissions: world.permissionsOf(member.userId).toString() };
}

export function channelJson(world: World, channel: Channel): Record<string, unknown> {
  if (channel.recipientId !== undefined) {
    return {
      id: channel.id,
      type: channel.type,
      flags: 0,
      last_message_id: null,
      recipients: [userJson(world.requireUser(channel.recipientId))],
    };
  }
  return {
    id: channel.id,
    type: channel.type,
    guild_id: channel.guildId,
    name: channel.name,
    position: channel.position,
    parent_id: channel.parentId,
    topic: channel.topic,
    nsfw: false,
    flags: 0,
    last_message_id: null,
    rate_limit_per_user: 0,
    permission_overwrites: channel.overwrites,
  };
}

function reactionsJson(world: World, message: StoredMessage): APIReaction[] {
  return [...message.reactions.values()].map((r) => ({
    emoji: r.emoji,
    count: r.users.length,
    count_details: { burst: 0, normal: r.users.length },
    me: r.users.includes(world.botId),
    me_burst: false,
    burst_colors: [],
  }));
}

/**
 * A message as REST returns it; `gateway` adds guild_id and member like MESSAGE_CREATE does.
 * `created`: the answer to its create request, which (like MESSAGE_CREATE) carries the nonce sent.
 */
export function messageJson(world: World, message: StoredMessage, gateway = false, created = gateway): APIMessage & Record<string, unknown> {
  const channel = world.channels.get(message.channelId);
  const author = world.requireUser(message.authorId);
  const json: APIMessage & Record<string, unknown> = {
    id: message.id,
    channel_id: message.channelId,
    author: userJson(author),
    content: message.content,
    timestamp: message.timestamp,
    edited_timestamp: message.editedTimestamp,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: message.attachments as APIMessage['attachments'],
    embeds: message.embeds as APIMessage['embeds'],
    components: message.components as APIMessage['components'],
    pinned: false,
    type: message.type,
    flags: message.flags,
  };
  if (message.reactions.size > 0) json.reactions = reactionsJson(world, message);
  if (created && message.nonce !== undefined) json.nonce = message.nonce;
  if (message.webhookId) {
    json.webhook_id = message.webhookId;
    json.application_id = world.applicationId;
  }
  if (message.interaction) {
    const user = userJson(world.requireUser(message.interaction.userId));
    json.interaction_metadata = {
      id: message.interaction.id,
      type: message.interaction.type,
      user,
      authorizing_integration_owners: channel?.guildId ? { '0': channel.guildId } : { '1': user.id },
      ...(message.interaction.name ? { name: message.interaction.name } : {}),
    } as APIMessage['interaction_metadata'];
  }
  if (gateway && channel?.guildId) {
    json.guild_id = channel.guildId;
    const member = world.members.get(author.id);
    if (member && !message.webhookId) {
      const { user: _user, ...rest } = memberJson(world, member);
      json.member = rest;
    }
  }
  return json;
}

/** GUILD_CREATE's payload. Without the GUILD_PRESENCES intent Discord sends only the bot's member. */
export function guildCreateJson(world: World, allMembers: boolean) {
  const members = [...world.members.values()].filter((m) => allMembers || m.userId === world.botId);
  const guildChannels = [...world.channels.values()].filter((c) => c.guildId === world.guildId);
  const botMember = world.members.get(world.botId);
  return {
    id: world.guildId,
    name: world.guildName,
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: world.ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: GuildVerificationLevel.None,
    default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
    explicit_content_filter: GuildExplicitContentFilter.Disabled,
    mfa_level: GuildMFALevel.None,
    nsfw_level: GuildNSFWLevel.Default,
    premium_tier: GuildPremiumTier.None,
    premium_subscription_count: 0,
    premium_progress_bar_enabled: false,
    system_channel_id: null,
    system_channel_flags: GuildSystemChannelFlags.SuppressJoinNotifications,
    rules_channel_id: null,
    public_updates_channel_id: null,
    safety_alerts_channel_id: null,
    vanity_url_code: null,
    preferred_locale: 'en-US',
    features: [],
    application_id: null,
    max_members: 500000,
    max_video_channel_users: 25,
    max_stage_video_channel_users: 50,
    roles: [...world.roles.values()].map(roleJson),
    emojis: [...world.emojis.values()].map(emojiJson),
    stickers: [],
    joined_at: botMember?.joinedAt ?? new Date().toISOString(),
    large: false,
    unavailable: false,
    lazy: true,
    member_count: world.members.size,
    members: members.map((m) => memberJson(world, m)),
    channels: guildChannels.map((c) => channelJson(world, c)),
    threads: [],
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

/** GET /guilds/:id (no members, channels or presences). */
export function guildJson(world: World) {
  const { members: _m, channels: _c, threads: _t, presences: _p, voice_states: _v, joined_at: _j, large: _l,
    member_count: _mc, lazy: _lz, unavailable: _u, stage_instances: _s, guild_scheduled_events: _g,
    soundboard_sounds: _sb, ...rest } = guildCreateJson(world, false);
  return rest;
}

export const emojiJson = (e: { id: string; name: string; animated: boolean }) => ({
  id: e.id, name: e.name, roles: [], require_colons: true, managed: false, animated: e.animated, available: true,
});
