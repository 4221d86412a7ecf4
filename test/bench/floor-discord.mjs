// The floor for the Discord figures: a bare discord.js client with the bot's intents and partials,
// answering every interaction at once with no work at all: /apply with a modal as big as the bot's
// first step (five text inputs), anything else with a one-line ephemeral reply. Plain JavaScript,
// so nothing but discord.js runs. Environment: DISCORD_TOKEN, DISCORD_API_URL.
import { Client, Events, GatewayIntentBits, MessageFlags, Partials } from 'discord.js';

const client = new Client({
  intents: [
    GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.GuildMessageReactions,
    GatewayIntentBits.GuildMembers, GatewayIntentBits.DirectMessages,
  ],
  partials: [Partials.Message, Partials.Channel, Partials.Reaction, Partials.User, Partials.GuildMember],
  allowedMentions: { parse: [] },
  rest: { api: process.env.DISCORD_API_URL },
});

const modal = (id) => ({
  custom_id: `floor:${id}`,
  title: 'Apply: Campus Crew (1/2)',
  components: [1, 2, 3, 4, 5].map((n) => ({
    type: 18,
    label: `Question ${n}`,
    component: { type: 4, custom_id: `q${n}`, style: n % 2 ? 2 : 1, required: true, max_length: 500 },
  })),
});

client.on(Events.InteractionCreate, (i) => {
  if (!i.isChatInputCommand()) return;
  const done = i.commandName === 'apply' ? i.showModal(modal(i.id)) : i.reply({ content: 'Done.', flags: MessageFlags.Ephemeral });
  done.catch((err) => process.stderr.write(`floor: ${err}\n`));
});
client.once(Events.ClientReady, () => process.stderr.write('floor ready\n'));
process.on('SIGTERM', () => void client.destroy().then(() => process.exit(0)));
await client.login(process.env.DISCORD_TOKEN);
