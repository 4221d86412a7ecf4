// The Discord double: a fake REST API and gateway on one 127.0.0.1 port, with helpers to act as Discord
// users and to assert on what the bot sent. See README.md for a walk-through.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CommandStore, type Backend, type EchoOptions } from './backend.js';
import type { FailureSpec } from './errors.js';
import { reactionAddEvent, reactionRemoveEvent } from './events.js';
import { FakeGateway, type GatewaySession } from './gateway.js';
import { InteractionStore, type InteractionRecord, type InteractionResponse, type InteractionSpec } from './interactions.js';
import { MessageStore, type StoredMessage } from './messages.js';
import { Recorder, type CallMatcher, type CallPredicate, type RecordedCall } from './recorder.js';
import { RestServer } from './rest.js';
import { channelJson, roleJson, userJson } from './shapes.js';
import { channelRoutes } from './routes-channels.js';
import { guildRoutes } from './routes-guild.js';
import { interactionRoutes } from './routes-interactions.js';
import { World, type Channel, type ChannelSeed, type Member, type Role, type User, type WorldOptions } from './world.js';

export interface DiscordDoubleOptions extends WorldOptions {
  /** The bot token the client must log in with (REST `Authorization: Bot …` and IDENTIFY). */
  token?: string;
  /** HELLO's heartbeat_interval. Default 41250 ms, as Discord. */
  heartbeatIntervalMs?: number;
  /** Events Discord echoes for the bot's own actions; `false` turns them all off. Default: all on. */
  echo?: boolean | EchoOptions;
  /**
   * A message create with `enforce_nonce: true` whose nonce the bot used in the same channel this
   * recently returns that earlier message. Discord says "the past few minutes"; default 3 minutes.
   */
  nonceWindowMs?: number;
}

type Without<T, K extends keyof any> = T extends unknown ? Omit<T, K> : never;

const CALLBACK = 'POST /interactions/:interactionId/:token/callback';

export class DiscordDouble {
  readonly token: string;
  readonly world: World;
  readonly messages: MessageStore;
  readonly interactions: InteractionStore;
  readonly commands: CommandStore;
  private readonly recorder = new Recorder();
  private readonly rest: RestServer;
  private readonly server: Server;
  private readonly gateway: FakeGateway;
  private port = 0;

  constructor(options: DiscordDoubleOptions = {}) {
    this.token = options.token ?? 'discord-double-token';
    this.world = new World(options);
    this.messages = new MessageStore(() => `http://127.0.0.1:${this.port}`);
    this.commands = new CommandStore(this.world.applicationId);
    this.interactions = new InteractionStore(this.world, this.messages, (name) => this.commands.idOf(name));
    const echo: EchoOptions = options.echo === false ? { messages: false, reactions: false, memberUpdates: false }
      : options.echo === true || options.echo === undefined ? {} : options.echo;
    const backend: Backend = {
      world: this.world, messages: this.messages, interactions: this.interactions, commands: this.commands,
      gatewayUrl: () => this.gatewayUrl,
      nonceWindowMs: options.nonceWindowMs ?? 3 * 60_000,
      echo: (kind, t, d) => void (echo[kind] !== false && d !== undefined && this.gateway.dispatch(t, d)),
    };
    const rest = (this.rest = new RestServer(this.recorder, [...interactionRoutes(backend), ...channelRoutes(backend), ...guildRoutes(backend)], this.token));
    this.server = createServer((req, res) => {
      rest.handle(req, res).catch((error: unknown) => {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: `500: ${String(error)}`, code: 0 }));
      });
    });
    this.gateway = new FakeGateway(this.server, {
      world: this.world, token: this.token, url: () => this.gatewayUrl, heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
    });
  }

  async listen(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  /** For discord.js `rest.api` (it appends /v10). */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }
  /** What GET /gateway/bot returns; discord.js connects here. */
  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}/gateway`;
  }
  get applicationId(): string {
    return this.world.applicationId;
  }
  get botId(): string {
    return this.world.botId;
  }
  get guildId(): string {
    return this.world.guildId;
  }

  // ---- the world, by name or id -----------------------------------------------------------------

  user(nameOrId: string): User {
    return this.world.requireUser(nameOrId);
  }
  role(nameOrId: string): Role {
    return this.world.requireRole(nameOrId);
  }
  channel(nameOrId: string): Channel {
    return this.world.requireChannel(nameOrId);
  }
  member(nameOrId: string): Member | undefined {
    const user = this.world.findUser(nameOrId);
    return user && this.world.members.get(user.id);
  }
  /** Role names the member has now (after the bot's grants and revokes). */
  memberRoleNames(nameOrId: string): string[] {
    return (this.member(nameOrId)?.roles ?? []).map((id) => this.world.roles.get(id)?.name ?? id);
  }

  // ---- acting as Discord ------------------------------------------------------------------------

  /** Sends any dispatch to the connected client(s); throws when no client is connected. */
  dispatch(t: string, d: unknown): number {
    if (this.gateway.connected.length === 0) throw new Error(`Discord double: ${t} dispatched with no client connected`);
    return this.gateway.dispatch(t, d);
  }

  /** Someone runs a command, submits a modal or clicks a button: INTERACTION_CREATE. */
  interaction(spec: InteractionSpec): InteractionRecord {
    if (this.gateway.connected.length === 0) throw new Error('Discord double: an interaction needs a connected client');
    const record = this.interactions.create(spec);
    this.dispatch('INTERACTION_CREATE', record.payload);
    return record;
  }
  command(spec: Without<Extract<InteractionSpec, { kind: 'command' }>, 'kind'>): InteractionRecord {
    return this.interaction({ kind: 'command', ...spec });
  }
  modalSubmit(spec: Without<Extract<InteractionSpec, { kind: 'modal' }>, 'kind'>): InteractionRecord {
    return this.interaction({ kind: 'modal', ...spec });
  }
  button(spec: Without<Extract<InteractionSpec, { kind: 'button' }>, 'kind'>): InteractionRecord {
    return this.interaction({ kind: 'button', ...spec });
  }

  /** The bot's answer to an interaction (its callback), once it arrives. */
  async waitForResponse(interaction: InteractionRecord | string, timeoutMs = 2000): Promise<InteractionResponse> {
    const id = typeof interaction === 'string' ? interaction : interaction.id;
    await this.recorder.waitFor((c) => c.route === CALLBACK && c.params.interactionId === id && c.status < 300, timeoutMs);
    return this.interactions.records.get(id)!.responses[0]!;
  }

  /** The interaction's original response message (type 4, or a filled-in type 5), if any. */
  originalMessage(interaction: InteractionRecord | string): StoredMessage | undefined {
    const record = this.interactions.records.get(typeof interaction === 'string' ? interaction : interaction.id);
    return record?.originalMessageId ? this.messages.get(record.originalMessageId) : undefined;
  }

  /** A message that exists on Discord without the client having seen it (state only, nothing dispatched). */
  addMessage(channel: string, message: { author?: string; content?: string; embeds?: unknown[]; components?: unknown[] }): StoredMessage {
    const authorId = message.author ? this.user(message.author).id : this.botId;
    const { author: _a, ...body } = message;
    return this.messages.create(this.channel(channel).id, authorId, body);
  }

  /** A reaction in the double's state only, as if added while the bot was offline. */
  addReaction(messageId: string, channelId: string, user: string, emoji: string): boolean {
    return this.messages.react(this.messageIn(messageId, channelId), this.user(user).id, emoji);
  }

  /** A reaction removed in the double's state only, as if while the bot was offline or missed the event. */
  removeReaction(messageId: string, channelId: string, user: string, emoji: string): boolean {
    return this.messages.unreact(this.messageIn(messageId, channelId), this.user(user).id, emoji);
  }

  /**
   * A user reacts: state, then MESSAGE_REACTION_ADD (with the guild `member`) if a client is connected.
   * Returns whether a client received it; with none connected, the reaction is only in state.
   */
  reactionAdd(messageId: string, channelId: string, user: string, emoji: string): boolean {
    const message = this.messageIn(messageId, channelId);
    const userId = this.user(user).id;
    this.messages.react(message, userId, emoji);
    return this.gateway.dispatch('MESSAGE_REACTION_ADD', reactionAddEvent(this.world, message, userId, emoji)) > 0;
  }

  reactionRemove(messageId: string, channelId: string, user: string, emoji: string): boolean {
    const message = this.messageIn(messageId, channelId);
    const userId = this.user(user).id;
    this.messages.unreact(message, userId, emoji);
    return this.gateway.dispatch('MESSAGE_REACTION_REMOVE', reactionRemoveEvent(this.world, message, userId, emoji)) > 0;
  }

  /** Users (ids) who reacted with this emoji, in order. */
  reactionsOn(messageId: string, emoji: string): string[] {
    const message = this.messages.get(messageId);
    return message ? this.messages.reactionUsers(message, emoji) : [];
  }

  /** Non-ephemeral messages in a channel (id or name), oldest first. */
  messagesIn(channel: string): StoredMessage[] {
    return this.messages.inChannel(this.channel(channel).id);
  }

  // ---- changes staff or members make in the server (state + the gateway event, when connected) ---

  /** Staff edit a role (e.g. drag it above the bot's): GUILD_ROLE_UPDATE. */
  updateRole(nameOrId: string, patch: Partial<Pick<Role, 'name' | 'position' | 'permissions' | 'color'>>): Role {
    const role = this.role(nameOrId);
    Object.assign(role, patch);
    this.dispatchIfConnected('GUILD_ROLE_UPDATE', { guild_id: this.guildId, role: roleJson(role) });
    return role;
  }

  /** A member leaves (or is kicked): GUILD_MEMBER_REMOVE. The user still exists. */
  removeMember(nameOrId: string): void {
    const user = this.user(nameOrId);
    this.world.removeMember(user.id);
    this.dispatchIfConnected('GUILD_MEMBER_REMOVE', { guild_id: this.guildId, user: userJson(user) });
  }

  /** Staff create a channel: CHANNEL_CREATE. */
  addChannel(seed: ChannelSeed): Channel {
    const channel = this.world.addChannel(seed);
    this.dispatchIfConnected('CHANNEL_CREATE', channelJson(this.world, channel));
    return channel;
  }

  /** Staff delete a channel: CHANNEL_DELETE; its messages go with it. */
  deleteChannel(nameOrId: string): void {
    const channel = this.channel(nameOrId);
    this.world.channels.delete(channel.id);
    for (const m of [...this.messages.messages.values()]) if (m.channelId === channel.id) this.messages.messages.delete(m.id);
    this.dispatchIfConnected('CHANNEL_DELETE', channelJson(this.world, channel));
  }

  /** Someone deletes a message: MESSAGE_DELETE. */
  deleteMessage(messageId: string): void {
    const message = this.messages.get(messageId);
    if (!message) throw new Error(`Discord double: no message ${messageId}`);
    this.messages.messages.delete(messageId);
    const channel = this.world.channels.get(message.channelId);
    this.dispatchIfConnected('MESSAGE_DELETE', { id: messageId, channel_id: message.channelId, ...(channel?.guildId ? { guild_id: channel.guildId } : {}) });
  }

  private dispatchIfConnected(t: string, d: unknown): void {
    if (this.gateway.connected.length > 0) this.gateway.dispatch(t, d);
  }

  // ---- gateway lifecycle ------------------------------------------------------------------------

  /** Closes the client's socket(s); see FakeGateway.disconnect for codes. New connections are accepted. */
  disconnect(code?: number, forgetSessions?: boolean): void {
    this.gateway.disconnect(code, forgetSessions);
  }
  waitForSession(timeoutMs?: number): Promise<GatewaySession> {
    return this.gateway.waitForSession(timeoutMs);
  }
  get connectedSessions(): number {
    return this.gateway.connected.length;
  }
  /** Frames the client(s) sent on the gateway. */
  get gatewayFrames() {
    return this.gateway.received;
  }

  // ---- REST recording and failure injection -----------------------------------------------------

  calls(filter?: CallPredicate): RecordedCall[] {
    return this.recorder.calls(filter);
  }
  waitFor(filter: CallPredicate, timeoutMs?: number): Promise<RecordedCall> {
    return this.recorder.waitFor(filter, timeoutMs);
  }
  /** The seq of the latest call; pass as `{ after }` to look only at what comes next. */
  mark(): number {
    return this.recorder.lastSeq;
  }
  /** Requests no route knew (answered 404 {message, code: 0}); a test can assert there were none. */
  unknownRoutes(): RecordedCall[] {
    return this.recorder.calls((c) => c.route === null);
  }
  /** The next `times` matching requests get `spec` (see DiscordErrors) instead of reaching the route. */
  failNext(matcher: CallMatcher | ((call: RecordedCall) => boolean), spec: FailureSpec, times = 1): void {
    this.recorder.failNext(matcher, spec, times);
  }

  /**
   * The next `times` matching requests are carried out at once (a message is created, a reaction
   * added) but answered `ms` later: Discord accepting a request and answering after the client's
   * timeout, or a bot killed while it waits. `calls()` shows them at once, with `delayedMs`.
   */
  delayNext(matcher: CallMatcher | ((call: RecordedCall) => boolean), ms: number, times = 1): void {
    this.recorder.delayNext(matcher, ms, times);
  }

  async close(): Promise<void> {
    this.rest.release();
    await this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private messageIn(messageId: string, channel: string): StoredMessage {
    const message = this.messages.get(messageId);
    if (!message || message.channelId !== this.channel(channel).id) {
      throw new Error(`Discord double: no message ${messageId} in channel ${channel}; post it through the bot or addMessage()`);
    }
    return message;
  }
}

export async function startDiscordDouble(options: DiscordDoubleOptions = {}): Promise<DiscordDouble> {
  return new DiscordDouble(options).listen();
}
