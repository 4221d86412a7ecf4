// End-to-end harness: the REAL app (startApp: migrations, core, dispatcher) with the REAL Slack
// adapter (Bolt App, HTTP receiver with signature checks) against the Slack double, on a fresh
// database of the provider DATABASE_URL names. Tests drive it only through the double: signed
// requests in, recorded Web API calls out.
import { Writable } from 'node:stream';
import { expect } from 'vitest';
import { allCommands } from '../../../commands/index.js';
import { startApp, type App } from '../../../src/app.js';
import type { Config } from '../../../src/config.js';
import type { Application } from '../../../src/core/model.js';
import type { MessageRef } from '../../../src/core/ports/chat-platform.js';
import { createLogger } from '../../../src/logger.js';
import { blocksText } from '../../../src/platforms/slack/blocks.js';
import { createSlackAdapter, type SlackAdapter } from '../../../src/platforms/slack/index.js';
import { startSlackDouble, type RecordedCall, type SeedUser, type SlackDouble } from '../../doubles/slack/index.js';
import { worldDatabase } from './database.js';

export { dropTemplate } from './database.js';

export const STAFF = 'U0STAFF001';
export const ADA = 'U0ADA00001';
export const BOB = 'U0BOB00001';
export const CARL = 'U0CARL0001';
export const DANA = 'U0DANA0001';
export const EVE = 'U0EVE00001';
export const LOUNGE = 'C0LOUNGE001';
export const COMMITTEE = 'C0COMMITTEE';
export const AMBASSADORS = 'C0AMBASSADR';
/** A public channel the bot has not joined: slash commands work there, ephemeral messages don't. */
export const RANDOM = 'C0RANDOM001';
export const committee = [CARL, DANA, EVE] as const;

const users: SeedUser[] = [
  { id: STAFF, name: 'grace', realName: 'Grace Hopper', isAdmin: true },
  { id: ADA, name: 'ada', realName: 'Ada Lovelace' },
  { id: BOB, name: 'bob', realName: 'Bob Bobson' },
  { id: CARL, name: 'carl', realName: 'Carl Sagan' },
  { id: DANA, name: 'dana', realName: 'Dana Scully' },
  { id: EVE, name: 'eve', realName: 'Eve Online' },
];

export interface World {
  slack: SlackDouble;
  app: App;
  adapter: SlackAdapter;
  logs: string[];
  /** Runs `/ambassador <text>` and returns the calls the app made while handling it (the reply among them). */
  command(user: string, text: string, channel?: string): Promise<RecordedCall[]>;
  /** The private (or public) answer to a command: the response_url call it made. */
  reply(user: string, text: string, channel?: string): Promise<{ text: string; responseType: unknown }>;
  /** Waits until every request is handled and every queued side effect has run. */
  settle(): Promise<void>;
  /** `/ambassador apply`, then submits the opened modal with these answers (in question order). */
  apply(user: string, answers: string[]): Promise<{ status: number; json: unknown }>;
  /** The latest application of a user, from the database. */
  application(user: string): Promise<Application | null>;
  /** The committee message of a user's application. */
  committeePost(user: string): Promise<MessageRef>;
  react(user: string, emoji: string, on: MessageRef, opts?: { removed?: boolean; eventId?: string; retryNum?: number }): Promise<string>;
  /** Stops the app (keeps the double and the database) and starts a new one on the same database. */
  restart(): Promise<void>;
  /** Stops the app, keeping the double and the database (e.g. for a bot process over the same database). */
  stopApp(): Promise<void>;
  /** The world's database, for another process or connection. */
  readonly databaseUrl: string;
  close(): Promise<void>;
}

function collector(lines: string[]): Writable {
  return new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
}

export interface WorldOptions {
  /** Run the adapter in Socket Mode (SLACK_APP_TOKEN set) and send everything over the socket. */
  socketMode?: boolean;
}

export async function startWorld(o: WorldOptions = {}): Promise<World> {
  const slack = await startSlackDouble({
    users,
    channels: [
      { id: LOUNGE, name: 'lounge', members: [STAFF, ADA, BOB, CARL, DANA, EVE] },
      { id: COMMITTEE, name: 'committee', isPrivate: true, members: [STAFF, CARL, DANA, EVE] },
      { id: AMBASSADORS, name: 'ambassadors', isPrivate: true, members: [STAFF] },
      { id: RANDOM, name: 'random', members: [STAFF, ADA, BOB], botIsMember: false },
    ],
  });
  const db = await worldDatabase();
  const logs: string[] = [];
  const log = createLogger(process.env.TEST_LOG_LEVEL ?? 'info', collector(logs));
  const config: Config = {
    databaseUrl: db.url,
    logLevel: 'info',
    defaultTimeZone: 'UTC',
    outboxLeaseMs: 60_000,
    slack: { botToken: slack.botToken, signingSecret: slack.signingSecret, apiUrl: slack.apiUrl, port: 0, ...(o.socketMode ? { appToken: slack.appToken } : {}) },
  };

  let adapter!: SlackAdapter;
  let app!: App;
  const boot = async () => {
    app = await startApp({
      config,
      log,
      scheduler: false,
      platforms: () => [(adapter = createSlackAdapter(config.slack!, log, allCommands))],
    });
    if (!o.socketMode) slack.attachApp(adapter.server!);
  };
  await boot();

  // Side effects never cause inbound requests (the double sends none back), so one round suffices.
  const settle = async () => {
    await adapter.idle();
    await app.core.dispatcher.drain();
  };

  const world: World = {
    slack,
    get app() {
      return app;
    },
    get adapter() {
      return adapter;
    },
    logs,
    databaseUrl: db.url,
    async stopApp() {
      await app.stop();
    },
    async command(user, text, channel = LOUNGE) {
      const before = slack.calls().length;
      if (o.socketMode) {
        expect((await slack.socket.slashCommand({ user_id: user, channel_id: channel, text })).ack).toEqual({});
      } else {
        const res = await slack.slashCommand({ user_id: user, channel_id: channel, text });
        expect(res.status).toBe(200);
        expect(res.body).toBe(''); // ack() first, nothing else
      }
      await settle();
      return slack.calls().slice(before);
    },
    async reply(user, text, channel) {
      const calls = await world.command(user, text, channel);
      const answer = calls.find((c) => c.method === 'response_url');
      if (!answer) throw new Error(`no reply to /ambassador ${text}; calls: ${calls.map((c) => c.method).join(', ')}`);
      return { text: blocksText((answer.args.blocks as unknown[]) ?? []), responseType: answer.args.response_type };
    },
    settle,
    async apply(user, answers) {
      const calls = await world.command(user, 'apply');
      const open = calls.find((c) => c.method === 'views.open');
      if (!open?.response.ok) throw new Error(`no modal opened: ${JSON.stringify(calls.map((c) => [c.method, c.args]))}`);
      const view = (open.response as { view: { id: string; blocks: Array<{ type: string; block_id: string }> } }).view;
      const inputs = view.blocks.filter((b) => b.type === 'input');
      const submission = { view_id: view.id, user, inputs: Object.fromEntries(inputs.map((b, i) => [b.block_id, answers[i] ?? ''])) };
      if (o.socketMode) {
        const { ack } = await slack.socket.viewSubmission(submission);
        await settle();
        return { status: 200, json: Object.keys(ack).length ? ack : undefined };
      }
      const res = await slack.viewSubmission(submission);
      await settle();
      return { status: res.status, json: res.json };
    },
    async application(user) {
      const store = app.core.deps.store;
      const member = await store.members.byPlatformId('slack', slack.team.id, user);
      const [program] = await store.programs.inWorkspace('slack', slack.team.id);
      return member && program ? store.applications.latestFor(program.id, member.id) : null;
    },
    async committeePost(user) {
      const a = await world.application(user);
      if (!a?.committeeChannelId || !a.committeeMessageId) throw new Error(`no committee post for ${user}`);
      return { channel: { platform: 'slack', workspaceId: slack.team.id, id: a.committeeChannelId }, id: a.committeeMessageId };
    },
    async react(user, emoji, on, opts = {}) {
      const event = { type: opts.removed ? 'reaction_removed' : 'reaction_added', user, reaction: emoji, item: { type: 'message', channel: on.channel.id, ts: on.id } };
      const delivery = { eventId: opts.eventId, retryNum: opts.retryNum };
      let eventId: string;
      if (o.socketMode) {
        eventId = (await slack.socket.event(event, delivery)).eventId;
      } else {
        const res = await slack.event(event, delivery);
        expect(res.status).toBe(200);
        eventId = res.eventId;
      }
      await settle();
      return eventId;
    },
    async restart() {
      await app.stop();
      await boot();
    },
    async close() {
      await app?.stop();
      await slack.close();
      await db.drop();
    },
  };
  return world;
}

/** Staff set up a program with two questions and a committee of three, as a Slack admin would. */
export async function setUpProgram(w: World, extra = ''): Promise<void> {
  const setup = await w.reply(
    STAFF,
    `program setup program:"Campus Crew" why:"We bring clean water to schools & families." objective:"Raise $5,000 for wells" metric:dollars target:5000 capacity:3 committee_channel:<#${COMMITTEE}|committee> ambassador_role:<#${AMBASSADORS}|> ${extra}`.trim(),
  );
  // The reply is the program card (the core's "Created …" line is replaced by the card's own text).
  expect(setup.text).toContain('*Campus Crew*');
  expect(setup.text).toContain('<#C0COMMITTEE>');
  expect((await w.reply(STAFF, 'program questions add prompt:"Why do you want to join?" kind:paragraph max_length:500')).text).toContain('Added question 1');
  expect((await w.reply(STAFF, 'program questions add prompt:"Your city?" max_length:40')).text).toContain('Added question 2');
  for (const member of committee) {
    expect((await w.reply(STAFF, `committee add user:<@${member}|${member.toLowerCase()}>`)).text).toContain('joined the Campus Crew committee');
  }
}

/** ADA applies and the committee approves: she is an ambassador of the program setUpProgram made. */
export async function acceptAda(w: World): Promise<void> {
  await w.apply(ADA, ['Because water is life.', 'Lyon']);
  const post = await w.committeePost(ADA);
  for (const member of committee) await w.react(member, 'white_check_mark', post);
  expect((await w.application(ADA))?.status).toBe('accepted');
}

/** The text of the latest message the bot posted in a channel (blocks flattened). */
export function lastPostIn(w: World, channel: string): string {
  const m = w.slack.messagesIn(channel).at(-1);
  return m ? blocksText(m.blocks ?? []) : '';
}

export function dmTexts(w: World, user: string): string[] {
  const dm = w.slack.dmWith(user);
  return dm ? w.slack.messagesIn(dm).map((m) => blocksText(m.blocks ?? [])) : [];
}
