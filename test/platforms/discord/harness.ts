// The real app (startApp) with the real Discord adapter against the Discord double, on a fresh test
// database. Tests act only as Discord users through the double and read what the bot sent.
import { Writable } from 'node:stream';
import { ApplicationCommandOptionType as Opt, Events, type MessageReaction, type PartialMessageReaction, type PartialUser, type User } from 'discord.js';
import { startApp, type App } from '../../../src/app.js';
import type { Core } from '../../../src/core/index.js';
import { createLogger } from '../../../src/logger.js';
import { createDiscordAdapter, type DiscordAdapter, type DiscordAdapterOptions } from '../../../src/platforms/discord/index.js';
import { freshDatabaseUrl } from '../../support/database.js';
import { startDiscordDouble, type DiscordDouble, type DiscordDoubleOptions, type InteractionRecord, type OptionInput } from '../../doubles/discord/index.js';

export const ROLE_GRANT = 'PUT /guilds/:guildId/members/:userId/roles/:roleId';
export const CHANNEL_POST = 'POST /channels/:channelId/messages';
export const MESSAGE_EDIT = 'PATCH /channels/:channelId/messages/:messageId';
export const REACTION_DELETE = 'DELETE /channels/:channelId/messages/:messageId/reactions/:emoji/:userId';

/** owner is the guild owner (all permissions) and Staff; carol, dave and erin sit on the committee. */
export const people = ['owner', 'alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'gina', 'hugo', 'ivy', 'jack', 'kim'] as const;

export function defaultWorld(): DiscordDoubleOptions {
  return {
    channels: [{ name: 'general' }, { name: 'committee' }, { name: 'announcements' }],
    members: people.map((username) => ({ username, ...(username === 'owner' ? { roles: ['Staff'] } : {}), joinedAt: new Date('2025-01-15T10:00:00Z') })),
  };
}

export interface Sent {
  /** The interaction callback type: 4 message, 5 deferred, 9 modal. */
  type: number;
  /** The message body (callback data, or the PATCH @original that filled a deferred reply). */
  body: any;
  ephemeral: boolean;
  text: string;
}

/** Everything readable in a message body: content, embed title, description, fields and footer. */
export function textOf(body: any): string {
  const parts: string[] = [];
  if (body?.content) parts.push(body.content);
  for (const e of body?.embeds ?? []) {
    if (e.title) parts.push(e.title);
    if (e.description) parts.push(e.description);
    for (const f of e.fields ?? []) parts.push(`${f.name}: ${f.value}`);
    if (e.footer?.text) parts.push(e.footer.text);
  }
  return parts.join('\n');
}

export class Harness {
  app!: App;
  adapter!: DiscordAdapter;
  readonly logs: Array<Record<string, any>> = [];

  private constructor(
    readonly double: DiscordDouble,
    readonly databaseUrl: string,
    private readonly dropDatabase: () => Promise<void>,
    private readonly adapterOptions: DiscordAdapterOptions,
  ) {}

  static async start(world: DiscordDoubleOptions = defaultWorld(), adapterOptions: DiscordAdapterOptions = {}): Promise<Harness> {
    const double = await startDiscordDouble(world);
    const db = await freshDatabaseUrl();
    const h = new Harness(double, db.url, db.drop, adapterOptions);
    await h.startApp();
    return h;
  }

  /** Starts the app (again) on the same database, with a new Client; `options` replace the harness's adapter options. */
  async startApp(options: DiscordAdapterOptions = this.adapterOptions): Promise<void> {
    const sink = new Writable({
      write: (chunk, _enc, done) => {
        for (const line of String(chunk).split('\n').filter(Boolean)) this.logs.push(JSON.parse(line));
        done();
      },
    });
    const log = createLogger('info', sink);
    const discord = { token: this.double.token, applicationId: this.double.applicationId, apiUrl: this.double.apiUrl };
    this.app = await startApp({
      config: { databaseUrl: this.databaseUrl, logLevel: 'info', defaultTimeZone: 'UTC', outboxLeaseMs: 60_000, discord },
      log,
      scheduler: false,
      platforms: (core) => {
        this.adapter = createDiscordAdapter(discord, log, {
          onNewSession: () => core.catchUp(this.adapter), rest: { retries: 0 }, ...options,
        });
        return [this.adapter];
      },
    });
    await this.settle();
  }

  async stopApp(): Promise<void> {
    await this.app.stop();
  }

  async close(): Promise<void> {
    await this.app?.stop();
    await this.double.close();
    await this.dropDatabase();
  }

  get core(): Core {
    return this.app.core;
  }
  get prisma() {
    return this.app.db.prisma;
  }

  /** Waits until the adapter's handlers and the queued side effects have all run. */
  async settle(): Promise<void> {
    await this.adapter.idle();
    await this.core.dispatcher.drain();
    await this.adapter.idle();
  }

  logged(msg: string | RegExp): Array<Record<string, any>> {
    return this.logs.filter((l) => (typeof msg === 'string' ? String(l.msg).includes(msg) : msg.test(String(l.msg))));
  }

  // ---- acting as Discord users --------------------------------------------------------------------

  /** The bot's answer to an interaction: its callback, and for a deferred one the reply that filled it. */
  async answerTo(record: InteractionRecord): Promise<Sent> {
    const response = await this.double.waitForResponse(record);
    let body = response.data ?? {};
    if (response.type === 5) {
      const edit = await this.double.waitFor({ method: 'PATCH', path: `/webhooks/${this.double.applicationId}/${record.token}/messages/@original` });
      body = edit.body;
    }
    const ephemeral = Boolean(((response.data?.flags as number | undefined) ?? 0) & 64);
    return { type: response.type, body, ephemeral, text: textOf(body) };
  }

  /** Runs a slash command in #general and returns the bot's answer once its side effects ran. */
  async command(user: string, name: string, options: Record<string, OptionInput> = {}): Promise<Sent> {
    const record = this.double.command({ user, name, options, channel: 'general' });
    const sent = await this.answerTo(record);
    await this.settle();
    return sent;
  }

  async say(user: string, name: string, options: Record<string, OptionInput> = {}): Promise<string> {
    return (await this.command(user, name, options)).text;
  }

  userOpt(name: string): OptionInput {
    return { type: Opt.User, value: this.double.user(name).id };
  }
  channelOpt(name: string): OptionInput {
    return { type: Opt.Channel, value: this.double.channel(name).id };
  }
  roleOpt(name: string): OptionInput {
    return { type: Opt.Role, value: this.double.role(name).id };
  }

  /** A member reacts (or removes a reaction) on a message and the bot has handled it. */
  async react(user: string, messageId: string, emoji: string, added = true): Promise<void> {
    const userId = this.double.user(user).id;
    const { client } = this.adapter;
    const seen = new Promise<void>((resolve) => {
      const listener = (reaction: MessageReaction | PartialMessageReaction, u: User | PartialUser) => {
        if (reaction.message.id !== messageId || u.id !== userId) return;
        client.off(Events.MessageReactionAdd, listener);
        client.off(Events.MessageReactionRemove, listener);
        resolve();
      };
      if (added) client.on(Events.MessageReactionAdd, listener);
      else client.on(Events.MessageReactionRemove, listener);
    });
    const delivered = added ? this.double.reactionAdd(messageId, 'committee', user, emoji) : this.double.reactionRemove(messageId, 'committee', user, emoji);
    if (!delivered) throw new Error('no client connected');
    await seen;
    await this.settle();
  }

  /** The modal the bot showed, as fields: custom id, label, description, placeholder, style, limits, value. */
  static modalFields(modal: any): Array<Record<string, any>> {
    return (modal.components as any[]).map((c) => ({ label: c.label, description: c.description, ...c.component }));
  }

  /**
   * Applies through /apply: fills each modal step with the answers (by question order), clicking
   * "Continue" between steps. Returns the modals shown and the final answer.
   */
  async apply(user: string, answers: string[], options: Record<string, OptionInput> = {}): Promise<{ modals: any[]; buttons: string[]; final: Sent }> {
    const modals: any[] = [];
    const buttons: string[] = [];
    let record = this.double.command({ user, name: 'apply', options, channel: 'general' });
    let shown = await this.answerTo(record);
    let asked = 0;
    for (;;) {
      if (shown.type !== 9) return { modals, buttons, final: shown };
      modals.push(shown.body);
      const fields = Harness.modalFields(shown.body);
      const values = Object.fromEntries(fields.map((f, i) => [f.custom_id, answers[asked + i] ?? '']));
      asked += fields.length;
      const submit = this.double.modalSubmit({ user, customId: shown.body.custom_id, values, channel: 'general' });
      const after = await this.answerTo(submit);
      const button = after.body.components?.[0]?.components?.[0];
      if (!button || after.type !== 4 || !/^Continue/.test(button.label)) {
        await this.settle();
        return { modals, buttons, final: after };
      }
      buttons.push(button.label);
      record = this.double.button({ user, customId: button.custom_id, message: this.double.originalMessage(submit)!.id, channel: 'general' });
      shown = await this.answerTo(record);
    }
  }

  /** The reference in an application receipt. */
  static refOf(sent: Sent): string {
    const ref = /reference is \*\*(A\w{5})\*\*/.exec(sent.text)?.[1];
    if (!ref) throw new Error(`no reference in: ${sent.text}`);
    return ref;
  }

  async application(ref: string) {
    return this.prisma.application.findUniqueOrThrow({ where: { ref } });
  }

  /** The committee message of an application (posted by the bot in #committee). */
  async committeeMessage(ref: string) {
    const app = await this.application(ref);
    if (!app.committeeMessageId) throw new Error(`application ${ref} has no committee message`);
    return this.double.messages.get(app.committeeMessageId)!;
  }

  /** Messages the bot sent to a user's DMs, as text. */
  dmsTo(user: string): string[] {
    const channel = this.double.world.dmChannelFor(this.double.user(user).id);
    return this.double.messagesIn(channel.id).map((m) => textOf(m.body));
  }
}

/** The standard program: 7 questions, quorum 2, threshold 2/3, committee carol, dave and erin. */
export const questions = [
  { prompt: 'Why do you want to become an ambassador for our organisation, in a few sentences?', kind: 'paragraph', max_length: 500 },
  { prompt: 'Your city', kind: 'short', max_length: 60 },
  { prompt: 'Which communities are you part of?', kind: 'paragraph', max_length: 800 },
  { prompt: 'How many people do you reach online?', kind: 'short', max_length: 40 },
  { prompt: 'An event you could host', kind: 'paragraph', max_length: 600, min_length: 5 },
  { prompt: 'Anything else we should know?', kind: 'paragraph', max_length: 400, required: false },
  { prompt: 'Your pronouns', kind: 'short', max_length: 30, required: false },
] as const;

export const answers = [
  'I swim every day and our rivers matter to me.', 'Lyon', 'The Lyon open-water swimmers', 'About 2,000', 'A river clean-up picnic', '', 'she/her',
];

export async function setupProgram(h: Harness, qs: ReadonlyArray<(typeof questions)[number]> = questions): Promise<string[]> {
  const said: string[] = [];
  said.push(await h.say('owner', 'program setup', {
    program: 'Campus Crew', why: 'We love clean rivers and want everyone to swim', objective: 'Raise $50,000 for clean-ups',
    metric: 'dollars', target: 50000, capacity: 10, committee_channel: h.channelOpt('committee'),
    ambassador_role: h.roleOpt('Ambassador'), announce_channel: h.channelOpt('announcements'),
  }));
  said.push(await h.say('owner', 'program rules', { quorum: 2, threshold: '2/3' }));
  for (const q of qs) said.push(await h.say('owner', 'program questions add', { ...q }));
  for (const who of ['carol', 'dave', 'erin']) said.push(await h.say('owner', 'committee add', { user: h.userOpt(who) }));
  return said;
}
