// Where the console keeps the bot's messages and their reactions. In production this is the
// database (src/db/console-messages.ts), so a restart continues the conversation: numbering goes
// on, `:show #3` still works, and reactions reach the application they were meant for. The
// in-memory version serves tests of the console alone.
import type { OutboundMessage } from '../../core/ports/chat-platform.js';

export interface StoredConsoleMessage {
  id: number;
  channel: string;
  message: OutboundMessage;
  /** emoji -> user ids ('bot' for the bot's own). */
  reactions: Record<string, string[]>;
}

export interface ConsoleMessageStore {
  /** A post; with a key already used, the earlier message comes back (`created: false`). */
  create(channel: string, message: OutboundMessage, key?: string): Promise<{ id: number; created: boolean }>;
  get(id: number): Promise<StoredConsoleMessage | null>;
  latestIn(channel: string): Promise<number | null>;
  update(id: number, message: OutboundMessage): Promise<boolean>;
  /** Adds or removes one person's reaction; false when it was already so. */
  react(id: number, emoji: string, userId: string, added: boolean): Promise<boolean>;
}

/** Image bytes are not kept: a terminal shows a path, and the file is saved when posted. */
export const withoutImage = (m: OutboundMessage): OutboundMessage => {
  const { image, ...rest } = m;
  return image ? { ...rest, image: { ...image, png: new Uint8Array() } } : rest;
};

export function changeReaction(reactions: Record<string, string[]>, emoji: string, userId: string, added: boolean): boolean {
  const users = reactions[emoji] ?? [];
  const has = users.includes(userId);
  if (has === added) return false;
  reactions[emoji] = added ? [...users, userId] : users.filter((u) => u !== userId);
  if (!reactions[emoji]!.length) delete reactions[emoji];
  return true;
}

export function memoryConsoleMessages(): ConsoleMessageStore {
  const rows = new Map<number, StoredConsoleMessage>();
  const keys = new Map<string, number>();
  let seq = 0;
  return {
    async create(channel, message, key) {
      const known = key ? keys.get(key) : undefined;
      if (known !== undefined) return { id: known, created: false };
      const id = ++seq;
      rows.set(id, { id, channel, message: withoutImage(message), reactions: {} });
      if (key) keys.set(key, id);
      return { id, created: true };
    },
    get: async (id) => structuredClone(rows.get(id) ?? null),
    async latestIn(channel) {
      const ids = [...rows.values()].filter((r) => r.channel === channel).map((r) => r.id);
      return ids.length ? Math.max(...ids) : null;
    },
    async update(id, message) {
      const row = rows.get(id);
      if (row) row.message = withoutImage(message);
      return Boolean(row);
    },
    async react(id, emoji, userId, added) {
      const row = rows.get(id);
      return row ? changeReaction(row.reactions, emoji, userId, added) : false;
    },
  };
}
