// The port contract on the console adapter: its message store is what the "platform" shows.
import { Readable } from 'node:stream';
import { ConsoleAdapter, consoleUser, consoleWorkspace } from '../../../src/platforms/console/adapter.js';
import { memoryConsoleMessages } from '../../../src/platforms/console/messages.js';
import { idleSink, portContract } from './port-contract.js';

portContract('console', async () => {
  const messages = memoryConsoleMessages();
  const output: string[] = [];
  const adapter = new ConsoleAdapter({ input: Readable.from([]), write: (t) => void output.push(t), commands: [], settle: async () => {}, messages });
  await adapter.start(idleSink);
  const channel = { platform: 'console' as const, workspaceId: consoleWorkspace, id: 'committee' };
  return {
    adapter,
    capabilities: { removeOthersReactions: true },
    channel,
    person: consoleUser('carol'),
    membership: 'Ambassadors',
    unreadable: { channel, id: '9999' },
    botId: 'bot',
    async shownText(ref) {
      const row = await messages.get(Number(ref.id));
      return row ? [row.message.title, row.message.text].filter(Boolean).join('\n') : undefined;
    },
    async messageCount(ch) {
      let n = 0; // the store numbers messages from 1 and never deletes one
      for (let id = 1; ; id++) {
        const row = await messages.get(id);
        if (!row) return n;
        if (row.channel === ch.id) n++;
      }
    },
    dmsTo: (user) => output.filter((t) => t.startsWith(`[DM to @${user.id}]`)),
    reactors: async (ref, emoji) => (await messages.get(Number(ref.id)))?.reactions[emoji] ?? [],
    reactAs: (user, ref, emoji) => messages.react(Number(ref.id), emoji, user.id, true),
    close: () => adapter.stop(),
  };
});
