// Posting on Slack so that a post asked for twice appears once. Slack has no idempotency key, so a
// post with a key (the outbox item's) carries it in message metadata, and before posting the
// channel's recent history is read for the bot's message with that key: a retry after a crash
// between Slack's acceptance and the outbox's done mark finds it and returns its ts. Keyed posts go
// through a client that never resends by itself (a timed-out post may have been accepted): the outbox
// retries, and every retry checks first. Images follow the text as a file share (see send()).
import { createHash } from 'node:crypto';
import { webApi, type App } from '@slack/bolt';
import type { Logger } from '../../logger.js';
import { PlatformError, type OutboundMessage } from '../../core/ports/chat-platform.js';
import { renderMessage, type RenderedMessage } from './blocks.js';
import { slackErrorCode, toPlatformError, type ErrorContext } from './errors.js';

/** The metadata event type of keyed posts; the key is event_payload.key. */
export const postEventType = 'ambassador_post';

/** How far back a post looks for its earlier self: a day, at most three pages of 100 messages. */
export const lookback = { ms: 24 * 60 * 60_000, pageSize: 100, pages: 3 } as const;

/** History the bot cannot read: it posts anyway (the post then says what is wrong, or works). */
const unreadable = new Set(['not_in_channel', 'missing_scope', 'channel_not_found', 'method_not_supported_for_channel_type']);

type Image = NonNullable<OutboundMessage['image']>;
type Client = App['client'] | webApi.WebClient;
interface Sent { channel: string; ts: string; at: number }
type HistoryMessage = NonNullable<webApi.ConversationsHistoryResponse['messages']>[number];

/** How long, and how many, messages whose image failed to upload are remembered (see send()). */
const imageRetryWindowMs = 60 * 60_000;
const imageRetryMax = 100;

/** Identifies one message with an image in one conversation, so a retry finds the text already posted. */
function imageKey(channel: string, rendered: RenderedMessage, image: Image): string {
  return createHash('sha256').update(JSON.stringify([channel, rendered, image.name, image.alt])).update(image.png).digest('hex');
}

/** Slack "seconds.micro" timestamps: is a later than b? */
function later(a: string | undefined, b: string): boolean {
  const [as = '0', au = ''] = (a ?? '0').split('.');
  const [bs = '0', bu = ''] = b.split('.');
  return Number(as) !== Number(bs) ? Number(as) > Number(bs) : au.padEnd(6, '0') > bu.padEnd(6, '0');
}

export interface PosterDeps {
  /** Reads, uploads and posts without a key (its quick network retries are the adapter's default). */
  client: App['client'];
  /** Keyed posts: no retries of its own. */
  once: webApi.WebClient;
  log: Logger;
  commandNames: readonly string[];
  bot(): { userId?: string; botId?: string; name: string };
  /** Makes sure bot() knows who the bot is (a post may come before the adapter finished starting). */
  identify(): Promise<void>;
}

export class Poster {
  /** Messages posted whose image did not follow yet: a retry of the same post uploads only the image. */
  private readonly imagePending = new Map<string, Sent>();

  constructor(private readonly d: PosterDeps) {}

  /**
   * Posts the message (text and blocks), then its image, if any, as a file shared in the same
   * conversation. When the upload fails the text stays posted and the upload error is thrown; the
   * core may retry the whole post, so the text is remembered for a while (and, with a key, found in
   * the history) and a retry only uploads the image instead of posting the text again.
   */
  async send(channel: string, msg: OutboundMessage, ctx: ErrorContext, opts: { key?: string; workspaceId?: string } = {}): Promise<{ channel: string; ts: string }> {
    const { key } = opts;
    const rendered = renderMessage(msg, this.d.commandNames, opts.workspaceId);
    const image = msg.image && msg.image.png.byteLength > 0 ? msg.image : undefined;
    const pendingKey = image ? imageKey(channel, rendered, image) : undefined;
    let sent = pendingKey ? this.imagePending.get(pendingKey) : undefined;
    let imageShared = false;
    if (sent) {
      this.d.log.info({ channel: sent.channel, ts: sent.ts }, 'message already posted; retrying only its image');
    } else if (key) {
      const found = await this.findPosted(channel, key, ctx, image?.name);
      if (found) {
        this.d.log.info({ channel, ts: found.sent.ts, key }, 'this post is already in the channel (its key is in the history); not posting it again');
        ({ sent, imageShared } = found);
      }
    }
    if (!sent) {
      const client: Client = key ? this.d.once : this.d.client;
      const metadata = key ? { metadata: { event_type: postEventType, event_payload: { key } } } : {};
      const res = await this.call(ctx, () => client.chat.postMessage({ channel, ...rendered, ...metadata }));
      sent = { channel: res.channel ?? channel, ts: res.ts!, at: Date.now() };
    }
    if (image && pendingKey && !imageShared) {
      this.rememberPending(pendingKey, sent);
      await this.uploadImage(sent.channel, image, ctx);
      this.imagePending.delete(pendingKey);
    }
    // Files (a person's data export, sent only by direct message and never retried by the outbox).
    for (const a of msg.attachments ?? []) await this.uploadFile(sent.channel, a, ctx);
    return { channel: sent.channel, ts: sent.ts };
  }

  /**
   * The bot's message carrying this key in the last day of the channel, and whether the bot shared
   * an image of that name after it. Unreadable history (no scope, not a member) means "not found".
   */
  private async findPosted(channel: string, key: string, ctx: ErrorContext, imageName?: string): Promise<{ sent: Sent; imageShared: boolean } | undefined> {
    await this.call({ ...ctx, action: 'learn who I am on Slack (auth.test)' }, () => this.d.identify());
    const bot = this.d.bot();
    const mine = (m: HistoryMessage) => (bot.userId !== undefined && m.user === bot.userId) || (bot.botId !== undefined && m.bot_id === bot.botId);
    const oldest = ((Date.now() - lookback.ms) / 1000).toFixed(6);
    const newer: HistoryMessage[] = []; // newest first, as Slack pages them
    let cursor: string | undefined;
    for (let page = 0; page < lookback.pages; page++) {
      let res: webApi.ConversationsHistoryResponse;
      try {
        res = await this.d.client.conversations.history({ channel, oldest, limit: lookback.pageSize, include_all_metadata: true, ...(cursor ? { cursor } : {}) });
      } catch (err) {
        const code = slackErrorCode(err);
        if (!code || !unreadable.has(code)) throw toPlatformError(err, { ...ctx, action: `read the recent messages of <#${channel}> before posting` });
        const fix = code === 'missing_scope'
          ? 'add the channels:history and groups:history bot scopes (npm run slack:manifest) and reinstall the app'
          : `invite me to <#${channel}> (/invite @${this.d.bot().name}), so a retried post can be recognised`;
        this.d.log.warn({ channel, code, fix }, 'could not read the channel history to check for an earlier copy of this post; posting it');
        return undefined;
      }
      for (const m of res.messages ?? []) {
        const payload = m.metadata?.event_payload as { key?: unknown } | undefined;
        if (mine(m) && m.ts && m.metadata?.event_type === postEventType && payload?.key === key) {
          const imageShared = imageName !== undefined && newer.some((n) => mine(n) && later(n.ts, m.ts!) && (n.files ?? []).some((f) => f.name === imageName));
          return { sent: { channel, ts: m.ts, at: Date.now() }, imageShared };
        }
        newer.push(m);
      }
      cursor = res.response_metadata?.next_cursor || undefined;
      if (!res.has_more || !cursor) return undefined;
    }
    return undefined;
  }

  /**
   * Slack's upload flow through the WebClient's filesUploadV2: files.getUploadURLExternal, a POST of
   * the bytes to the upload URL it returns, files.completeUploadExternal sharing the file into the
   * conversation with the alt text as its title. (Slack's own alt_txt is left out: it has been
   * reported to keep files from being shared, and the SDK sends it as alt_text.)
   */
  private async uploadImage(channel: string, image: Image, ctx: ErrorContext): Promise<void> {
    try {
      await this.shareImage(channel, image, ctx);
    } catch (err) {
      const e = err as PlatformError;
      throw new PlatformError(e.code, `${e.message} (the message itself was posted, without the image)`, e.fix, e.retryAfterMs);
    }
  }

  /** Shares the PNG alone as a file in the conversation (also a private reply's chart, sent by DM: replies.ts). */
  async shareImage(channel: string, image: Image, ctx: ErrorContext): Promise<void> {
    const file = Buffer.from(image.png.buffer, image.png.byteOffset, image.png.byteLength);
    const action = ctx.channel ? `share the image “${image.name}” in <#${ctx.channel}>` : `send the image “${image.name}” in a direct message`;
    try {
      await this.d.client.filesUploadV2({ channel_id: channel, file, filename: image.name, ...(image.alt ? { title: image.alt } : {}) });
    } catch (err) {
      throw toPlatformError(err, { action, channel: ctx.channel, botName: this.d.bot().name });
    }
  }

  private async uploadFile(channel: string, a: NonNullable<OutboundMessage['attachments']>[number], ctx: ErrorContext): Promise<void> {
    const file = Buffer.from(a.data.buffer, a.data.byteOffset, a.data.byteLength);
    try {
      await this.d.client.filesUploadV2({ channel_id: channel, file, filename: a.name, title: a.name });
    } catch (err) {
      throw toPlatformError(err, { action: `send the file “${a.name}” in a direct message`, channel: ctx.channel, botName: this.d.bot().name });
    }
  }

  private rememberPending(key: string, sent: Sent): void {
    const now = Date.now();
    for (const [k, v] of this.imagePending) {
      if (now - v.at > imageRetryWindowMs || this.imagePending.size >= imageRetryMax) this.imagePending.delete(k);
    }
    this.imagePending.set(key, sent);
  }

  private async call<T>(ctx: ErrorContext, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      throw toPlatformError(err, { ...ctx, botName: this.d.bot().name });
    }
  }
}
