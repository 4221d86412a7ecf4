// The Slack adapter: a Bolt App (HTTP receiver with request signing on /slack/events, or Socket
// Mode with an app token) turning Slack requests into core calls, and the ChatPlatform port as
// Web API calls. No business rules here: the core decides, this only speaks Slack.
import type { Server } from 'node:http';
import { App, webApi } from '@slack/bolt';
import type { Command } from '../../core/commands/define.js';
import type { Config } from '../../config.js';
import type { Logger } from '../../logger.js';
import type {
  ChannelRef, ChatPlatform, InboundSink, MessageRef, OutboundMessage, PlatformCapabilities, PostOptions, UserRef,
} from '../../core/ports/chat-platform.js';
import { PlatformError } from '../../core/ports/chat-platform.js';
import { slackName } from '../../core/voting/emoji.js';
import { renderMessage } from './blocks.js';
import { boltLogger } from './bolt-logger.js';
import { slackErrorCode, toPlatformError } from './errors.js';
import type { ListenerContext } from './listeners/context.js';
import { registerActions } from './listeners/actions.js';
import { registerCommands } from './listeners/commands.js';
import { registerEvents } from './listeners/events.js';
import { registerViews } from './listeners/views.js';
import { Poster } from './poster.js';
import { RequestClaims } from './claims.js';
import { ReplySender, type ImageSharing } from './replies.js';
import { UserDirectory } from './users.js';
import { SlackMembership } from './membership.js';

export type SlackConfig = NonNullable<Config['slack']>;

export class SlackAdapter implements ChatPlatform {
  readonly platform = 'slack' as const;
  /** Slack lets an app remove only its own reactions. */
  readonly capabilities: PlatformCapabilities = { removeOthersReactions: false, dmFiles: true };
  readonly app: App;
  private readonly log: Logger;
  private readonly users: UserDirectory;
  private readonly replies: ReplySender;
  private readonly commandNames: readonly string[];
  private readonly inFlight = new Set<Promise<void>>();
  private readonly dmChannels = new Map<string, string>();
  private readonly poster: Poster;
  private readonly membership: SlackMembership;
  private readonly requestClaims: RequestClaims;
  private readonly redoRequest: (key: string, body: unknown) => Promise<void>;
  private sink?: InboundSink;
  private bot: { userId?: string; botId?: string; name: string; teamId: string } = { name: 'Ambassador', teamId: '' };
  private httpServer?: Server;
  private started = false;

  constructor(
    private readonly config: SlackConfig,
    log: Logger,
    private readonly commands: readonly Command[],
  ) {
    this.log = log.child({ platform: 'slack' });
    this.commandNames = commands.map((c) => c.name);
    const socketMode = Boolean(config.appToken);
    this.app = new App({
      token: config.botToken,
      signingSecret: config.signingSecret,
      ...(socketMode ? { socketMode: true, appToken: config.appToken } : {}),
      deferInitialization: true,
      logger: boltLogger(this.log),
      clientOptions: {
        slackApiUrl: config.apiUrl,
        // The core's dispatcher retries with back-off; here only quick retries of network errors.
        retryConfig: { retries: 2, factor: 2, minTimeout: 100, maxTimeout: 1000 },
        rejectRateLimitedCalls: true,
        timeout: 10_000,
      },
    });
    // Every request counts as in flight from the moment the receiver hands it over (before the ack)
    // until its listeners are done, so idle() and stop() see work not yet begun by a listener too.
    // Each is claimed first: of several processes given the same request, only one handles it.
    this.requestClaims = new RequestClaims(() => this.sink, () => this.bot.userId, this.log);
    const processEvent = this.app.processEvent.bind(this.app);
    this.redoRequest = (key, body) => this.requestClaims.redo(key, body, processEvent);
    this.app.processEvent = (event) => {
      const handled = this.requestClaims.handle(event, processEvent);
      this.watch(handled);
      return handled;
    };
    this.app.error(async (err) => {
      this.log.error({ err: err.message, code: err.code }, 'Slack request failed');
    });
    this.users = new UserDirectory(this.app.client, this.log, () => this.bot.userId);
    this.membership = new SlackMembership(this.app.client, this.users, () => this.bot, (ctx, fn) => this.call(ctx, fn));
    // Posts with a key are never resent by the client itself: the outbox retries, checking first (poster.ts).
    const once = new webApi.WebClient(config.botToken, {
      slackApiUrl: config.apiUrl, logger: boltLogger(this.log), retryConfig: { retries: 0 }, rejectRateLimitedCalls: true, timeout: 10_000,
    });
    this.poster = new Poster({ client: this.app.client, once, log: this.log, commandNames: this.commandNames, bot: () => this.bot, identify: () => this.whoAmI() });
    const share: ImageSharing['inChannel'] = (channel, image) => this.poster.shareImage(channel, image, { action: 'send a direct message', botName: this.bot.name });
    this.replies = new ReplySender(this.app.client, this.log, this.commandNames, (userId, msg) => this.dm({ platform: 'slack', workspaceId: this.bot.teamId, id: userId, isBot: false }, msg), () => this.bot.teamId, {
      inChannel: share,
      toUser: async (userId, image) => share(await this.dmChannel(userId), image),
    });
  }

  private identity?: Promise<void>;
  /**
   * Who the bot is (auth.test), asked once. The core's dispatcher may run a side effect before
   * start() has finished (after a crash, work is due at once): a keyed post needs this to recognise
   * its own earlier message, so it asks too.
   */
  private whoAmI(): Promise<void> {
    this.identity ??= this.app.client.auth.test().then(
      (auth) => void (this.bot = { userId: auth.user_id, botId: auth.bot_id, name: auth.user ?? 'Ambassador', teamId: auth.team_id ?? '' }),
      (err: unknown) => {
        this.identity = undefined;
        throw err;
      },
    );
    return this.identity;
  }

  /** The HTTP server (not in Socket Mode), e.g. to learn the port when started on port 0. */
  get server(): Server | undefined {
    return this.httpServer;
  }

  get botUserId(): string | undefined {
    return this.bot.userId;
  }

  async start(sink: InboundSink): Promise<void> {
    if (this.started) throw new Error('the Slack adapter is already started');
    this.sink = sink;
    try {
      await this.app.init();
      await this.whoAmI();
    } catch (err) {
      const code = slackErrorCode(err);
      throw new Error(code ? `Slack rejected SLACK_BOT_TOKEN (${code}); check the token and that the app is installed` : `Slack could not be reached at ${this.config.apiUrl}: ${err instanceof Error ? err.message : String(err)}`);
    }
    const ctx: ListenerContext = {
      sink: () => this.sink!,
      log: this.log,
      commands: this.commands,
      users: this.users,
      replies: this.replies,
      botUserId: () => this.bot.userId,
      teamId: () => this.bot.teamId,
      track: (what, work) => this.track(what, work),
      claimOf: (body) => this.requestClaims.keyOf(body),
    };
    registerCommands(this.app, ctx);
    registerViews(this.app, ctx);
    registerActions(this.app, ctx);
    registerEvents(this.app, ctx);
    if (this.config.appToken) {
      await this.app.start();
    } else {
      this.httpServer = (await this.app.start(this.config.port)) as Server;
    }
    this.started = true;
    // /ambassador apply opens its form from memory: load this workspace's forms now.
    if (this.bot.teamId) await sink.warm?.('slack', [this.bot.teamId]);
    this.log.info({ team: this.bot.teamId, bot: this.bot.userId, mode: this.config.appToken ? 'socket' : `http:${this.config.port}` }, 'Slack adapter started');
  }

  async stop(): Promise<void> {
    if (this.started) {
      this.started = false;
      await this.app.stop().catch((err: unknown) => this.log.warn({ err: String(err) }, 'Slack receiver did not stop cleanly'));
    }
    await this.idle();
  }

  /** Resolves once every request received so far has been fully handled (replies sent, core called). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private track(what: string, work: () => Promise<void>): Promise<void> {
    const p = work().catch((err: unknown) => {
      this.log.error({ err, what }, 'Slack request handling failed');
    });
    this.watch(p);
    return p;
  }

  private watch(p: Promise<unknown>): void {
    const settled = p.then(() => undefined, () => undefined);
    this.inFlight.add(settled);
    void settled.finally(() => this.inFlight.delete(settled));
  }

  private async call<T>(ctx: { action: string; channel?: string }, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      throw toPlatformError(err, { ...ctx, botName: this.bot.name });
    }
  }

  // ---- ChatPlatform ------------------------------------------------------------------------

  /** Handles a request another process claimed and died on, as if it had just arrived (no acknowledgement). */
  async redo(claim: string, body: unknown): Promise<void> {
    if (!this.started) return;
    const handled = this.redoRequest(claim, body);
    this.watch(handled);
    await handled;
  }

  /** With `opts.key`, a repeat of the post (a retry after a crash) finds the first one instead: see poster.ts. */
  async post(to: ChannelRef, msg: OutboundMessage, opts: PostOptions = {}): Promise<MessageRef> {
    const sent = await this.poster.send(to.id, msg, { action: `post in <#${to.id}>`, channel: to.id, botName: this.bot.name }, { key: opts.key, workspaceId: to.workspaceId });
    return { channel: { ...to, id: sent.channel }, id: sent.ts };
  }

  async edit(ref: MessageRef, msg: OutboundMessage): Promise<void> {
    const ch = ref.channel.id;
    await this.call({ action: `update a message in <#${ch}>`, channel: ch }, () => this.app.client.chat.update({ channel: ch, ts: ref.id, ...renderMessage(msg, this.commandNames, ref.channel.workspaceId) }));
  }

  async dm(to: UserRef, msg: OutboundMessage): Promise<void> {
    await this.poster.send(await this.dmChannel(to.id), msg, { action: 'send a direct message', botName: this.bot.name }, { workspaceId: to.workspaceId });
  }

  /** The person's DM with the bot (conversations.open, remembered). */
  private async dmChannel(userId: string): Promise<string> {
    let channel = this.dmChannels.get(userId);
    if (!channel) {
      const opened = await this.call({ action: 'send a direct message' }, () => this.app.client.conversations.open({ users: userId }));
      channel = opened.channel?.id;
      if (!channel) throw new PlatformError('dm_closed', 'Slack did not open a direct message channel');
      this.dmChannels.set(userId, channel);
    }
    return channel;
  }

  async react(on: MessageRef, emoji: string): Promise<void> {
    const ch = on.channel.id;
    try {
      await this.app.client.reactions.add({ channel: ch, timestamp: on.id, name: slackName(emoji) });
    } catch (err) {
      if (slackErrorCode(err) === 'already_reacted') return;
      throw toPlatformError(err, { action: `add a reaction in <#${ch}>`, channel: ch, botName: this.bot.name });
    }
  }

  /**
   * Removes the bot's own reaction. Slack lets an app remove only its own, which `capabilities`
   * declares, so the core never asks for someone else's; if it did, it would be told so, not ignored.
   */
  async unreact(on: MessageRef, emoji: string, user: UserRef): Promise<void> {
    if (user.id !== this.bot.userId) {
      throw new PlatformError('missing_permission', 'Slack lets an app remove only its own reactions (capabilities.removeOthersReactions is false)');
    }
    try {
      await this.app.client.reactions.remove({ channel: on.channel.id, timestamp: on.id, name: slackName(emoji) });
    } catch (err) {
      if (slackErrorCode(err) === 'no_reaction') return;
      throw toPlatformError(err, { action: 'remove a reaction', channel: on.channel.id, botName: this.bot.name });
    }
  }

  async reactionsOn(on: MessageRef): Promise<Array<{ user: UserRef; emoji: string }>> {
    const ch = on.channel.id;
    const res = await this.call({ action: `read reactions in <#${ch}>`, channel: ch }, () => this.app.client.reactions.get({ channel: ch, timestamp: on.id, full: true }));
    const pairs = (res.message?.reactions ?? []).flatMap((r) => (r.users ?? []).filter((u) => u !== this.bot.userId).map((u) => ({ userId: u, emoji: r.name ?? '' })));
    const out: Array<{ user: UserRef; emoji: string }> = [];
    for (const p of pairs) {
      if (!p.emoji) continue;
      const user = await this.users.ref(p.userId, on.channel.workspaceId);
      if (!user.isBot) out.push({ user, emoji: p.emoji });
    }
    return out;
  }

  grantMembership(user: UserRef, target: string): Promise<void> {
    return this.membership.grant(user, target);
  }

  revokeMembership(user: UserRef, target: string): Promise<void> {
    return this.membership.revoke(user, target);
  }

  membersOf(workspaceId: string, target: string): Promise<UserRef[]> {
    return this.membership.membersOf(workspaceId, target);
  }
}
