// Smoke test of the Discord double: the real discord.js Client, offline, against it.
import { once } from 'node:events';
import {
  ActionRowBuilder, ApplicationCommandOptionType, ButtonBuilder, ButtonStyle, ChannelType, Client, DiscordAPIError, Events, GatewayIntentBits, LabelBuilder,
  MessageFlags, ModalBuilder, Partials, TextInputStyle, type ButtonInteraction, type ChatInputCommandInteraction, type ClientOptions,
  type Interaction, type MessageReaction, type ModalSubmitInteraction, type PartialMessageReaction,
  type PartialUser, type TextChannel, type User,
} from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordErrors, startDiscordDouble, type DiscordDouble } from './index.js';

const ROLE_GRANT = 'PUT /guilds/:guildId/members/:userId/roles/:roleId';

function clientOptions(double: DiscordDouble, retries = 0): ClientOptions {
  return {
    intents: [
      GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.GuildMessageReactions,
      GatewayIntentBits.GuildMembers, GatewayIntentBits.DirectMessages,
    ],
    partials: [Partials.Message, Partials.Channel, Partials.Reaction, Partials.User, Partials.GuildMember],
    rest: { api: double.apiUrl, retries },
    waitGuildTimeout: 1000,
  };
}

async function startClient(double: DiscordDouble, retries = 0): Promise<Client<true>> {
  const client = new Client(clientOptions(double, retries));
  const ready = once(client, Events.ClientReady);
  await client.login(double.token);
  await ready;
  return client as Client<true>;
}

/** The next interaction of a kind; registered before the double dispatches it. */
function nextInteraction<T extends Interaction>(client: Client, accept: (i: Interaction) => i is T): Promise<T> {
  return new Promise((resolve) => {
    const listener = (i: Interaction) => {
      if (!accept(i)) return;
      client.off(Events.InteractionCreate, listener);
      resolve(i);
    };
    client.on(Events.InteractionCreate, listener);
  });
}

describe('Discord double driven by the real discord.js Client', () => {
  let double: DiscordDouble;
  let client: Client<true>;

  beforeAll(async () => {
    double = await startDiscordDouble();
    client = await startClient(double);
  });

  afterAll(async () => {
    await client?.destroy();
    await double?.close();
  });

  it('GIVEN a double WHEN the client logs in THEN it is ready with the guild, its channels, roles and the bot member cached', () => {
    const guild = client.guilds.cache.get(double.guildId);
    expect(client.user.id).toBe(double.botId);
    expect(client.application?.id).toBe(double.applicationId);
    expect(guild?.ownerId).toBe(double.user('owner').id);
    expect(guild?.channels.cache.get(double.channel('general').id)?.type).toBe(ChannelType.GuildText);
    expect(guild?.roles.cache.map((r) => r.name)).toEqual(expect.arrayContaining(['@everyone', 'Ambassador', 'Staff']));
    expect(guild?.members.me?.roles.cache.has(double.role('Ambassador Bot').id)).toBe(true);
    expect(double.calls({ method: 'GET', path: '/gateway/bot' })).toHaveLength(1);
  });

  it('GIVEN a ready client WHEN a chat-input command with a subcommand group arrives THEN the handler sees it and its ephemeral reply lands at the callback route', async () => {
    const received = nextInteraction(client, (i): i is ChatInputCommandInteraction => i.isChatInputCommand());
    const sent = double.command({
      user: 'alice',
      channel: 'general',
      name: 'program questions add',
      options: { text: 'Why us?', order: 2, member: { type: ApplicationCommandOptionType.User, value: double.user('bob').id } },
    });

    const interaction = await received;
    expect(interaction.commandName).toBe('program');
    expect(interaction.options.getSubcommandGroup()).toBe('questions');
    expect(interaction.options.getSubcommand()).toBe('add');
    expect(interaction.options.getString('text')).toBe('Why us?');
    expect(interaction.options.getInteger('order')).toBe(2);
    expect(interaction.options.getUser('member')?.username).toBe('bob');
    expect(interaction.user.id).toBe(double.user('alice').id);
    await interaction.reply({ content: 'Question added.', flags: MessageFlags.Ephemeral });

    const response = await double.waitForResponse(sent);
    expect(response).toMatchObject({ type: 4, data: { content: 'Question added.', flags: MessageFlags.Ephemeral } });
    expect(double.messagesIn('general').map((m) => m.content)).not.toContain('Question added.');
  });

  it('GIVEN a deferred command WHEN the handler edits its reply THEN PATCH @original fills the original message', async () => {
    const received = nextInteraction(client, (i): i is ChatInputCommandInteraction => i.isChatInputCommand());
    const sent = double.command({ user: 'bob', name: 'status' });
    const interaction = await received;
    await interaction.deferReply();
    await interaction.editReply({ content: 'Your application is under review.' });

    const edit = await double.waitFor({ method: 'PATCH', path: `/webhooks/${double.applicationId}/${sent.token}/messages/@original` });
    expect(edit.body).toMatchObject({ content: 'Your application is under review.' });
    expect(double.originalMessage(sent)?.content).toBe('Your application is under review.');
    expect(double.messagesIn('general').at(-1)?.content).toBe('Your application is under review.');
  });

  it('GIVEN a command WHEN the handler shows a modal and the user submits it THEN type 9 lands and a ModalSubmitInteraction carries the fields', async () => {
    const command = nextInteraction(client, (i): i is ChatInputCommandInteraction => i.isChatInputCommand());
    const sent = double.command({ user: 'alice', name: 'apply' });
    const modal = new ModalBuilder().setCustomId('apply:1').setTitle('Apply').addLabelComponents(
      new LabelBuilder().setLabel('Why?').setTextInputComponent((t) => t.setCustomId('why').setStyle(TextInputStyle.Paragraph)),
    );
    await (await command).showModal(modal);
    const shown = await double.waitForResponse(sent);
    expect(shown).toMatchObject({ type: 9, data: { custom_id: 'apply:1', title: 'Apply' } });

    const submitted = nextInteraction(client, (i): i is ModalSubmitInteraction => i.isModalSubmit());
    const submit = double.modalSubmit({ user: 'alice', customId: 'apply:1', values: { why: 'I love this org.' } });
    const interaction = await submitted;
    expect(interaction.customId).toBe('apply:1');
    expect(interaction.fields.getTextInputValue('why')).toBe('I love this org.');
    await interaction.reply({ content: 'Thanks!', flags: MessageFlags.Ephemeral });
    expect(await double.waitForResponse(submit)).toMatchObject({ type: 4, data: { content: 'Thanks!' } });
  });

  it('GIVEN a text channel WHEN the bot sends a mention-safe message and reacts THEN both are stored and recorded with the decoded emoji', async () => {
    const channel = client.channels.cache.get(double.channel('committee').id) as TextChannel;
    const message = await channel.send({ content: 'Vote on <@123>', allowedMentions: { parse: [] } });
    await message.react('✅');

    const post = double.calls({ route: 'POST /channels/:channelId/messages' }).at(-1);
    expect(post?.body.allowed_mentions).toEqual({ parse: [] });
    expect(double.messagesIn('committee').map((m) => m.content)).toContain('Vote on <@123>');
    const react = await double.waitFor({ method: 'PUT', path: `/channels/${channel.id}/messages/${message.id}/reactions/✅/@me` });
    expect(react.status).toBe(204);
    expect(double.reactionsOn(message.id, '✅')).toEqual([double.botId]);
  });

  it('GIVEN a message the client never saw WHEN a member reacts THEN messageReactionAdd fires with a partial message and the member', async () => {
    const old = double.addMessage('committee', { content: 'Posted before the restart' });
    const added = new Promise<[MessageReaction | PartialMessageReaction, User | PartialUser]>((resolve) => {
      const listener = (reaction: MessageReaction | PartialMessageReaction, user: User | PartialUser) => {
        if (reaction.message.id !== old.id || user.bot) return;
        client.off(Events.MessageReactionAdd, listener);
        resolve([reaction, user]);
      };
      client.on(Events.MessageReactionAdd, listener);
    });
    expect(double.reactionAdd(old.id, 'committee', 'bob', '✅')).toBe(true);

    const [reaction, user] = await added;
    expect(reaction.message.partial).toBe(true);
    expect(reaction.emoji.name).toBe('✅');
    expect(user.id).toBe(double.user('bob').id);
    expect(reaction.message.guild?.members.cache.get(user.id)?.joinedAt).toBeInstanceOf(Date);
  });

  it('GIVEN a 429 on a role grant WHEN the bot grants the role THEN discord.js waits retry-after, retries and succeeds', async () => {
    double.failNext({ route: ROLE_GRANT }, DiscordErrors.rateLimited(0.05));
    const mark = double.mark();
    const guild = client.guilds.cache.get(double.guildId)!;
    await guild.members.addRole({ user: double.user('alice').id, role: double.role('Ambassador').id });

    const attempts = double.calls({ route: ROLE_GRANT, after: mark });
    expect(attempts.map((c) => c.status)).toEqual([429, 204]);
    expect(attempts[1]!.time - attempts[0]!.time).toBeGreaterThanOrEqual(40);
    expect(double.memberRoleNames('alice')).toContain('Ambassador');
  });

  it('GIVEN a role above the bot WHEN the bot grants it THEN a DiscordAPIError 50013 surfaces', async () => {
    const guild = client.guilds.cache.get(double.guildId)!;
    const grant = guild.members.addRole({ user: double.user('bob').id, role: double.role('Staff').id });

    await expect(grant).rejects.toBeInstanceOf(DiscordAPIError);
    await expect(grant).rejects.toMatchObject({ code: 50013, status: 403 });
    expect(double.memberRoleNames('bob')).not.toContain('Staff');
  });

  it('GIVEN an injected 50007 WHEN the bot DMs a user THEN the send fails with code 50007', async () => {
    double.failNext({ method: 'POST', path: /^\/channels\/\d+\/messages$/ }, DiscordErrors.cannotSendMessagesToThisUser());
    const user = await client.users.fetch(double.user('bob').id);
    await expect(user.send('Welcome!')).rejects.toMatchObject({ code: 50007 });
    expect(double.calls({ method: 'POST', path: '/users/@me/channels' })).toHaveLength(1);
  });

  it('GIVEN reactions added while the bot was down WHEN a new client starts THEN it reads them back through GET reactions', async () => {
    const channel = client.channels.cache.get(double.channel('committee').id) as TextChannel;
    const ballot = await channel.send('Ballot');
    await client.destroy();
    double.addReaction(ballot.id, 'committee', 'alice', '✅');
    double.addReaction(ballot.id, 'committee', 'bob', '❌');

    client = await startClient(double);
    const fetched = await (client.channels.cache.get(channel.id) as TextChannel).messages.fetch(ballot.id);
    const voters = await fetched.reactions.cache.get('✅')!.users.fetch();
    expect([...voters.keys()]).toEqual([double.user('alice').id]);
    expect(fetched.reactions.cache.get('❌')?.count).toBe(1);
    expect(double.calls({ path: `/channels/${channel.id}/messages/${ballot.id}/reactions/✅` })).toHaveLength(1);
  });

  it('GIVEN the gateway drops the connection WHEN discord.js reconnects THEN it resumes the session instead of identifying again', async () => {
    const resumed = once(client, Events.ShardResume);
    const identifies = double.gatewayFrames.filter((f) => f.op === 2).length;
    double.disconnect(4000);
    await resumed;
    expect(double.gatewayFrames.at(-1)?.op).toBe(6);
    expect(double.gatewayFrames.filter((f) => f.op === 2)).toHaveLength(identifies);
  });

  it('GIVEN GUILD_CREATE carried only the bot member WHEN the bot fetches all members THEN REQUEST_GUILD_MEMBERS returns them', async () => {
    const guild = client.guilds.cache.get(double.guildId)!;
    const members = await guild.members.fetch();
    expect(members.map((m) => m.user.username).sort()).toEqual(['Ambassador', 'alice', 'bob', 'owner']);
    expect(double.gatewayFrames.some((f) => f.op === 8)).toBe(true);
  });

  it('GIVEN a message with a button WHEN a member clicks it THEN update() edits the message and followUp() posts a follow-up', async () => {
    const channel = client.channels.cache.get(double.channel('general').id) as TextChannel;
    const button = new ButtonBuilder().setCustomId('vote:yes').setLabel('Yes').setStyle(ButtonStyle.Primary);
    const message = await channel.send({ content: 'Vote', components: [new ActionRowBuilder<ButtonBuilder>().addComponents(button)] });
    const clicked = nextInteraction(client, (i): i is ButtonInteraction => i.isButton());
    const sent = double.button({ user: 'alice', customId: 'vote:yes', message: message.id });

    const interaction = await clicked;
    expect(interaction.message.id).toBe(message.id);
    await interaction.update({ content: 'Vote (1 yes)' });
    await interaction.followUp({ content: 'Counted.', flags: MessageFlags.Ephemeral });
    expect(double.interactions.records.get(sent.id)?.responses.map((r) => r.type)).toEqual([7]);
    expect(double.messages.get(message.id)?.content).toBe('Vote (1 yes)');
    expect(double.interactions.records.get(sent.id)?.followupIds).toHaveLength(1);
  });

  it('GIVEN everything above WHEN the calls are reviewed THEN no request hit an unknown route', () => {
    expect(double.unknownRoutes()).toEqual([]);
  });
});
