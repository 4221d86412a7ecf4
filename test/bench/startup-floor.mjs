// The floors the start-up bench measures the bot against, as plain JavaScript run by `node` (no
// loader, like the bot's production build):
//   node test/bench/startup-floor.mjs node       a bare Node process
//   node test/bench/startup-floor.mjs discord    a bare discord.js client with the bot's intents and
//                                                partials, logged in to DISCORD_API_URL, answering
//                                                every interaction at once
//   node test/bench/startup-floor.mjs slack      the same plus a bare Bolt app (HTTP receiver) on
//                                                SLACK_API_URL, acknowledging every command at once
// Each prints "ready" on stdout when it is ready, then idles until killed.
const kind = process.argv[2] ?? 'node';
const env = process.env;

if (kind === 'discord' || kind === 'slack') {
  const { Client, GatewayIntentBits: I, Partials: P } = await import('discord.js');
  const client = new Client({
    intents: [I.Guilds, I.GuildMessages, I.GuildMessageReactions, I.GuildMembers, I.DirectMessages],
    partials: [P.Message, P.Channel, P.Reaction, P.User, P.GuildMember],
    allowedMentions: { parse: [] },
    rest: { api: env.DISCORD_API_URL },
  });
  client.on('interactionCreate', (i) => void (i.isRepliable() && i.reply({ content: 'ok', ephemeral: true }).catch(() => undefined)));
  await new Promise((resolve, reject) => {
    client.once('clientReady', resolve);
    client.login(env.DISCORD_TOKEN).catch(reject);
  });
}
if (kind === 'slack') {
  const { App } = await import('@slack/bolt');
  const app = new App({ token: env.SLACK_BOT_TOKEN, signingSecret: env.SLACK_SIGNING_SECRET, clientOptions: { slackApiUrl: env.SLACK_API_URL } });
  app.command(/.*/, async ({ ack }) => ack());
  await app.start({ port: 0, host: '127.0.0.1' });
}
process.stdout.write('ready\n');
setInterval(() => {}, 1 << 30);
