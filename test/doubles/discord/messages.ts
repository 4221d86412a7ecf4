// Messages the bot (or a test) posted, with their reactions. Bodies are stored as sent, so tests can
// assert on content, embeds, components and allowed_mentions.
import { MessageFlags, MessageType } from 'discord-api-types/v10';
import { compareSnowflakes, snowflake } from './snowflake.js';

export interface Emoji {
  id: string | null;
  name: string;
  animated?: boolean;
}

export interface Reaction {
  emoji: Emoji;
  /** User ids in the order they reacted. */
  users: string[];
}

export interface FileUpload {
  field: string;
  name: string;
  contentType: string;
  size: number;
  data: Uint8Array;
}

export interface StoredAttachment {
  id: string;
  filename: string;
  size: number;
  content_type: string;
  url: string;
  proxy_url: string;
  description?: string;
}

export interface StoredMessage {
  id: string;
  channelId: string;
  authorId: string;
  content: string;
  embeds: unknown[];
  components: unknown[];
  attachments: StoredAttachment[];
  files: FileUpload[];
  flags: number;
  type: MessageType;
  timestamp: string;
  editedTimestamp: string | null;
  /** As sent (`allowed_mentions`); undefined when the request had none. */
  allowedMentions: unknown;
  /** The JSON body of the request that created the message, then of the last edit. */
  body: Record<string, unknown>;
  /** Set on interaction responses (the application id) and webhook messages. */
  webhookId?: string;
  interaction?: { id: string; type: number; userId: string; name?: string };
  reactions: Map<string, Reaction>;
  /** The create request's `nonce`, if it had one (Discord echoes it in the answer and MESSAGE_CREATE). */
  nonce?: string | number;
}

/**
 * Reaction emoji as a route or a test names them: '✅', 'name:id', 'a:name:id' or '<:name:id>'.
 * The key is what Discord puts in reaction routes: the unicode itself, or 'name:id'.
 */
export function parseEmoji(raw: string): { key: string; emoji: Emoji } {
  const custom = /^<?(a)?:?([\w~-]+):(\d{5,})>?$/.exec(raw);
  if (custom) {
    const [, animated, name, id] = custom as unknown as [string, string | undefined, string, string];
    return { key: `${name}:${id}`, emoji: { id, name, ...(animated ? { animated: true } : {}) } };
  }
  return { key: raw, emoji: { id: null, name: raw } };
}

export class MessageStore {
  readonly messages = new Map<string, StoredMessage>();

  constructor(private readonly origin: () => string) {}

  get(id: string): StoredMessage | undefined {
    return this.messages.get(id);
  }

  /** Messages people can see in a channel (ephemeral interaction replies excluded), oldest first. */
  inChannel(channelId: string): StoredMessage[] {
    return [...this.messages.values()]
      .filter((m) => m.channelId === channelId && !(m.flags & MessageFlags.Ephemeral))
      .sort((a, b) => compareSnowflakes(a.id, b.id));
  }

  create(
    channelId: string,
    authorId: string,
    body: Record<string, unknown>,
    files: FileUpload[] = [],
    extra: Partial<StoredMessage> = {},
  ): StoredMessage {
    const message: StoredMessage = {
      id: snowflake(),
      channelId,
      authorId,
      content: '',
      embeds: [],
      components: [],
      attachments: [],
      files: [],
      flags: 0,
      type: MessageType.Default,
      timestamp: new Date().toISOString(),
      editedTimestamp: null,
      allowedMentions: undefined,
      body,
      reactions: new Map(),
      ...extra,
    };
    this.apply(message, body, files);
    this.messages.set(message.id, message);
    return message;
  }

  edit(message: StoredMessage, body: Record<string, unknown>, files: FileUpload[] = []): StoredMessage {
    this.apply(message, body, files);
    message.body = body;
    message.editedTimestamp = new Date().toISOString();
    return message;
  }

  /** Adds a reaction; false when this user had already reacted with this emoji. */
  react(message: StoredMessage, userId: string, rawEmoji: string): boolean {
    const { key, emoji } = parseEmoji(rawEmoji);
    const reaction = message.reactions.get(key) ?? { emoji, users: [] };
    message.reactions.set(key, reaction);
    if (reaction.users.includes(userId)) return false;
    reaction.users.push(userId);
    return true;
  }

  /** Removes a reaction; false when there was none. */
  unreact(message: StoredMessage, userId: string, rawEmoji: string): boolean {
    const { key } = parseEmoji(rawEmoji);
    const reaction = message.reactions.get(key);
    if (!reaction?.users.includes(userId)) return false;
    reaction.users = reaction.users.filter((u) => u !== userId);
    if (reaction.users.length === 0) message.reactions.delete(key);
    return true;
  }

  /**
   * The message this author created in this channel with this nonce since `since` (ms epoch), if any:
   * what Discord answers a create with `enforce_nonce: true` instead of making a second message.
   */
  byNonce(channelId: string, authorId: string, nonce: string | number, since: number): StoredMessage | undefined {
    return [...this.messages.values()].find((m) =>
      m.channelId === channelId && m.authorId === authorId && m.nonce !== undefined && String(m.nonce) === String(nonce) &&
      Date.parse(m.timestamp) >= since);
  }

  reactionUsers(message: StoredMessage, rawEmoji: string): string[] {
    return message.reactions.get(parseEmoji(rawEmoji).key)?.users ?? [];
  }

  private apply(message: StoredMessage, body: Record<string, unknown>, files: FileUpload[]): void {
    if (typeof body.content === 'string') message.content = body.content;
    if (Array.isArray(body.embeds)) message.embeds = body.embeds;
    if (Array.isArray(body.components)) message.components = body.components;
    if (typeof body.flags === 'number') message.flags = (message.flags & MessageFlags.Ephemeral) | body.flags;
    if ('allowed_mentions' in body) message.allowedMentions = body.allowed_mentions;
    if (files.length > 0 || Array.isArray(body.attachments)) {
      const described = (Array.isArray(body.attachments) ? body.attachments : []) as Array<Record<string, unknown>>;
      const kept = Array.isArray(body.attachments)
        ? message.attachments.filter((a) => described.some((d) => String(d.id) === a.id))
        : message.attachments;
      const uploaded = files.map((file, index) => {
        const id = snowflake();
        const meta = described.find((d) => String(d.id) === String(index));
        const url = `${this.origin()}/attachments/${message.channelId}/${id}/${encodeURIComponent(file.name)}`;
        return {
          id, filename: file.name, size: file.size, content_type: file.contentType, url, proxy_url: url,
          ...(typeof meta?.description === 'string' ? { description: meta.description } : {}),
        };
      });
      message.attachments = [...kept, ...uploaded];
      message.files = [...message.files, ...files];
    }
  }
}
