// The port contract on the Slack adapter: the real Bolt App against the Slack double (no database,
// no core: only the port).
import { pino } from 'pino';
import { slackName } from '../../../src/core/voting/emoji.js';
import { createSlackAdapter } from '../../../src/platforms/slack/index.js';
import { startSlackDouble } from '../../doubles/slack/index.js';
import { idleSink, portContract } from './port-contract.js';

const CARL = 'U0CARL0001';
const COMMITTEE = 'C0COMMITTEE';
const AMBASSADORS = 'C0AMBASSADR';

portContract('slack', async () => {
  const slack = await startSlackDouble({
    users: [{ id: CARL, name: 'carl', realName: 'Carl Sagan' }],
    channels: [
      { id: COMMITTEE, name: 'committee', isPrivate: true, members: [CARL] },
      { id: AMBASSADORS, name: 'ambassadors', isPrivate: true, members: [] },
    ],
  });
  const config = { botToken: slack.botToken, signingSecret: slack.signingSecret, apiUrl: slack.apiUrl, port: 0 };
  const adapter = createSlackAdapter(config, pino({ level: 'silent' }), []);
  await adapter.start(idleSink);
  const channel = { platform: 'slack' as const, workspaceId: slack.team.id, id: COMMITTEE };
  return {
    adapter,
    capabilities: { removeOthersReactions: false, dmFiles: true },
    channel,
    person: { platform: 'slack', workspaceId: slack.team.id, id: CARL, name: 'carl', isBot: false },
    membership: AMBASSADORS,
    unreadable: { channel, id: '1234567890.000001' },
    botId: slack.bot.userId,
    shownText: (ref) => slack.messagesIn(ref.channel.id).find((m) => m.ts === ref.id)?.text,
    messageCount: (ch) => slack.messagesIn(ch.id).length,
    dmsTo: (user) => {
      const dm = slack.dmWith(user.id);
      return dm ? slack.messagesIn(dm).map((m) => m.text ?? '') : [];
    },
    reactors: (ref, emoji) => slack.reactionsOn(ref.channel.id, ref.id).find((r) => r.name === slackName(emoji))?.users ?? [],
    reactAs: (user, ref, emoji) => slack.workspace.addReaction(ref.channel.id, ref.id, slackName(emoji), user.id),
    async close() {
      await adapter.stop();
      await slack.close();
    },
  };
});
