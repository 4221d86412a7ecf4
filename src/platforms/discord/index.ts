// The Discord adapter: the real discord.js Client, turning gateway events into core calls and the
// core's requests into REST calls. Business rules stay in the core; this file wires and translates.
import {
  Client, Events, GatewayIntentBits, Partials, Routes, disableValidators,
  type Guild, type MessageReaction, type PartialMessageReaction, type PartialUser, type RESTOptions, type SendableChannels, type User,
} from 'discord.js';
import type { Config } from '../../config.js';
import type { Logger } from '../../logger.js';
import {
  PlatformError, type ChannelRef, type ChatPlatform, type InboundSink, type MessageRef, type OutboundMessage, type PlatformCapabilities,
  type PostOptions, type Reply, type UserRef,
} from '../../core/ports/chat-platform.js';
import { discordCode, mapped, toPlatformError } from './errors.js';
import { Acknowledgements } from './acks.js';
import { handleInteraction } from './interactions.js';
import { FormSessions } from './modals.js';
import { onceOptions } from './nonce.js';
import { claimReaction, KeyedQueue, onReaction, readReactions, routeEmoji } from './reactions.js';
import { lateReply, type DiscordReplyTo } from './late-reply.js';
import { prebuilt, render } from './render.js';
import { findRole, roleFix, userRef } from './users.js';

export { discordCommands } from './commands-json.js';
export { registerCommands } from './register.js';

export interface DiscordAdapterOptions {
  /**
   * Called when a fresh gateway session starts after the first one (a re-identify after a long outage:
   * Discord does not replay the events missed). Wire it to the core's catch-up:
   * `onNewSession: () => core.catchUp(adapter)`. The first ready is covered by startApp.
   */
  onNewSession?: () => Promise<unknown>;
  /** How long unfinished multi-step forms are kept. Default 30 minutes. */
  formTtlMs?: number;
  /** Extra discord.js REST options (tests lower `retries`). */
  rest?: Partial<RESTOptions>;
  /** Give up starting when the gateway isn't ready within this. Default 30 s. */
  readyTimeoutMs?: number;
}

/** Start-up failures with what the operator should do about them. */
function startError(err: unknown): Error {
  const message = err instanceof Error ? err.message : String(err);
  if (/disallowed intents/i.test(message)) {
    return new Error('Discord refused the gateway intents: turn on the Server Members intent for the bot in the Discord developer portal (Bot → Privileged Gateway Intents).');
  }
  if (/invalid token|401/i.test(message) || (err as { code?: unknown })?.code === 'TokenInvalid') {
    return new Error('Discord refused DISCORD_TOKEN: copy the bot token again from the developer portal (Bot → Reset Token).');
  }
  return new Error(`Discord: ${message}`);
}

export function createDiscordAdapter(config: NonNullable<Config['discord']>, log: Logger, options: DiscordAdapterOptions = {}): DiscordAdapter {
  return new DiscordAdapter(config, log, options);
}

export class DiscordAdapter implements ChatPlatform {
  readonly platform = 'discord' as const;
  readonly capabilities: PlatformCapabilities = { removeOthersReactions: true, dmFiles: true };
  readonly client: Client;
  private readonly log: Logger;
  private readonly forms: FormSessions;
  private readonly acks = new Acknowledgements();
  private readonly queue = new KeyedQueue();
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly membersLoaded = new Set<string>();
  private ready = false;
  private stopped = false;
  private sweeper?: NodeJS.Timeout;
  private catchUp: Promise<unknown> = Promise.resolve(undefined);

  constructor(
    private readonly config: NonNullable<Config['discord']>,
    log: Logger,
    private readonly options: DiscordAdapterOptions = {},
  ) {
    this.log = log.child({ platform: 'discord' });
    this.forms = new FormSessions(options.formTtlMs);
    // discord.js checks every builder with @sapphire/shapeshift, on every reply: a cost paid per
    // interaction for payloads our tests already check against the Discord double. Process-wide.
    disableValidators();
    this.client = new Client({
      intents: [
        GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.GuildMessageReactions,
        GatewayIntentBits.GuildMembers, GatewayIntentBits.DirectMessages,
      ],
      partials: [Partials.Message, Partials.Channel, Partials.Reaction, Partials.User, Partials.GuildMember],
      // Several processes on one token split the servers by shard (DISCORD_SHARDS / DISCORD_SHARD_COUNT).
      ...(config.shards ? { shards: config.shards.ids, shardCount: config.shards.count } : {}),
      allowedMentions: { parse: [] },
      // Short 429s are waited out by discord.js; long ones go back to the core's dispatcher with the wait.
      rest: { api: config.apiUrl, rejectOnRateLimit: (limit) => limit.retryAfter > 10_000, ...options.rest },
    });
  }

  private get live(): Client<true> {
    if (!this.client.isReady()) throw new PlatformError('unavailable', 'the Discord connection is not ready');
    return this.client;
  }

  /** Keeps a handler's promise until it settles, so stop() can wait for work in progress. */
  private track<T>(p: Promise<T>): void {
    const tracked = p.catch((err: unknown) => this.log.error({ err }, 'a Discord event handler failed')).finally(() => this.inFlight.delete(tracked));
    this.inFlight.add(tracked);
  }

  async start(sink: InboundSink): Promise<void> {
    const { client } = this;
    client.on(Events.InteractionCreate, (i) => {
      if (this.stopped) return;
      this.track(handleInteraction({ sink, forms: this.forms, log: this.log, acks: this.acks, applicationId: this.config.applicationId }, i));
    });
    this.forms.useDrafts(sink.drafts);
    const reacted = (added: boolean) => (reaction: MessageReaction | PartialMessageReaction, user: User | PartialUser) => {
      if (this.stopped || !client.isReady()) return;
      // Claimed as it arrives (in arrival order), handled in order per message.
      const claim = claimReaction({ client, sink, log: this.log }, reaction, user, added);
      this.track(this.queue.run(reaction.message.id, async () => {
        const key = await claim;
        if (key !== null) await onReaction({ client, sink, log: this.log }, reaction, user, added, key);
      }));
    };
    client.on(Events.MessageReactionAdd, reacted(true));
    client.on(Events.MessageReactionRemove, reacted(false));
    client.on(Events.Debug, (line) => {
      if (line.startsWith('[INTERACTION]')) this.log.warn({ detail: line }, 'ignored an interaction of a type I do not know');
    });
    client.on(Events.Error, (err) => this.log.error({ err }, 'Discord client error'));
    client.on(Events.GuildCreate, (guild) => {
      if (this.ready && !this.stopped) this.track(sink.warm?.('discord', [guild.id]) ?? Promise.resolve());
    });
    client.on(Events.ShardReady, () => {
      this.membersLoaded.clear(); // a fresh session may have missed member updates
      if (this.ready && !this.stopped) this.startCatchUp();
    });
    let timer: NodeJS.Timeout | undefined;
    const ready = new Promise<void>((resolve, reject) => {
      timer = setTimeout(() => reject(new Error('the gateway did not become ready in time')), this.options.readyTimeoutMs ?? 30_000);
      client.once(Events.ClientReady, () => resolve());
    });
    try {
      await client.login(this.config.token);
      await ready;
    } catch (err) {
      await client.destroy();
      throw startError(err);
    } finally {
      clearTimeout(timer);
    }
    this.ready = true;
    this.log.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, 'Discord ready');
    // /apply opens its form from memory: load each server's forms now, not at the first applicant.
    await sink.warm?.('discord', [...client.guilds.cache.keys()]);
    this.sweeper = setInterval(() => this.forms.sweep(), 60_000);
    this.sweeper.unref();
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    clearInterval(this.sweeper);
    const wait = Promise.allSettled([...this.inFlight]);
    await Promise.race([wait, new Promise((r) => setTimeout(r, 10_000).unref())]);
    await this.client.destroy();
  }

  /** Resolves when every event handler in progress (and any it led to) has finished. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  // ---- catch-up after downtime ------------------------------------------------------------------

  private startCatchUp(): void {
    const hook = this.options.onNewSession;
    if (!hook) return;
    this.log.info('new gateway session: catching up on what was missed');
    this.catchUp = this.catchUp.then(hook).catch((err: unknown) => this.log.error({ err }, 'catch-up after a new gateway session failed'));
    this.track(this.catchUp);
  }

  /** Resolves when the catch-up started by the last new gateway session has finished. */
  whenCaughtUp(): Promise<unknown> {
    return this.catchUp;
  }

  // ---- ChatPlatform -------------------------------------------------------------------------------

  private async sendable(channelId: string, doing: 'post' | 'edit' | 'react' | 'read'): Promise<SendableChannels> {
    const label = `<#${channelId}>`;
    const channel = await mapped({ kind: doing, channel: label }, async () => this.live.channels.cache.get(channelId) ?? (await this.live.channels.fetch(channelId)));
    if (!channel?.isSendable()) throw new PlatformError('not_found', `${label} is not a channel I can post in`, 'choose a text channel with /program setup');
    return channel;
  }

  /** With `opts.key`, a repeat of the post (a resend, a retry after a crash) appears once: see nonce.ts. */
  async post(to: ChannelRef, msg: OutboundMessage, opts: PostOptions = {}): Promise<MessageRef> {
    const channel = await this.sendable(to.id, 'post');
    const sent = await mapped({ kind: 'post', channel: `<#${to.id}>` }, async () => (await channel.send({ ...prebuilt(render(msg, to.workspaceId)), ...onceOptions(opts.key) })) as { id: string });
    return { channel: to, id: sent.id };
  }

  async edit(ref: MessageRef, msg: OutboundMessage): Promise<void> {
    const channel = await this.sendable(ref.channel.id, 'edit');
    const { content, components, ...rest } = prebuilt(render(msg, ref.channel.workspaceId));
    // The new version replaces the old one whole: buttons it no longer has go (a closed pulse).
    await mapped({ kind: 'edit', channel: `<#${ref.channel.id}>` }, () =>
      channel.messages.edit(ref.id, { ...rest, content: content ?? null, components: components ?? [], attachments: [] }));
  }

  async dm(to: UserRef, msg: OutboundMessage): Promise<void> {
    await mapped({ kind: 'dm' }, () => this.live.users.send(to.id, { ...prebuilt(render(msg, to.workspaceId)), ...onceOptions() }));
  }

  async react(on: MessageRef, emoji: string): Promise<void> {
    await mapped({ kind: 'react', channel: `<#${on.channel.id}>` }, () =>
      this.live.rest.put(Routes.channelMessageOwnReaction(on.channel.id, on.id, routeEmoji(emoji))));
  }

  async unreact(on: MessageRef, emoji: string, user: UserRef): Promise<void> {
    try {
      await mapped({ kind: 'unreact', channel: `<#${on.channel.id}>` }, () =>
        this.live.rest.delete(Routes.channelMessageUserReaction(on.channel.id, on.id, routeEmoji(emoji), user.id)));
    } catch (err) {
      const fix = err instanceof PlatformError ? err.fix : undefined;
      this.log.warn({ err: String(err), fix, message: on.id, user: user.id }, "could not remove a reaction that doesn't count");
    }
  }

  /** Finishes an interaction another process deferred and then died on: its webhook works from any process. */
  async replyLater(replyTo: unknown, reply: Reply): Promise<void> {
    await lateReply(this.live.rest, replyTo as DiscordReplyTo, reply);
  }

  reactionsOn(on: MessageRef): Promise<Array<{ user: UserRef; emoji: string }>> {
    return mapped({ kind: 'read', channel: `<#${on.channel.id}>` }, () => readReactions(this.live, on));
  }

  private async guild(id: string): Promise<Guild> {
    return mapped({ kind: 'members' }, async () => this.live.guilds.cache.get(id) ?? (await this.live.guilds.fetch(id)));
  }

  private async role(guild: Guild, target: string) {
    const role = await findRole(guild, target);
    if (!role) throw new PlatformError('not_found', `there is no role “${target}” in this server`, 'choose the role again with /program setup ambassador_role:@role');
    return role;
  }

  async grantMembership(user: UserRef, target: string): Promise<void> {
    const guild = await this.guild(user.workspaceId);
    const role = await this.role(guild, target);
    await mapped({ kind: 'role', role: role.name, fix: roleFix(guild, role, target) }, () =>
      guild.members.addRole({ user: user.id, role: role.id, reason: 'Accepted as an ambassador' }));
  }

  async revokeMembership(user: UserRef, target: string): Promise<void> {
    const guild = await this.guild(user.workspaceId);
    const role = await findRole(guild, target);
    if (!role) return void this.log.info({ target }, 'revoke: the role no longer exists; nothing to take away');
    try {
      await guild.members.removeRole({ user: user.id, role: role.id, reason: 'No longer an ambassador' });
    } catch (err) {
      if (discordCode(err) === 10007) return void this.log.info({ user: user.id }, 'revoke: they already left the server');
      throw toPlatformError(err, { kind: 'role', role: role.name, fix: roleFix(guild, role, target) });
    }
  }

  /** Vote emoji must be ones people can react with: a custom emoji of this server. */
  async hasCustomEmoji(workspaceId: string, emojiId: string): Promise<boolean> {
    const guild = await this.guild(workspaceId);
    if (guild.emojis.cache.has(emojiId)) return true;
    try {
      await guild.emojis.fetch(emojiId);
      return true;
    } catch (err) {
      if (discordCode(err) === 10014) return false;
      throw toPlatformError(err, { kind: 'members' });
    }
  }

  async membersOf(workspaceId: string, target: string): Promise<UserRef[]> {
    const guild = await this.guild(workspaceId);
    const role = await this.role(guild, target);
    if (!this.membersLoaded.has(guild.id)) {
      // Once per session: afterwards GUILD_MEMBER_* events keep the cache current (GuildMembers intent).
      await mapped({ kind: 'members' }, () => guild.members.fetch());
      this.membersLoaded.add(guild.id);
    }
    return role.members.map((m) => userRef(guild.id, m.user, m));
  }
}
