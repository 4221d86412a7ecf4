// The simulated workspace: team, bot, users, channels, messages, reactions, views, triggers, files.
// Web API handlers and the app-side request helpers both read and change it; every change emits
// 'change' so waitUntil() can re-check its condition without polling.
import { EventEmitter } from 'node:events';
import { randomBytes } from 'node:crypto';
import {
  SlackApiError,
  type ChannelRecord,
  type EphemeralRecord,
  type FileRecord,
  type MessageRecord,
  type SeedChannel,
  type SeedMessage,
  type SeedUser,
  type SlackDoubleOptions,
  type UserRecord,
  type ViewRecord,
} from './types.js';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

export function slackId(prefix: string, length = 10): string {
  const bytes = randomBytes(length);
  let id = prefix;
  for (const b of bytes) id += ALNUM.charAt(b % ALNUM.length);
  return id;
}

export interface Team {
  id: string;
  name: string;
  domain: string;
}

export interface Bot {
  userId: string;
  botId: string;
  appId: string;
  name: string;
  token: string;
}

interface Trigger {
  user: string;
  issuedAt: number;
  used: boolean;
}

export class Workspace extends EventEmitter {
  readonly team: Team;
  readonly bot: Bot;
  readonly users = new Map<string, UserRecord>();
  readonly channels = new Map<string, ChannelRecord>();
  readonly usergroups = new Map<string, { id: string; handle: string; users: string[] }>();
  readonly messages = new Map<string, MessageRecord[]>();
  readonly ephemerals: EphemeralRecord[] = [];
  readonly views = new Map<string, ViewRecord>();
  /** Files in the external upload flow, reserved, uploaded or completed (see methods-files.ts). */
  readonly files = new Map<string, FileRecord>();
  private readonly triggers = new Map<string, Trigger>();
  private lastTsSec = 0;
  private tsSeq = 0;

  constructor(private readonly options: SlackDoubleOptions = {}) {
    super();
    this.team = {
      id: options.team?.id ?? 'T0DOUBLE01',
      name: options.team?.name ?? 'Double Workspace',
      domain: options.team?.domain ?? 'double-workspace',
    };
    this.bot = {
      userId: options.bot?.userId ?? 'U0AMBASSBOT',
      botId: options.bot?.botId ?? 'B0AMBASSBOT',
      appId: options.bot?.appId ?? 'A0AMBASSAPP',
      name: options.bot?.name ?? 'ambassador',
      token: options.bot?.token ?? 'xoxb-double-bot-token',
    };
    this.addUser({ id: this.bot.userId, name: this.bot.name, realName: 'Ambassador', isBot: true });
    for (const u of options.users ?? []) this.addUser(u);
    for (const c of options.channels ?? []) this.addChannel(c);
    for (const g of options.usergroups ?? []) {
      this.usergroups.set(g.id, { id: g.id, handle: g.handle ?? g.id.toLowerCase(), users: [...g.users] });
    }
  }

  // ---- seeding -----------------------------------------------------------------------------

  addUser(u: SeedUser): UserRecord {
    const record: UserRecord = {
      id: u.id,
      team_id: this.team.id,
      name: u.name ?? u.id.toLowerCase(),
      real_name: u.realName ?? u.name ?? u.id,
      deleted: u.deleted ?? false,
      is_admin: u.isAdmin ?? u.isOwner ?? false,
      is_owner: u.isOwner ?? false,
      is_primary_owner: u.isPrimaryOwner ?? false,
      is_bot: u.isBot ?? false,
      tz: u.tz ?? 'Europe/London',
    };
    this.users.set(u.id, record);
    this.changed();
    return record;
  }

  addChannel(c: SeedChannel): ChannelRecord {
    const members = new Set(c.members ?? []);
    if (c.botIsMember !== false) members.add(this.bot.userId);
    const record: ChannelRecord = {
      id: c.id,
      name: c.name,
      kind: c.isPrivate ? 'private' : 'public',
      members,
      created: Math.floor(Date.now() / 1000),
      creator: [...members][0] ?? this.bot.userId,
      isArchived: c.isArchived ?? false,
      isGeneral: c.isGeneral ?? false,
    };
    this.channels.set(c.id, record);
    this.messages.set(c.id, []);
    for (const m of c.messages ?? []) this.addMessage(c.id, m);
    this.changed();
    return record;
  }

  /** A message someone else posted (e.g. a human's message the bot will react to). Returns its ts. */
  addMessage(channel: string, m: SeedMessage): string {
    const list = this.messages.get(channel);
    if (!list) throw new Error(`Slack double: no channel ${channel}`);
    const ts = m.ts ?? this.nextTs();
    list.push({ channel, ts, user: m.user, text: m.text, thread_ts: m.thread_ts, reactions: [] });
    this.changed();
    return ts;
  }

  // ---- lookups the handlers share ----------------------------------------------------------

  /** A channel the bot can see: private channels it is not in are reported as not found, like Slack. */
  visibleChannel(idOrName: unknown): ChannelRecord {
    if (typeof idOrName !== 'string' || idOrName === '') throw new SlackApiError('channel_not_found');
    const byName = idOrName.startsWith('#') ? idOrName.slice(1) : undefined;
    const channel = byName
      ? [...this.channels.values()].find((c) => c.name === byName)
      : this.channels.get(idOrName);
    if (!channel) throw new SlackApiError('channel_not_found');
    if (channel.kind !== 'public' && !channel.members.has(this.bot.userId)) throw new SlackApiError('channel_not_found');
    return channel;
  }

  user(id: unknown): UserRecord {
    const user = typeof id === 'string' ? this.users.get(id) : undefined;
    if (!user) throw new SlackApiError('user_not_found');
    return user;
  }

  message(channel: string, ts: unknown): MessageRecord {
    const found = this.messages.get(channel)?.find((m) => m.ts === ts);
    if (!found) throw new SlackApiError('message_not_found');
    return found;
  }

  /** The im between the bot and a user, created on first use. */
  dmWith(userId: string): { channel: ChannelRecord; created: boolean } {
    const existing = [...this.channels.values()].find((c) => c.kind === 'im' && c.dmUser === userId);
    if (existing) return { channel: existing, created: false };
    const channel: ChannelRecord = {
      id: slackId('D'),
      name: userId,
      kind: 'im',
      members: new Set([this.bot.userId, userId]),
      created: Math.floor(Date.now() / 1000),
      creator: this.bot.userId,
      isArchived: false,
      isGeneral: false,
      dmUser: userId,
    };
    this.channels.set(channel.id, channel);
    this.messages.set(channel.id, []);
    this.changed();
    return { channel, created: true };
  }

  // ---- reactions ---------------------------------------------------------------------------

  /** Returns false when that user already had that reaction. */
  addReaction(channel: string, ts: string, name: string, user: string): boolean {
    const msg = this.message(channel, ts);
    let reaction = msg.reactions.find((r) => r.name === name);
    if (!reaction) {
      reaction = { name, users: [] };
      msg.reactions.push(reaction);
    }
    if (reaction.users.includes(user)) return false;
    reaction.users.push(user);
    this.changed();
    return true;
  }

  /** Returns false when that user had no such reaction. */
  removeReaction(channel: string, ts: string, name: string, user: string): boolean {
    const msg = this.message(channel, ts);
    const reaction = msg.reactions.find((r) => r.name === name);
    if (!reaction || !reaction.users.includes(user)) return false;
    reaction.users = reaction.users.filter((u) => u !== user);
    if (reaction.users.length === 0) msg.reactions = msg.reactions.filter((r) => r !== reaction);
    this.changed();
    return true;
  }

  // ---- triggers (views.open needs a fresh one, usable once) --------------------------------

  /** A trigger id views.open will accept once within triggerTtlMs; pass id to register a chosen one. */
  issueTrigger(user: string, id = `${Date.now()}.${Math.floor(Math.random() * 1e10)}.${randomBytes(16).toString('hex')}`): string {
    this.triggers.set(id, { user, issuedAt: Date.now(), used: false });
    return id;
  }

  /** The user the trigger was issued for; throws Slack's errors for unknown, used or old triggers. */
  exchangeTrigger(id: unknown): string | undefined {
    const trigger = typeof id === 'string' ? this.triggers.get(id) : undefined;
    if (this.options.strictTriggers === false && !trigger) return undefined;
    if (!trigger) throw new SlackApiError('invalid_arguments', { response_metadata: { messages: ['invalid `trigger_id`'] } });
    if (trigger.used) throw new SlackApiError('exchanged_trigger_id');
    if (Date.now() - trigger.issuedAt > (this.options.triggerTtlMs ?? 3000)) throw new SlackApiError('expired_trigger_id');
    trigger.used = true;
    return trigger.user;
  }

  // ---- time ----------------------------------------------------------------------------------

  /** Slack-style "seconds.micro" ts, unique and increasing within this double. */
  nextTs(): string {
    const sec = Math.floor(Date.now() / 1000);
    if (sec > this.lastTsSec) {
      this.lastTsSec = sec;
      this.tsSeq = 0;
    }
    this.tsSeq += 1;
    return `${this.lastTsSec}.${String(this.tsSeq).padStart(6, '0')}`;
  }

  changed(): void {
    this.emit('change');
  }
}
