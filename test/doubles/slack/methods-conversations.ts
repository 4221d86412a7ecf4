// conversations.*, users.info and usergroups.users.list: who is where.
import { bool, fail, idList, str, type Handler, type Result } from './handler.js';
import type { ChannelRecord, UserRecord } from './types.js';
import type { Workspace } from './workspace.js';

function conversationJson(w: Workspace, c: ChannelRecord, withCount = false): Result {
  if (c.kind === 'im') {
    return { id: c.id, created: c.created, is_im: true, is_org_shared: false, user: c.dmUser, is_user_deleted: false, priority: 0 };
  }
  const json: Result = {
    id: c.id,
    name: c.name,
    is_channel: true,
    is_group: false,
    is_im: false,
    is_mpim: false,
    is_private: c.kind === 'private',
    created: c.created,
    is_archived: c.isArchived,
    is_general: c.isGeneral,
    unlinked: 0,
    name_normalized: c.name,
    is_shared: false,
    is_org_shared: false,
    is_pending_ext_shared: false,
    pending_shared: [],
    context_team_id: w.team.id,
    creator: c.creator,
    is_ext_shared: false,
    shared_team_ids: [w.team.id],
    is_member: c.members.has(w.bot.userId),
    topic: { value: '', creator: '', last_set: 0 },
    purpose: { value: '', creator: '', last_set: 0 },
    previous_names: [],
  };
  if (withCount) json.num_members = c.members.size;
  return json;
}

function userJson(u: UserRecord): Result {
  return {
    id: u.id,
    team_id: u.team_id,
    name: u.name,
    deleted: u.deleted,
    color: '9f69e7',
    real_name: u.real_name,
    tz: u.tz,
    tz_label: u.tz,
    tz_offset: 0,
    profile: {
      real_name: u.real_name,
      real_name_normalized: u.real_name,
      display_name: u.name,
      display_name_normalized: u.name,
      team: u.team_id,
    },
    is_admin: u.is_admin,
    is_owner: u.is_owner,
    is_primary_owner: u.is_primary_owner,
    is_restricted: false,
    is_ultra_restricted: false,
    is_bot: u.is_bot,
    is_app_user: false,
    updated: 1700000000,
  };
}

/** A channel the bot may manage membership of: not a DM, not archived, and the bot is in it. */
function managedChannel(w: Workspace, id: unknown): ChannelRecord {
  const c = w.visibleChannel(id);
  if (c.kind === 'im') fail('method_not_supported_for_channel_type');
  if (c.isArchived) fail('is_archived');
  if (!c.members.has(w.bot.userId)) fail('not_in_channel');
  return c;
}

export const conversationMethods: Record<string, Handler> = {
  'conversations.open': (args, { workspace: w }) => {
    const users = idList(args, 'users');
    if (users.length === 0) fail(str(args, 'channel') ? 'method_not_supported_for_channel_type' : 'users_list_not_supplied');
    if (users.length > 1) fail('method_not_supported_for_channel_type', { note: 'the Slack double only opens 1:1 DMs' });
    const user = w.user(users[0]);
    if (user.deleted) fail('user_disabled');
    const { channel, created } = w.dmWith(user.id);
    const full = bool(args, 'return_im');
    const json = full ? conversationJson(w, channel) : { id: channel.id };
    return created ? { ok: true, channel: json } : { ok: true, no_op: true, already_open: true, channel: json };
  },

  'conversations.info': (args, { workspace: w }) => {
    const c = w.visibleChannel(args.channel);
    return { ok: true, channel: conversationJson(w, c, bool(args, 'include_num_members')) };
  },

  'conversations.members': (args, { workspace: w }) => {
    const c = w.visibleChannel(args.channel);
    const all = [...c.members];
    const limit = Math.max(1, Math.min(1000, Number(str(args, 'limit') ?? 100) || 100));
    const cursor = str(args, 'cursor');
    const start = cursor ? Number(Buffer.from(cursor, 'base64').toString().replace('offset:', '')) : 0;
    if (!Number.isInteger(start) || start < 0) fail('invalid_cursor');
    const page = all.slice(start, start + limit);
    const next = start + limit < all.length ? Buffer.from(`offset:${start + limit}`).toString('base64') : '';
    return { ok: true, members: page, response_metadata: { next_cursor: next } };
  },

  'conversations.invite': (args, { workspace: w }) => {
    const c = managedChannel(w, args.channel);
    const users = idList(args, 'users');
    if (users.length === 0) fail('no_user');
    if (users.includes(w.bot.userId)) fail('cant_invite_self');
    const errors: Result[] = [];
    for (const id of users) {
      const u = w.users.get(id);
      if (!u || u.deleted) errors.push({ user: id, ok: false, error: 'user_not_found' });
      else if (c.members.has(id)) errors.push({ user: id, ok: false, error: 'already_in_channel' });
    }
    const first = errors[0];
    if (first && !bool(args, 'force')) fail(String(first.error), { errors });
    for (const id of users) if (!errors.some((e) => e.user === id)) c.members.add(id);
    w.changed();
    return { ok: true, channel: conversationJson(w, c) };
  },

  'conversations.kick': (args, { workspace: w }) => {
    const c = managedChannel(w, args.channel);
    const id = str(args, 'user');
    if (!id) fail('no_user');
    if (id === w.bot.userId) fail('cant_kick_self');
    w.user(id);
    if (c.isGeneral) fail('cant_kick_from_general');
    if (!c.members.delete(id)) fail('not_in_channel');
    w.changed();
    return { ok: true, errors: {} };
  },

  'users.info': (args, { workspace: w }) => ({ ok: true, user: userJson(w.user(args.user)) }),

  'usergroups.users.list': (args, { workspace: w }) => {
    const id = str(args, 'usergroup');
    const group = id ? w.usergroups.get(id) : undefined;
    if (!group) fail('no_such_subteam');
    return { ok: true, users: [...group.users] };
  },
};
