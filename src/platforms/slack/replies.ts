// Where a reply to a person goes on Slack. Private replies: the slash command's response_url
// (ephemeral), else chat.postEphemeral in the channel, else a DM. Public replies: in the channel.
// Forms: views.open with the trigger id the request carried. A button tapped in the person's own DM
// is answered with an ordinary message there: just as private, and it stays (Slack's ephemeral
// messages vanish on reload and never reach the person's other devices).
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

  async privately(msg: OutboundMessage, to: ReplyTarget): Promise<void> {
    const rendered = this.render(msg, to.workspaceId);
    if (to.directMessage && to.channelId) {
      try {
        await this.client.chat.postMessage({ channel: to.channelId, ...rendered });
        return;
      } catch (err) {
        this.log.info({ channel: to.channelId, code: slackErrorCode(err) ?? String(err) }, 'Slack post in the DM failed; answering through the response_url');
      }
    }
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
