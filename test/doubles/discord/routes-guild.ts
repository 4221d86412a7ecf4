// Guild, members and roles, application commands, users, and the gateway discovery routes.
import type { Backend } from './backend.js';
import { Errors } from './errors.js';
import { memberUpdateEvent } from './events.js';
import { noContent, ok, route, type Route, type RouteContext } from './rest.js';
import { channelJson, emojiJson, guildJson, memberJson, roleJson, userJson } from './shapes.js';
import { compareSnowflakes } from './snowflake.js';
import type { Member, Role } from './world.js';

export function guildRoutes(backend: Backend): Route[] {
  const { world, commands } = backend;

  const guildOf = (ctx: RouteContext) => {
    if (ctx.params.guildId !== world.guildId) throw Errors.unknownGuild();
  };
  const memberOf = (ctx: RouteContext): Member => {
    guildOf(ctx);
    const member = world.members.get(ctx.params.userId!);
    if (!member) throw world.users.has(ctx.params.userId!) ? Errors.unknownMember() : Errors.unknownUser();
    return member;
  };
  const manageableRole = (ctx: RouteContext): Role => {
    const role = world.roles.get(ctx.params.roleId!);
    if (!role) throw Errors.unknownRole();
    if (!world.botMayManageRole(role)) throw Errors.missingPermissions();
    return role;
  };
  const changeRoles = (member: Member, roles: string[]) => {
    const changed = roles.length !== member.roles.length;
    member.roles = roles;
    if (changed) backend.echo('memberUpdates', 'GUILD_MEMBER_UPDATE', memberUpdateEvent(world, member.userId));
    return noContent();
  };
  const app = (ctx: RouteContext) => {
    if (ctx.params.applicationId !== world.applicationId) throw Errors.missingAccess();
  };
  const scopeOf = (ctx: RouteContext) => {
    app(ctx);
    if (ctx.params.guildId === undefined) return 'global';
    guildOf(ctx);
    return ctx.params.guildId;
  };
  const GUILD_COMMANDS = '/applications/:applicationId/guilds/:guildId/commands';
  const GLOBAL_COMMANDS = '/applications/:applicationId/commands';

  return [
    route('GET', '/gateway/bot', () =>
      ok({
        url: backend.gatewayUrl(),
        shards: 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 86_400_000, max_concurrency: 1 },
      }),
    ),
    route('GET', '/gateway', () => ok({ url: backend.gatewayUrl() }), { auth: false }),
    route('GET', '/users/@me', () => ok({ ...userJson(world.bot), verified: true, mfa_enabled: false, locale: 'en-US', email: null })),
    route('GET', '/guilds/:guildId/emojis/:emojiId', (ctx) => {
      guildOf(ctx);
      const emoji = world.emojis.get(ctx.params.emojiId!);
      if (!emoji) throw Errors.unknownGuildEmoji();
      return ok(emojiJson(emoji));
    }),
    route('GET', '/users/:userId', (ctx) => {
      const user = world.users.get(ctx.params.userId!);
      if (!user) throw Errors.unknownUser();
      return ok(userJson(user));
    }),
    route('GET', '/applications/@me', () =>
      ok({
        id: world.applicationId, name: world.bot.username, icon: null, description: '', summary: '', type: null,
        bot_public: false, bot_require_code_grant: false, verify_key: '0'.repeat(64), flags: 0, team: null,
        owner: userJson(world.requireUser(world.ownerId)), bot: userJson(world.bot),
        approximate_guild_count: 1, install_params: null, integration_types_config: {},
      }),
    ),

    route('GET', '/guilds/:guildId', (ctx) => (guildOf(ctx), ok(guildJson(world)))),
    route('GET', '/guilds/:guildId/roles', (ctx) => (guildOf(ctx), ok([...world.roles.values()].map(roleJson)))),
    route('GET', '/guilds/:guildId/channels', (ctx) => {
      guildOf(ctx);
      return ok([...world.channels.values()].filter((c) => c.guildId).map((c) => channelJson(world, c)));
    }),
    route('GET', '/guilds/:guildId/members', (ctx) => {
      guildOf(ctx);
      const limit = Math.min(Math.max(Number(ctx.query.get('limit') ?? 1), 1), 1000);
      const after = ctx.query.get('after') ?? '0';
      const members = [...world.members.values()]
        .filter((m) => compareSnowflakes(m.userId, after) > 0)
        .sort((a, b) => compareSnowflakes(a.userId, b.userId));
      return ok(members.slice(0, limit).map((m) => memberJson(world, m)));
    }),
    route('GET', '/guilds/:guildId/members/:userId', (ctx) => ok(memberJson(world, memberOf(ctx)))),
    route('PUT', '/guilds/:guildId/members/:userId/roles/:roleId', (ctx) => {
      const member = memberOf(ctx);
      const role = manageableRole(ctx);
      return changeRoles(member, member.roles.includes(role.id) ? member.roles : [...member.roles, role.id]);
    }),
    route('DELETE', '/guilds/:guildId/members/:userId/roles/:roleId', (ctx) => {
      const member = memberOf(ctx);
      const role = manageableRole(ctx);
      return changeRoles(member, member.roles.filter((id) => id !== role.id));
    }),

    route('PUT', GLOBAL_COMMANDS, (ctx) => ok(commands.overwrite(scopeOf(ctx), ctx.body ?? []))),
    route('PUT', GUILD_COMMANDS, (ctx) => ok(commands.overwrite(scopeOf(ctx), ctx.body ?? []))),
    route('GET', GLOBAL_COMMANDS, (ctx) => ok(commands.get(scopeOf(ctx)))),
    route('GET', GUILD_COMMANDS, (ctx) => ok(commands.get(scopeOf(ctx)))),
    route('POST', GLOBAL_COMMANDS, (ctx) => ({ status: 201, body: commands.upsert(scopeOf(ctx), ctx.body ?? {}) })),
    route('POST', GUILD_COMMANDS, (ctx) => ({ status: 201, body: commands.upsert(scopeOf(ctx), ctx.body ?? {}) })),
  ];
}
