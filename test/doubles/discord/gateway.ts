// The fake gateway: HELLO, heartbeat ACKs, IDENTIFY -> READY + GUILD_CREATE, RESUME -> RESUMED,
// REQUEST_GUILD_MEMBERS -> GUILD_MEMBERS_CHUNK, and dispatches filtered by the session's intents
// like Discord does (an adapter that forgot an intent sees nothing, here as in production).
import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { Server } from 'node:http';
import { GatewayIntentBits as I, GatewayOpcodes as Op } from 'discord-api-types/v10';
import { WebSocket, WebSocketServer } from 'ws';
import { guildCreateJson, memberJson, userJson } from './shapes.js';
import type { World } from './world.js';

export interface GatewaySession {
  id: string;
  seq: number;
  intents: number;
  shard: [number, number];
  socket: WebSocket | null;
}

export interface GatewayFrame {
  op: number;
  d: any;
  time: number;
}

export interface GatewayOptions {
  world: World;
  token: string;
  url: () => string;
  heartbeatIntervalMs: number;
}

/** The intent an event needs, as Discord filters them. Events not listed are always sent. */
function requiredIntent(t: string, d: any): number | undefined {
  const inGuild = Boolean(d?.guild_id);
  if (t.startsWith('GUILD_MEMBER_') && t !== 'GUILD_MEMBERS_CHUNK') return I.GuildMembers;
  if (t.startsWith('MESSAGE_REACTION_')) return inGuild ? I.GuildMessageReactions : I.DirectMessageReactions;
  if (t.startsWith('MESSAGE_')) return inGuild ? I.GuildMessages : I.DirectMessages;
  if (t.startsWith('GUILD_') || t.startsWith('CHANNEL_')) return I.Guilds;
  return undefined;
}

/**
 * Whether a session's shard gets events of this guild: Discord sends a guild's events to shard
 * (guild_id >> 22) % shard_count, and direct messages (no guild) to shard 0 only.
 */
export function shardOwns(shard: [number, number], guildId: string | undefined): boolean {
  const [id, count] = shard;
  if (count <= 1) return true;
  if (!guildId) return id === 0;
  return Number((BigInt(guildId) >> 22n) % BigInt(count)) === id;
}

/** The guild an event is about, where it has one. */
function guildOf(t: string, d: any): string | undefined {
  if (typeof d?.guild_id === 'string') return d.guild_id;
  if ((t === 'GUILD_CREATE' || t === 'GUILD_UPDATE' || t === 'GUILD_DELETE') && typeof d?.id === 'string') return d.id;
  return undefined;
}

export class FakeGateway {
  /** Frames the clients sent (heartbeats included), in order. */
  readonly received: GatewayFrame[] = [];
  private readonly sessions = new Map<string, GatewaySession>();
  private readonly sockets = new Set<WebSocket>();
  private readonly events = new EventEmitter().setMaxListeners(0);
  private readonly wss: WebSocketServer;

  constructor(server: Server, private readonly options: GatewayOptions) {
    this.wss = new WebSocketServer({ server, path: '/gateway' });
    this.wss.on('connection', (socket) => this.accept(socket));
  }

  /** Sessions with an open socket that identified or resumed. */
  get connected(): GatewaySession[] {
    return [...this.sessions.values()].filter((s) => s.socket?.readyState === WebSocket.OPEN);
  }

  /**
   * Sends a dispatch (op 0) to every connected session whose intents allow it and whose shard owns
   * the event's guild (every session without sharding); returns how many got it.
   */
  dispatch(t: string, d: unknown): number {
    const needed = requiredIntent(t, d);
    const guildId = guildOf(t, d);
    let delivered = 0;
    for (const session of this.connected) {
      if (needed !== undefined && !(session.intents & needed)) continue;
      if (!shardOwns(session.shard, guildId)) continue;
      this.send(session, t, d);
      delivered += 1;
    }
    return delivered;
  }

  /** Resolves when a session is (or becomes) connected: after READY + GUILD_CREATE, or RESUMED. */
  waitForSession(timeoutMs = 5000): Promise<GatewaySession> {
    const current = this.connected[0];
    if (current) return Promise.resolve(current);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.events.off('session', onSession);
        reject(new Error(`Discord double: no gateway session within ${timeoutMs} ms`));
      }, timeoutMs);
      const onSession = (s: GatewaySession) => {
        clearTimeout(timer);
        resolve(s);
      };
      this.events.once('session', onSession);
    });
  }

  /**
   * Closes every socket with `code`. discord.js resumes after 4000 (the default) and re-identifies
   * after 1000; pass `forgetSessions` to make a resume fail (op 9) and force a fresh IDENTIFY.
   */
  disconnect(code = 4000, forgetSessions = false): void {
    for (const socket of this.sockets) socket.close(code, 'Discord double disconnect');
    if (forgetSessions) this.sessions.clear();
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private accept(socket: WebSocket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('message', (raw) => {
      let frame: { op: number; d: any };
      try {
        frame = JSON.parse(String(raw));
      } catch {
        socket.close(4002, 'Error while decoding payload.');
        return;
      }
      this.received.push({ ...frame, time: Date.now() });
      this.onFrame(socket, frame);
    });
    this.raw(socket, { op: Op.Hello, d: { heartbeat_interval: this.options.heartbeatIntervalMs }, s: null, t: null });
  }

  private onFrame(socket: WebSocket, { op, d }: { op: number; d: any }): void {
    switch (op) {
      case Op.Heartbeat:
        return this.raw(socket, { op: Op.HeartbeatAck, d: null, s: null, t: null });
      case Op.Identify:
        return this.identify(socket, d);
      case Op.Resume:
        return this.resume(socket, d);
      case Op.RequestGuildMembers:
        return this.requestMembers(socket, d);
      default:
        return; // presence and voice updates are accepted and ignored
    }
  }

  private identify(socket: WebSocket, d: any): void {
    if (d?.token !== this.options.token) return socket.close(4004, 'Authentication failed.');
    const { world } = this.options;
    const session: GatewaySession = {
      id: randomBytes(16).toString('hex'),
      seq: 0,
      intents: Number(d.intents ?? 0),
      shard: Array.isArray(d.shard) ? [d.shard[0], d.shard[1]] : [0, 1],
      socket,
    };
    if (!(session.shard[1] >= 1 && session.shard[0] >= 0 && session.shard[0] < session.shard[1])) return socket.close(4010, 'Invalid shard.');
    this.sessions.set(session.id, session);
    const owned = shardOwns(session.shard, world.guildId);
    this.send(session, 'READY', {
      v: 10,
      user: { ...userJson(world.bot), verified: true, mfa_enabled: false, email: null },
      guilds: owned ? [{ id: world.guildId, unavailable: true }] : [],
      session_id: session.id,
      session_type: 'normal',
      resume_gateway_url: this.options.url(),
      shard: session.shard,
      application: { id: world.applicationId, flags: 0 },
      user_settings: {},
      private_channels: [],
      relationships: [],
      presences: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: [],
      auth: {},
      _trace: ['["discord-double",{"micros":0}]'],
    });
    if (owned) this.send(session, 'GUILD_CREATE', guildCreateJson(world, Boolean(session.intents & I.GuildPresences)));
    this.events.emit('session', session);
  }

  private resume(socket: WebSocket, d: any): void {
    const session = this.sessions.get(d?.session_id);
    if (!session || d?.token !== this.options.token) {
      return this.raw(socket, { op: Op.InvalidSession, d: false, s: null, t: null });
    }
    session.socket = socket;
    this.send(session, 'RESUMED', {});
    this.events.emit('session', session);
  }

  private requestMembers(socket: WebSocket, d: any): void {
    const session = [...this.sessions.values()].find((s) => s.socket === socket);
    if (!session) return socket.close(4003, 'Not authenticated.');
    const { world } = this.options;
    const ids: string[] | undefined = d.user_ids === undefined ? undefined : [].concat(d.user_ids);
    const query = String(d.query ?? '').toLowerCase();
    let members = [...world.members.values()].filter((m) =>
      ids ? ids.includes(m.userId) : world.requireUser(m.userId).username.toLowerCase().startsWith(query),
    );
    if (d.limit) members = members.slice(0, Number(d.limit));
    this.send(session, 'GUILD_MEMBERS_CHUNK', {
      guild_id: world.guildId,
      members: members.map((m) => memberJson(world, m)),
      chunk_index: 0,
      chunk_count: 1,
      ...(ids ? { not_found: ids.filter((id) => !world.members.has(id)) } : {}),
      ...(d.nonce ? { nonce: d.nonce } : {}),
    });
  }

  private send(session: GatewaySession, t: string, d: unknown): void {
    session.seq += 1;
    if (session.socket) this.raw(session.socket, { op: Op.Dispatch, t, s: session.seq, d });
  }

  private raw(socket: WebSocket, payload: unknown): void {
    if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(payload));
  }
}
