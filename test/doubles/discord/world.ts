// The double's state: one guild with its roles, channels and members, users, DM channels, and the
// seeds tests start from. Messages, reactions and interactions live in messages.ts.
import { ChannelType, PermissionFlagsBits as P, type APIOverwrite } from 'discord-api-types/v10';
import { snowflake } from './snowflake.js';

export interface UserSeed {
  id?: string;
  username: string;
  bot?: boolean;
  globalName?: string;
}

export interface MemberSeed extends UserSeed {
  /** Role names or ids. @everyone is implied. */
  roles?: string[];
  nick?: string;
  joinedAt?: Date;
}

export interface RoleSeed {
  id?: string;
  name: string;
  position: number;
  permissions?: bigint;
  /** Managed roles are integration roles; the bot member gets every managed role by default. */
  managed?: boolean;
  color?: number;
}

export interface ChannelSeed {
  id?: string;
  name: string;
  type?: ChannelType;
  /** Name or id of a category channel. */
  parent?: string;
  topic?: string;
  permissionOverwrites?: APIOverwrite[];
}

export interface WorldOptions {
  /** Also the bot user's id unless `bot.id` is given (true of every application made since 2022). */
  applicationId?: string;
  bot?: { id?: string; username?: string; roles?: string[] };
  guild?: { id?: string; name?: string; ownerId?: string };
  /** Replaces the default roles. @everyone (id = guild id) is added when missing. */
  roles?: RoleSeed[];
  /** Replaces the default channels ('general', 'committee'). */
  channels?: ChannelSeed[];
  /** Replaces the default members ('owner', 'alice', 'bob'); the bot member is always added. */
  members?: MemberSeed[];
  /** Ids of users whose DMs are closed: posting to their DM channel answers 403 / 50007. */
  closedDms?: string[];
  /** Granting a role at or above the bot's highest role answers 403 / 50013, like Discord. Default true. */
  enforceRoleHierarchy?: boolean;
}

export interface User {
  id: string;
  username: string;
  bot: boolean;
  globalName: string | null;
}
export interface Role {
  id: string;
  name: string;
  position: number;
  permissions: bigint;
  managed: boolean;
  color: number;
}
export interface Channel {
  id: string;
  type: ChannelType;
  name: string | null;
  guildId: string | null;
  parentId: string | null;
  topic: string | null;
  position: number;
  overwrites: APIOverwrite[];
  /** DM channels only. */
  recipientId?: string;
}
export interface Member {
  userId: string;
  roles: string[];
  nick: string | null;
  joinedAt: string;
}

const EVERYONE = P.ViewChannel | P.SendMessages | P.ReadMessageHistory | P.AddReactions | P.EmbedLinks |
  P.AttachFiles | P.UseApplicationCommands | P.UseExternalEmojis | P.ChangeNickname | P.CreateInstantInvite;
const BOT = EVERYONE | P.ManageRoles | P.ManageMessages | P.SendMessagesInThreads;
const ALL = Object.values(P).reduce((a, b) => a | b, 0n);

const DEFAULT_ROLES: RoleSeed[] = [
  { name: 'Ambassador', position: 1, color: 0x2ecc71 },
  { name: 'Ambassador Bot', position: 2, permissions: BOT, managed: true },
  { name: 'Staff', position: 3, permissions: P.ManageGuild | P.ManageRoles, color: 0x3498db },
];
const DEFAULT_CHANNELS: ChannelSeed[] = [{ name: 'general' }, { name: 'committee' }];
const DEFAULT_MEMBERS: MemberSeed[] = [
  { username: 'owner', roles: ['Staff'] },
  { username: 'alice' },
  { username: 'bob' },
];

export class World {
  readonly applicationId: string;
  readonly botId: string;
  readonly guildId: string;
  readonly guildName: string;
  readonly ownerId: string;
  enforceRoleHierarchy: boolean;
  readonly closedDms: Set<string>;
  readonly users = new Map<string, User>();
  readonly roles = new Map<string, Role>();
  readonly channels = new Map<string, Channel>();
  /** The server's custom emoji, by id. */
  readonly emojis = new Map<string, { id: string; name: string; animated: boolean }>();
  readonly members = new Map<string, Member>();
  private readonly dmByUser = new Map<string, string>();

  constructor(options: WorldOptions = {}) {
    this.applicationId = options.applicationId ?? snowflake();
    this.botId = options.bot?.id ?? this.applicationId;
    this.guildId = options.guild?.id ?? snowflake();
    this.guildName = options.guild?.name ?? 'Ambassador Test Guild';
    this.enforceRoleHierarchy = options.enforceRoleHierarchy ?? true;
    this.closedDms = new Set(options.closedDms ?? []);

    const roleSeeds = options.roles ?? DEFAULT_ROLES;
    if (!roleSeeds.some((r) => r.name === '@everyone')) this.addRole({ id: this.guildId, name: '@everyone', position: 0, permissions: EVERYONE });
    for (const seed of roleSeeds) this.addRole(seed);

    for (const seed of options.channels ?? DEFAULT_CHANNELS) this.addChannel(seed);

    const botRoles = options.bot?.roles ?? [...this.roles.values()].filter((r) => r.managed).map((r) => r.id);
    this.addMember({ id: this.botId, username: options.bot?.username ?? 'Ambassador', bot: true, roles: botRoles });
    const memberSeeds = options.members ?? DEFAULT_MEMBERS;
    const added = memberSeeds.map((seed) => this.addMember(seed));
    this.ownerId = options.guild?.ownerId ?? added[0]?.userId ?? this.botId;
  }

  get bot(): User {
    return this.requireUser(this.botId);
  }

  addUser(seed: UserSeed): User {
    const user: User = { id: seed.id ?? snowflake(), username: seed.username, bot: seed.bot ?? false, globalName: seed.globalName ?? null };
    this.users.set(user.id, user);
    return user;
  }

  addMember(seed: MemberSeed): Member {
    const user = (seed.id && this.users.get(seed.id)) || this.addUser(seed);
    const member: Member = {
      userId: user.id,
      roles: (seed.roles ?? []).map((r) => this.requireRole(r).id).filter((id) => id !== this.guildId),
      nick: seed.nick ?? null,
      joinedAt: (seed.joinedAt ?? new Date()).toISOString(),
    };
    this.members.set(user.id, member);
    return member;
  }

  addEmoji(name: string, id = snowflake()): { id: string; name: string; animated: boolean } {
    const emoji = { id, name, animated: false };
    this.emojis.set(id, emoji);
    return emoji;
  }

  /** The member leaves the guild; the user still exists (DMs, mentions). */
  removeMember(userId: string): void {
    this.members.delete(userId);
  }

  addRole(seed: RoleSeed): Role {
    const role: Role = {
      id: seed.id ?? snowflake(),
      name: seed.name,
      position: seed.position,
      permissions: seed.permissions ?? 0n,
      managed: seed.managed ?? false,
      color: seed.color ?? 0,
    };
    this.roles.set(role.id, role);
    return role;
  }

  addChannel(seed: ChannelSeed): Channel {
    const parent = seed.parent ? this.requireChannel(seed.parent) : null;
    const channel: Channel = {
      id: seed.id ?? snowflake(),
      type: seed.type ?? ChannelType.GuildText,
      name: seed.name,
      guildId: this.guildId,
      parentId: parent?.id ?? null,
      topic: seed.topic ?? null,
      position: [...this.channels.values()].filter((c) => c.guildId).length,
      overwrites: seed.permissionOverwrites ?? [],
    };
    this.channels.set(channel.id, channel);
    return channel;
  }

  /** The DM channel with a user, created on first use like POST /users/@me/channels. */
  dmChannelFor(userId: string): Channel {
    const existing = this.dmByUser.get(userId);
    if (existing) return this.channels.get(existing)!;
    const channel: Channel = {
      id: snowflake(), type: ChannelType.DM, name: null, guildId: null, parentId: null, topic: null,
      position: 0, overwrites: [], recipientId: userId,
    };
    this.channels.set(channel.id, channel);
    this.dmByUser.set(userId, channel.id);
    return channel;
  }

  // ---- look-ups by name or id ------------------------------------------------------------------

  findUser(nameOrId: string): User | undefined {
    return this.users.get(nameOrId) ?? [...this.users.values()].find((u) => u.username === nameOrId);
  }
  requireUser(nameOrId: string): User {
    return must(this.findUser(nameOrId), `user ${nameOrId}`);
  }
  findRole(nameOrId: string): Role | undefined {
    return this.roles.get(nameOrId) ?? [...this.roles.values()].find((r) => r.name === nameOrId);
  }
  requireRole(nameOrId: string): Role {
    return must(this.findRole(nameOrId), `role ${nameOrId}`);
  }
  findChannel(nameOrId: string): Channel | undefined {
    return this.channels.get(nameOrId) ?? [...this.channels.values()].find((c) => c.name === nameOrId);
  }
  requireChannel(nameOrId: string): Channel {
    return must(this.findChannel(nameOrId), `channel ${nameOrId}`);
  }

  // ---- permissions -----------------------------------------------------------------------------

  /** Guild-level permissions (channel overwrites are not applied). Owner and Administrator get all. */
  permissionsOf(userId: string): bigint {
    const member = this.members.get(userId);
    if (!member) return 0n;
    if (userId === this.ownerId) return ALL;
    let perms = this.roles.get(this.guildId)?.permissions ?? 0n;
    for (const id of member.roles) perms |= this.roles.get(id)?.permissions ?? 0n;
    return perms & P.Administrator ? ALL : perms;
  }

  /** Permissions in a channel: guild permissions, then @everyone, role and member overwrites. */
  channelPermissionsOf(userId: string, channelId: string): bigint {
    const channel = this.channels.get(channelId);
    const base = this.permissionsOf(userId);
    if (!channel?.guildId || base & P.Administrator) return channel?.guildId ? base : ALL;
    const member = this.members.get(userId);
    const apply = (perms: bigint, ow: APIOverwrite | undefined) => (ow ? (perms & ~BigInt(ow.deny)) | BigInt(ow.allow) : perms);
    let perms = apply(base, channel.overwrites.find((o) => o.id === this.guildId));
    const roleOws = channel.overwrites.filter((o) => o.type === 0 && o.id !== this.guildId && member?.roles.includes(o.id));
    const deny = roleOws.reduce((a, o) => a | BigInt(o.deny), 0n);
    const allow = roleOws.reduce((a, o) => a | BigInt(o.allow), 0n);
    perms = (perms & ~deny) | allow;
    return apply(perms, channel.overwrites.find((o) => o.type === 1 && o.id === userId));
  }

  highestRolePosition(userId: string): number {
    const member = this.members.get(userId);
    return Math.max(0, ...(member?.roles ?? []).map((id) => this.roles.get(id)?.position ?? 0));
  }

  /** Discord's rule for role grants: Manage Roles, and the role strictly below the bot's highest role. */
  botMayManageRole(role: Role): boolean {
    if (!(this.permissionsOf(this.botId) & P.ManageRoles)) return false;
    if (!this.enforceRoleHierarchy || this.botId === this.ownerId) return true;
    return role.position < this.highestRolePosition(this.botId) && !role.managed;
  }
}

export function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`Discord double: no ${what}`);
  return value;
}
