// A Slack double for end-to-end tests: a fake Web API the real Bolt App talks to, plus signed
// requests from "Slack" to the app. Start it before `new App(...)` (the App calls auth.test at once):
//
//   const slack = await startSlackDouble({ users: [...], channels: [...] });
//   const app = new App({ token: slack.botToken, signingSecret: slack.signingSecret,
//     clientOptions: { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } } });
//   slack.attachApp(await app.start({ port: 0, host: '127.0.0.1' }));
//   const res = await slack.slashCommand({ user_id: 'U1', channel_id: 'C1', text: 'apply' });
//   await slack.waitFor('views.open');
//   ...
//   await app.stop(); await slack.close();
import { FailureQueue, startApiServer } from './api-server.js';
import {
  AppDriver,
  type AppResponse,
  type BlockActionInput,
  type EventOptions,
  type SignOptions,
  type SlashCommandInput,
  type ViewSubmissionInput,
} from './app-requests.js';
import { Recorder, type CallPredicate } from './recorder.js';
import type {
  EphemeralRecord,
  Failure,
  FileRecord,
  MessageRecord,
  ReactionRecord,
  RecordedCall,
  SlackDoubleOptions,
  UploadedFile,
  ViewRecord,
} from './types.js';
import { Workspace, type Bot, type Team } from './workspace.js';

export type * from './types.js';
export type * from './app-requests.js';
export { SlackApiError } from './types.js';
export { Workspace } from './workspace.js';

export interface SlackDouble {
  /** Give this to Bolt as clientOptions.slackApiUrl; ends with /api/. */
  readonly apiUrl: string;
  readonly team: Team;
  readonly bot: Bot;
  readonly botToken: string;
  readonly appToken: string;
  readonly signingSecret: string;
  /** The simulated workspace, for seeding mid-test (addUser, addChannel, addMessage). */
  readonly workspace: Workspace;

  // ---- what the app did ------------------------------------------------------------------
  calls(method?: string): RecordedCall[];
  /** Calls to methods the double does not know: assert this is empty. */
  unknownCalls(): RecordedCall[];
  clearCalls(): void;
  /** The first call, made or still to come, matching a method name or predicate. */
  waitFor(match: string | CallPredicate, timeoutMs?: number): Promise<RecordedCall>;
  /** Resolves once condition() holds; re-checked on every call and workspace change. */
  waitUntil(condition: () => boolean, timeoutMs?: number): Promise<void>;
  messagesIn(channel: string): MessageRecord[];
  ephemeralsIn(channel: string): EphemeralRecord[];
  reactionsOn(channel: string, ts: string): ReactionRecord[];
  membersOf(channel: string): string[];
  /** The bot's DM channel with a user, once conversations.open (or a post to the user id) made it. */
  dmWith(user: string): string | undefined;
  views(): ViewRecord[];
  /**
   * Files the app uploaded and completed (files.completeUploadExternal), in order: bytes, title,
   * and the channel they were shared to (undefined for a private file). With a channel: only those.
   */
  files(channel?: string): UploadedFile[];
  /** Every upload whose bytes arrived, completed or not (an upload left incomplete is never shared). */
  uploads(): UploadedFile[];

  // ---- failures --------------------------------------------------------------------------
  /**
   * The next call(s) to method fail: {ok:false, error} (status 200), or 429 with Retry-After.
   * 'file_upload' fails the POST of bytes to an upload URL instead: HTTP `status` (default 500).
   */
  failNext(method: string, failure?: Failure): void;
  /**
   * The next `times` calls to method are carried out at once (a message is posted) but answered `ms`
   * later: Slack accepting a post and answering after the client gave up, or an app killed while it
   * waits. `calls()` shows them at once, with `delayedMs`. close() ends held answers. `when` picks
   * the calls by their arguments (e.g. `(a) => a.channel === 'C1'`).
   */
  delayNext(method: string, ms: number, opts?: { times?: number; when?: (args: Record<string, unknown>) => boolean }): void;

  // ---- what "Slack" sends the app --------------------------------------------------------
  /** Point the request helpers at the app: the server app.start() resolved with, or a URL. */
  attachApp(target: Parameters<AppDriver['attach']>[0], path?: string): void;
  /** Every request goes, identical, to each of these apps (bot processes); the first answer is returned. */
  attachApps(urls: string[]): void;
  /** Each app's answer to the last request (see attachApps). */
  lastAnswers(): AppResponse[];
  slashCommand(input: SlashCommandInput, opts?: SignOptions): Promise<AppResponse & { trigger_id: string }>;
  viewSubmission(input: ViewSubmissionInput, opts?: SignOptions): Promise<AppResponse>;
  blockAction(input: BlockActionInput, opts?: SignOptions): Promise<AppResponse>;
  event(event: { type: string } & Record<string, unknown>, opts?: EventOptions): Promise<AppResponse & { eventId: string }>;
  /** Any body to the app, signed or not as opts say. */
  sendRaw(body: string, contentType: string, opts?: SignOptions): Promise<AppResponse>;
  /** A trigger id views.open will accept (for a user), as if they had just clicked something. */
  issueTrigger(user: string): string;

  // ---- the same over Socket Mode (an app started with the app token) ---------------------
  readonly socket: {
    /** Open Socket Mode connections. */
    connections(): number;
    /** Each resolves with the app's ack payload ({} for a bare ack()). */
    slashCommand(input: SlashCommandInput): Promise<{ ack: Record<string, unknown>; trigger_id: string }>;
    viewSubmission(input: ViewSubmissionInput): Promise<{ ack: Record<string, unknown> }>;
    event(event: { type: string } & Record<string, unknown>, opts?: { eventId?: string; retryNum?: number; retryReason?: string }): Promise<{ ack: Record<string, unknown>; eventId: string }>;
  };

  close(): Promise<void>;
}

export async function startSlackDouble(options: SlackDoubleOptions = {}): Promise<SlackDouble> {
  const workspace = new Workspace(options);
  const recorder = new Recorder(workspace);
  const failures = new FailureQueue();
  const appToken = options.appToken ?? 'xapp-1-double-app-token';
  const signingSecret = options.signingSecret ?? 'double-signing-secret';
  const api = await startApiServer(workspace, recorder, failures, appToken);
  const driver = new AppDriver(workspace, signingSecret, api.baseUrl);
  const copyMessage = (m: MessageRecord): MessageRecord => ({
    ...m,
    reactions: m.reactions.map((r) => ({ name: r.name, users: [...r.users] })),
    ...(m.files ? { files: [...m.files] } : {}),
    ...(m.metadata ? { metadata: structuredClone(m.metadata) } : {}),
  });
  const uploaded = (f: FileRecord): UploadedFile => ({
    id: f.id,
    name: f.name,
    title: f.title ?? f.name,
    ...(f.alt_txt ? { alt_txt: f.alt_txt } : {}),
    bytes: Buffer.from(f.bytes ?? []),
    completed: f.completed,
    channel: f.channel,
    ...(f.thread_ts ? { thread_ts: f.thread_ts } : {}),
    ...(f.initial_comment ? { initial_comment: f.initial_comment } : {}),
  });

  return {
    apiUrl: `${api.baseUrl}/api/`,
    team: workspace.team,
    bot: workspace.bot,
    botToken: workspace.bot.token,
    appToken,
    signingSecret,
    workspace,

    calls: (method) => recorder.calls(method),
    unknownCalls: () => recorder.calls().filter((c) => c.unknown),
    clearCalls: () => recorder.clear(),
    waitFor: (match, timeoutMs) => recorder.waitFor(match, timeoutMs),
    waitUntil: (condition, timeoutMs) => recorder.waitUntil(condition, timeoutMs),
    messagesIn: (channel) => (workspace.messages.get(channel) ?? []).map(copyMessage),
    ephemeralsIn: (channel) => workspace.ephemerals.filter((e) => e.channel === channel),
    reactionsOn: (channel, ts) =>
      (workspace.messages.get(channel)?.find((m) => m.ts === ts)?.reactions ?? []).map((r) => ({ name: r.name, users: [...r.users] })),
    membersOf: (channel) => [...(workspace.channels.get(channel)?.members ?? [])],
    dmWith: (user) => [...workspace.channels.values()].find((c) => c.kind === 'im' && c.dmUser === user)?.id,
    views: () => [...workspace.views.values()],
    files: (channel) =>
      [...workspace.files.values()].filter((f) => f.completed && (channel === undefined || f.channel === channel)).map(uploaded),
    uploads: () => [...workspace.files.values()].filter((f) => f.bytes).map(uploaded),

    failNext: (method, failure = {}) => failures.push(method, failure),
    delayNext: (method, ms, opts = {}) => failures.delay(method, ms, opts.times, opts.when),

    attachApp: (target, path) => driver.attach(target, path),
    attachApps: (urls) => driver.attachAll(urls),
    lastAnswers: () => driver.lastAnswers,
    slashCommand: (input, opts) => driver.slashCommand(input, opts),
    viewSubmission: (input, opts) => driver.viewSubmission(input, opts),
    blockAction: (input, opts) => driver.blockAction(input, opts),
    event: (event, opts) => driver.event(event, opts),
    sendRaw: (body, contentType, opts) => driver.post(body, contentType, opts),
    issueTrigger: (user) => workspace.issueTrigger(user),

    socket: {
      connections: () => api.sockets.connections,
      async slashCommand(input) {
        const { form, trigger_id } = driver.slashCommandForm(input);
        return { ack: await api.sockets.send({ type: 'slash_commands', payload: form }), trigger_id };
      },
      async viewSubmission(input) {
        return { ack: await api.sockets.send({ type: 'interactive', payload: driver.viewSubmissionPayload(input) }) };
      },
      async event(event, opts = {}) {
        const { body, eventId } = driver.eventBody(event, opts);
        const ack = await api.sockets.send({ type: 'events_api', payload: body, retry_attempt: opts.retryNum, retry_reason: opts.retryReason });
        return { ack, eventId };
      },
    },

    close: async () => {
      failures.clear();
      await api.close();
    },
  };
}
