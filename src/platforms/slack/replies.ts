// Where a reply to a person goes on Slack. Private replies: the slash command's response_url
// (ephemeral), else chat.postEphemeral in the channel, else a DM. Public replies: in the channel.
// Forms: views.open with the trigger id the request carried. A button tapped in the person's own DM
// is answered with an ordinary message there: just as private, and it stays (Slack's ephemeral
// messages vanish on reload and never reach the person's other devices).
// Ephemeral messages can't carry files, so a private reply's image (a staff report's chart) goes to
// the person's DM with the bot and the reply says so; the alt text stays in the reply.
import type { App, RespondFn } from '@slack/bolt';
import type { Logger } from '../../logger.js';
import type { FormSpec, OutboundMessage, Reply } from '../../core/ports/chat-platform.js';
import { renderMessage } from './blocks.js';
import { slackErrorCode } from './errors.js';
import { formView } from './modal.js';

export interface ReplyTarget {
  userId: string;
  /** Where the person was: a channel, a DM, or unknown (a modal opened elsewhere). */
  channelId?: string;
  /** A slash command's response_url helper. */
  respond?: RespondFn;
  /** A fresh trigger id, to open a form. */
  triggerId?: string;
  /** The workspace the reply's buttons run in (default: the bot's). */
  workspaceId?: string;
  /** A button's response_url: answers go under the message, never replacing it. */
  fromButton?: boolean;
  /** channelId is the person's DM with the bot: a private reply is an ordinary message there. */
  directMessage?: boolean;
}

type Image = NonNullable<OutboundMessage['image']>;

/** Shares an image as a file (the adapter's Poster): in a conversation, or in a person's DM with the bot. */
export interface ImageSharing {
  inChannel(channel: string, image: Image): Promise<void>;
  toUser(userId: string, image: Image): Promise<void>;
}

export const imageInDmNote = 'The chart is in your direct messages with me.';

/** Slack's direct message conversations have ids starting with D. */
export const isDirectMessage = (channelId: string | undefined): boolean => channelId !== undefined && /^D[A-Z0-9]+$/.test(channelId);

export class ReplySender {
  constructor(
    private readonly client: App['client'],
    private readonly log: Logger,
    private readonly commandNames: readonly string[],
    /** The adapter's DM: conversations.open + chat.postMessage. */
    private readonly dm: (userId: string, msg: OutboundMessage) => Promise<void>,
    private readonly teamId: () => string = () => '',
    /** Without it a private reply's image is shown only as its alt text. */
    private readonly images?: ImageSharing,
  ) {}

  render(msg: OutboundMessage, workspaceId?: string) {
    return renderMessage(msg, this.commandNames, workspaceId ?? this.teamId());
  }

  /** Sends any reply the core gave; a form-errors reply outside a modal is shown as a private message. */
  async send(reply: Reply, to: ReplyTarget): Promise<void> {
    switch (reply.kind) {
      case 'none':
      case 'taken': // another process finished the request and answers it
        return;
      case 'message':
        return reply.private ? this.privately(reply.message, to) : this.publicly(reply.message, to);
      case 'form-errors':
        return this.privately({ ...reply.message, text: [reply.message.text, ...Object.values(reply.errors).map((e) => `• ${e}`)].join('\n') }, to);
      case 'form':
        return this.openForm(reply.form, to);
    }
  }

  async privately(original: OutboundMessage, to: ReplyTarget): Promise<void> {
    let msg = original;
    const image = this.images && msg.image && msg.image.png.byteLength > 0 ? msg.image : undefined;
    if (to.directMessage && to.channelId) {
      const posted = await this.client.chat.postMessage({ channel: to.channelId, ...this.render(msg, to.workspaceId) }).then(() => true, (err: unknown) => {
        this.log.info({ channel: to.channelId, code: slackErrorCode(err) ?? String(err) }, 'Slack post in the DM failed; answering through the response_url');
        return false;
      });
      if (posted) {
        // The image follows the message as its file, as with posts (poster.ts).
        if (image) await this.images!.inChannel(to.channelId, image).catch((err: unknown) => this.imageFailed(err, to.userId, image));
        return;
      }
    }
    if (image && (await this.images!.toUser(to.userId, image).then(() => true, (err: unknown) => this.imageFailed(err, to.userId, image)))) {
      // An empty PNG keeps the alt text in the reply without uploading the image again (a DM fallback).
      msg = { ...msg, text: [msg.text, imageInDmNote].filter(Boolean).join('\n\n'), image: { ...image, png: new Uint8Array() } };
    }
    const rendered = this.render(msg, to.workspaceId);
    if (to.respond) {
      try {
        await to.respond({ response_type: 'ephemeral', ...(to.fromButton ? { replace_original: false } : {}), ...rendered });
        return;
      } catch (err) {
        this.log.info({ err: String(err) }, 'Slack response_url failed; trying an ephemeral message');
      }
    }
    if (to.channelId) {
      try {
        await this.client.chat.postEphemeral({ channel: to.channelId, user: to.userId, ...rendered });
        return;
      } catch (err) {
        this.log.info({ channel: to.channelId, code: slackErrorCode(err) ?? String(err) }, 'Slack ephemeral failed; sending a DM');
      }
    }
    await this.dm(to.userId, msg);
  }

  private imageFailed(err: unknown, userId: string, image: Image): false {
    this.log.warn({ user: userId, image: image.name, err: err instanceof Error ? err.message : String(err) }, 'could not send a private reply\'s image by DM; the reply has its alt text');
    return false;
  }

  async publicly(msg: OutboundMessage, to: ReplyTarget): Promise<void> {
    const rendered = this.render(msg, to.workspaceId);
    if (to.respond) {
      try {
        await to.respond({ response_type: 'in_channel', ...(to.fromButton ? { replace_original: false } : {}), ...rendered });
        return;
      } catch (err) {
        this.log.info({ err: String(err) }, 'Slack response_url failed; posting in the channel');
      }
    }
    if (to.channelId) {
      await this.client.chat.postMessage({ channel: to.channelId, ...rendered });
      return;
    }
    await this.dm(to.userId, msg);
  }

  async openForm(form: FormSpec, to: ReplyTarget): Promise<void> {
    if (!to.triggerId) {
      await this.privately({ text: 'I need a fresh click to open that form. Please run the command again.' }, to);
      return;
    }
    try {
      await this.client.views.open({ trigger_id: to.triggerId, view: formView(form, { formId: form.id, channelId: to.channelId }, this.commandNames) });
    } catch (err) {
      const code = slackErrorCode(err);
      this.log.warn({ code: code ?? String(err), form: form.id }, 'Slack views.open failed');
      const text =
        code === 'expired_trigger_id' || code === 'exchanged_trigger_id'
          ? 'Slack gave me too little time to open the form. Please run the command again.'
          : 'I couldn’t open the form on Slack just now. Please try again in a moment.';
      await this.privately({ text }, to);
    }
  }
}
