// Discord people and roles in the core's terms: UserRef (display name, admin, join date) and role
// look-up by id, mention or name.
import {
  GuildMember, PermissionFlagsBits, PermissionsBitField,
  type APIInteractionGuildMember, type Guild, type PartialUser, type Role, type User,
} from 'discord.js';
import type { UserRef } from '../../core/ports/chat-platform.js';

type AnyMember = GuildMember | APIInteractionGuildMember | null | undefined;

export function displayName(user: User | PartialUser, member?: AnyMember): string {
  if (member instanceof GuildMember) return member.displayName;
  if (member?.nick) return member.nick;
  return user.globalName ?? user.username ?? user.id;
}

export function userRef(guildId: string, user: User | PartialUser, member?: AnyMember, permissions?: Readonly<PermissionsBitField> | null): UserRef {
  const perms = permissions ?? (member instanceof GuildMember ? member.permissions : member ? new PermissionsBitField(BigInt(member.permissions)) : null);
  const joined = member instanceof GuildMember ? member.joinedAt : member?.joined_at ? new Date(member.joined_at) : null;
  return {
    platform: 'discord',
    workspaceId: guildId,
    id: user.id,
    name: displayName(user, member),
    isBot: user.bot === true,
    ...(perms ? { isAdmin: perms.has(PermissionFlagsBits.ManageGuild) || perms.has(PermissionFlagsBits.Administrator) } : {}),
    ...(joined ? { joinedAt: joined } : {}),
  };
}

/** A role by id, mention (<@&id>) or name (with or without @), case-insensitive; fetched once if not cached. */
export async function findRole(guild: Guild, target: string): Promise<Role | undefined> {
  const t = target.trim();
  const id = /^<@&(\d+)>$/.exec(t)?.[1] ?? (/^\d{15,25}$/.test(t) ? t : undefined);
  const name = t.replace(/^@/, '').toLowerCase();
  const look = () => (id ? guild.roles.cache.get(id) : guild.roles.cache.find((r) => r.name.toLowerCase() === name));
  const cached = look();
  if (cached) return cached;
  await guild.roles.fetch();
  return look();
}

/** What staff must change so the bot can give or take `role`, from what the bot can see. */
export function roleFix(guild: Guild, role: Role | undefined, target: string): string {
  const me = guild.members.me;
  const mine = me?.roles.highest;
  const myRole = mine && mine.id !== guild.id ? `“${mine.name}”` : 'my role';
  const theRole = role ? `“${role.name}”` : target;
  if (me && !me.permissions.has(PermissionFlagsBits.ManageRoles)) {
    return `give ${myRole} the Manage Roles permission in Server Settings → Roles, and move it above ${theRole}`;
  }
  if (role?.managed) return `${theRole} is managed by an integration and can't be given by bots; choose another role with /program setup ambassador_role:@role`;
  return `give me Manage Roles and move ${myRole} above ${theRole} in Server Settings → Roles (drag it higher in the list)`;
}
