// The console adapter's messages in the database (see src/platforms/console/messages.ts).
import type { Database } from './client.js';
import type { ConsoleMessageStore, StoredConsoleMessage } from '../platforms/console/messages.js';
import { changeReaction, withoutImage } from '../platforms/console/messages.js';

const isUniqueViolation = (err: unknown) => (err as { code?: string })?.code === 'P2002';

export function consoleMessages({ prisma }: Pick<Database, 'prisma'>): ConsoleMessageStore {
  const toStored = (r: { id: number; channel: string; message: unknown; reactions: unknown }): StoredConsoleMessage => ({
    id: r.id, channel: r.channel, message: r.message as StoredConsoleMessage['message'], reactions: (r.reactions ?? {}) as Record<string, string[]>,
  });
  return {
    async create(channel, message, key) {
      if (key) {
        const known = await prisma.consoleMessage.findUnique({ where: { postKey: key } });
        if (known) return { id: known.id, created: false };
      }
      try {
        const row = await prisma.consoleMessage.create({ data: { channel, message: withoutImage(message) as never, reactions: {}, postKey: key ?? null } });
        return { id: row.id, created: true };
      } catch (err) {
        if (!key || !isUniqueViolation(err)) throw err;
        const known = await prisma.consoleMessage.findUniqueOrThrow({ where: { postKey: key } });
        return { id: known.id, created: false };
      }
    },
    async get(id) {
      const row = await prisma.consoleMessage.findUnique({ where: { id } });
      return row ? toStored(row) : null;
    },
    async latestIn(channel) {
      const row = await prisma.consoleMessage.findFirst({ where: { channel }, orderBy: { id: 'desc' }, select: { id: true } });
      return row?.id ?? null;
    },
    update: async (id, message) => (await prisma.consoleMessage.updateMany({ where: { id }, data: { message: withoutImage(message) as never } })).count === 1,
    react: (id, emoji, userId, added) =>
      prisma.$transaction(async (tx) => {
        const row = await tx.consoleMessage.findUnique({ where: { id } });
        if (!row) return false;
        const reactions = toStored(row).reactions;
        if (!changeReaction(reactions, emoji, userId, added)) return false;
        await tx.consoleMessage.update({ where: { id }, data: { reactions } });
        return true;
      }),
  };
}
