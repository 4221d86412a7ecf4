// Requests FROM Slack TO the app: signed POSTs to Bolt's HTTP receiver (default path /slack/events).
// Slash commands are form-encoded, interactivity is a form field payload=<JSON>, events are JSON.
// ack() is the HTTP response, so every helper returns the status and body the app answered with.
import { createHmac, randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { stringify } from 'node:querystring';
import type { Workspace } from './workspace.js';

export interface SignOptions {
  /** No x-slack-signature / x-slack-request-timestamp headers at all. */
  unsigned?: boolean;
  /** Signed with the wrong secret. */
  badSignature?: boolean;
  /** Correctly signed, but with a timestamp six minutes old (Bolt allows five). */
  stale?: boolean;
  /** The x-slack-request-timestamp to sign with, in seconds. */
  timestamp?: number;
  headers?: Record<string, string>;
}

export interface AppResponse {
  status: number;
  /** The raw body: '' for a bare ack(), text for ack('text'), JSON for ack({...}). */
  body: string;
  /** The body parsed as JSON when it is JSON, else undefined. */
  json: unknown;
  headers: Headers;
}

export interface SlashCommandInput {
  user_id: string;
  channel_id: string;
  command?: string;
  text?: string;
  team_id?: string;
  /** Defaults to a fresh trigger the double will accept in views.open. */
  trigger_id?: string;
}

/** Values as Slack puts them in view.state.values: block_id -> action_id -> element state. */
export type StateValues = Record<string, Record<string, Record<string, unknown>>>;

export interface ViewSubmissionInput {
  user: string;
  /** A view the app opened through the double: callback_id, private_metadata and blocks come from it. */
  view_id?: string;
  callback_id?: string;
  private_metadata?: string;
  /** Raw state values, merged over `inputs`. */
  values?: StateValues;
  /** Plain text inputs by block_id; the action_id is read from the opened view's blocks. */
  inputs?: Record<string, string>;
}

export interface BlockActionInput {
  user: string;
  action_id: string;
  block_id?: string;
  value?: string;
  /** An action on a message: its channel and ts. */
  channel?: string;
  message_ts?: string;
  /** An action inside a view the app opened. */
  view_id?: string;
}

export interface EventOptions extends SignOptions {
  /** Reuse an earlier delivery's event_id (a retry). */
  eventId?: string;
  retryNum?: number;
  retryReason?: string;
}

type AppTarget = string | { address(): AddressInfo | string | null };

export class AppDriver {
  private url: string | undefined;
  /** More apps every request also goes to (several bot processes behind one Slack app). */
  private others: string[] = [];
  /** Every app's answer to the last request, in the order the apps were attached. */
  lastAnswers: AppResponse[] = [];

  constructor(
    private readonly w: Workspace,
    private readonly signingSecret: string,
    private readonly doubleBaseUrl: string,
  ) {}

  /** Where the app listens: a URL, or the server app.start() resolved with (path defaults to /slack/events). */
  attach(target: AppTarget, path = '/slack/events'): void {
    this.others = [];
    if (typeof target === 'string') {
      this.url = target;
      return;
    }
    const address = target.address();
    if (!address || typeof address === 'string') throw new Error('Slack double: the app server is not listening on a port');
    this.url = `http://127.0.0.1:${address.port}${path}`;
  }

  /** The form Slack posts for a slash command (also the Socket Mode payload), with a trigger views.open accepts. */
  slashCommandForm(input: SlashCommandInput): { form: Record<string, string>; trigger_id: string } {
    const channel = this.w.channels.get(input.channel_id);
    const trigger_id = this.w.issueTrigger(input.user_id, input.trigger_id);
    const form = {
      token: 'legacy-verification-token',
      team_id: input.team_id ?? this.w.team.id,
      team_domain: this.w.team.domain,
      channel_id: input.channel_id,
      channel_name: channel?.kind === 'im' ? 'directmessage' : (channel?.name ?? 'unknown'),
      user_id: input.user_id,
      user_name: this.w.users.get(input.user_id)?.name ?? input.user_id,
      command: input.command ?? '/ambassador',
      text: input.text ?? '',
      api_app_id: this.w.bot.appId,
      is_enterprise_install: 'false',
      response_url: this.responseUrl(),
      trigger_id,
    };
    return { form, trigger_id };
  }

  async slashCommand(input: SlashCommandInput, opts: SignOptions = {}): Promise<AppResponse & { trigger_id: string }> {
    const { form, trigger_id } = this.slashCommandForm(input);
    const res = await this.post(stringify(form), 'application/x-www-form-urlencoded', opts);
    return { ...res, trigger_id };
  }

  viewSubmission(input: ViewSubmissionInput, opts: SignOptions = {}): Promise<AppResponse> {
    return this.post(stringify({ payload: JSON.stringify(this.viewSubmissionPayload(input)) }), 'application/x-www-form-urlencoded', opts);
  }

  /** The view_submission payload (form field payload=, or the Socket Mode payload). */
  viewSubmissionPayload(input: ViewSubmissionInput): Record<string, unknown> {
    const opened = input.view_id ? this.w.views.get(input.view_id) : undefined;
    if (input.view_id && !opened) throw new Error(`Slack double: no view ${input.view_id} was opened`);
    const base = opened?.view ?? {};
    const blocks = Array.isArray(base.blocks) ? (base.blocks as Array<Record<string, unknown>>) : [];
    const values: StateValues = {};
    for (const [blockId, value] of Object.entries(input.inputs ?? {})) {
      const element = blocks.find((b) => b.block_id === blockId)?.element as Record<string, unknown> | undefined;
      const actionId = typeof element?.action_id === 'string' ? element.action_id : blockId;
      values[blockId] = { [actionId]: { type: 'plain_text_input', value } };
    }
    Object.assign(values, input.values);
    const id = opened?.id ?? `V${randomBytes(5).toString('hex').toUpperCase()}`;
    const view = {
      id,
      team_id: this.w.team.id,
      type: 'modal',
      blocks,
      title: base.title ?? { type: 'plain_text', text: 'Form' },
      submit: base.submit ?? { type: 'plain_text', text: 'Submit' },
      ...base,
      private_metadata: input.private_metadata ?? base.private_metadata ?? '',
      callback_id: input.callback_id ?? base.callback_id ?? '',
      state: { values },
      hash: base.hash ?? '1700000000.abcdef',
      root_view_id: base.root_view_id ?? id,
      app_id: this.w.bot.appId,
      app_installed_team_id: this.w.team.id,
      bot_id: this.w.bot.botId,
    };
    return {
      type: 'view_submission',
      team: { id: this.w.team.id, domain: this.w.team.domain },
      user: this.userJson(input.user),
      api_app_id: this.w.bot.appId,
      token: 'legacy-verification-token',
      trigger_id: this.w.issueTrigger(input.user),
      view,
      response_urls: [],
      is_enterprise_install: false,
      enterprise: null,
    };
  }

  /**
   * A tap on an element. On a message the double knows, the element is looked up by action_id in its
   * blocks and Slack's payload carries that element's block_id, text and value (`value` overrides it,
   * e.g. to send a forged one); a message without that element throws, as no one could tap it.
   */
  blockAction(input: BlockActionInput, opts: SignOptions = {}): Promise<AppResponse> {
    const message =
      input.channel && input.message_ts
        ? this.w.messages.get(input.channel)?.find((m) => m.ts === input.message_ts)
        : undefined;
    if (input.channel && input.message_ts && !message) throw new Error(`Slack double: no message ${input.message_ts} in ${input.channel}`);
    const found = message ? elementOf(message.blocks ?? [], input.action_id) : undefined;
    if (message && !found) throw new Error(`Slack double: message ${message.ts} has no element with action_id ${input.action_id}`);
    const channel = input.channel ? this.w.channels.get(input.channel) : undefined;
    const opened = input.view_id ? this.w.views.get(input.view_id) : undefined;
    const container = opened
      ? { type: 'view', view_id: opened.id }
      : { type: 'message', message_ts: input.message_ts, channel_id: input.channel, is_ephemeral: false };
    const payload = {
      type: 'block_actions',
      user: this.userJson(input.user),
      api_app_id: this.w.bot.appId,
      token: 'legacy-verification-token',
      container,
      trigger_id: this.w.issueTrigger(input.user),
      team: { id: this.w.team.id, domain: this.w.team.domain },
      enterprise: null,
      is_enterprise_install: false,
      ...(input.channel ? { channel: { id: input.channel, name: channel?.kind === 'im' ? 'directmessage' : (channel?.name ?? '') } } : {}),
      ...(message ? { message: { type: 'message', user: message.user, text: message.text, ts: message.ts, blocks: message.blocks ?? [] } } : {}),
      ...(opened ? { view: opened.view } : {}),
      state: { values: {} },
      response_url: this.responseUrl(),
      actions: [
        {
          action_id: input.action_id,
          block_id: input.block_id ?? found?.blockId ?? input.action_id,
          text: found?.element.text ?? { type: 'plain_text', text: input.value ?? input.action_id, emoji: true },
          value: input.value ?? found?.element.value,
          ...(found?.element.style ? { style: found.element.style } : {}),
          type: found?.element.type ?? 'button',
          action_ts: `${(Date.now() / 1000).toFixed(6)}`,
        },
      ],
    };
    return this.post(stringify({ payload: JSON.stringify(payload) }), 'application/x-www-form-urlencoded', opts);
  }

  /**
   * An Events API delivery. reaction_added / reaction_removed on a message the double knows also
   * change its reactions, so a later reactions.get agrees with what the app was told.
   */
  async event(event: { type: string } & Record<string, unknown>, opts: EventOptions = {}): Promise<AppResponse & { eventId: string }> {
    const { body, eventId } = this.eventBody(event, opts);
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.retryNum !== undefined) headers['x-slack-retry-num'] = String(opts.retryNum);
    if (opts.retryReason !== undefined) headers['x-slack-retry-reason'] = opts.retryReason;
    const res = await this.post(JSON.stringify(body), 'application/json', { ...opts, headers });
    return { ...res, eventId };
  }

  /** The event_callback body (also the Socket Mode payload); reaction events update the workspace. */
  eventBody(event: { type: string } & Record<string, unknown>, opts: { eventId?: string } = {}): { body: Record<string, unknown>; eventId: string } {
    const ev: Record<string, unknown> = { ...event, event_ts: event.event_ts ?? `${(Date.now() / 1000).toFixed(6)}` };
    this.applyReaction(ev);
    const eventId = opts.eventId ?? `Ev${randomBytes(5).toString('hex').toUpperCase()}`;
    const body = {
      token: 'legacy-verification-token',
      team_id: this.w.team.id,
      context_team_id: this.w.team.id,
      context_enterprise_id: null,
      api_app_id: this.w.bot.appId,
      event: ev,
      type: 'event_callback',
      event_id: eventId,
      event_time: Math.floor(Date.now() / 1000),
      authorizations: [
        { enterprise_id: null, team_id: this.w.team.id, user_id: this.w.bot.userId, is_bot: true, is_enterprise_install: false },
      ],
      is_ext_shared_channel: false,
      event_context: `4-${randomBytes(12).toString('hex')}`,
    };
    return { body, eventId };
  }

  /**
   * Sends every request, byte for byte the same, to each of these apps at once (the first answer is
   * returned, all are in lastAnswers): what several bot processes see when Slack redelivers a
   * request and a load balancer spreads the deliveries.
   */
  attachAll(urls: string[]): void {
    [this.url, ...this.others] = urls;
  }

  /** Any body, signed (or not) as the options say. */
  async post(body: string, contentType: string, opts: SignOptions = {}): Promise<AppResponse> {
    if (!this.url) throw new Error('Slack double: call attachApp(await app.start(...)) before sending requests to the app');
    if (this.others.length) {
      this.lastAnswers = await Promise.all([this.url, ...this.others].map((url) => this.postTo(url, body, contentType, opts)));
      return this.lastAnswers[0]!;
    }
    const answer = await this.postTo(this.url, body, contentType, opts);
    this.lastAnswers = [answer];
    return answer;
  }

  private async postTo(url: string, body: string, contentType: string, opts: SignOptions): Promise<AppResponse> {
    const headers: Record<string, string> = { 'content-type': contentType, ...opts.headers };
    if (!opts.unsigned) {
      const ts = opts.timestamp ?? Math.floor(Date.now() / 1000) - (opts.stale ? 6 * 60 : 0);
      const secret = opts.badSignature ? `${this.signingSecret}-wrong` : this.signingSecret;
      const signature = createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex');
      headers['x-slack-request-timestamp'] = String(ts);
      headers['x-slack-signature'] = `v0=${signature}`;
    }
    const res = await fetch(url, { method: 'POST', headers, body });
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? (JSON.parse(text) as unknown) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.status, body: text, json, headers: res.headers };
  }

  private applyReaction(ev: Record<string, unknown>): void {
    if (ev.type !== 'reaction_added' && ev.type !== 'reaction_removed') return;
    const item = ev.item as { type?: string; channel?: string; ts?: string } | undefined;
    if (item?.type !== 'message' || !item.channel || !item.ts) return;
    const message = this.w.messages.get(item.channel)?.find((m) => m.ts === item.ts);
    if (!message) return;
    ev.item_user ??= message.user;
    const user = String(ev.user);
    const name = String(ev.reaction);
    if (ev.type === 'reaction_added') this.w.addReaction(item.channel, item.ts, name, user);
    else this.w.removeReaction(item.channel, item.ts, name, user);
  }

  private userJson(id: string): Record<string, unknown> {
    const name = this.w.users.get(id)?.name ?? id;
    return { id, username: name, name, team_id: this.w.team.id };
  }

  private responseUrl(): string {
    return `${this.doubleBaseUrl}/response_url/${randomBytes(6).toString('hex')}`;
  }
}

/** An interactive element of a message's blocks (actions elements, or a section's accessory), by action_id. */
function elementOf(blocks: unknown[], actionId: string): { blockId?: string; element: Record<string, any> } | undefined {
  for (const raw of blocks) {
    const block = (raw ?? {}) as { block_id?: string; elements?: Array<Record<string, any>>; accessory?: Record<string, any> };
    const element = [...(block.elements ?? []), ...(block.accessory ? [block.accessory] : [])].find((e) => e?.action_id === actionId);
    if (element) return { blockId: block.block_id, element };
  }
  return undefined;
}
