// The port contract on the Discord adapter: the real discord.js Client against the Discord double
// (no database, no core: only the port).
import { pino } from 'pino';
import { createDiscordAdapter } from '../../../src/platforms/discord/index.js';
import { startDiscordDouble } from '../../doubles/discord/index.js';
import { idleSink, portContract } from './port-contract.js';

/** What a person reads in a message body: content, then each embed's title, description, fields, footer. */
const textOf = (body: Record<string, any>): string =>
  [body.content, ...(body.embeds ?? []).flatMap((e: any) => [e.title, e.description, ...(e.fields ?? []).map((f: any) => `${f.name}: ${f.value}`), e.footer?.text])]
    .filter(Boolean).join('\n');

portContract('discord', async () => {
  const double = await startDiscordDouble(); // one guild: #committee, alice, the Ambassador role
  const adapter = createDiscordAdapter({ token: double.token, applicationId: double.applicationId, apiUrl: double.apiUrl }, pino({ level: 'silent' }), { rest: { retries: 0 } });
  await adapter.start(idleSink);
  const channel = { platform: 'discord' as const, workspaceId: double.guildId, id: double.channel('committee').id };
  const alice = double.user('alice');
  return {
    adapter,
    capabilities: { removeOthersReactions: true, dmFiles: true },
    channel,
    person: { platform: 'discord', workspaceId: double.guildId, id: alice.id, name: 'alice', isBot: false },
    membership: 'Ambassador',
    unreadable: { channel, id: '1234567890123456789' },
    botId: double.botId,
    shownText: (ref) => {
      const m = double.messages.get(ref.id);
      return m && m.channelId === ref.channel.id ? textOf(m.body) : undefined;
    },
    messageCount: (ch) => double.messagesIn(ch.id).length,
    dmsTo: (user) => double.messagesIn(double.world.dmChannelFor(user.id).id).map((m) => textOf(m.body)),
    reactors: (ref, emoji) => double.reactionsOn(ref.id, emoji),
    reactAs: (user, ref, emoji) => double.addReaction(ref.id, ref.channel.id, user.id, emoji),
    async close() {
      await adapter.stop();
      await double.close();
    },
  };
});
