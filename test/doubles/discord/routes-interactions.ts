// Interaction callbacks and the interaction webhook (@original and follow-ups). Discord serves both
// without a bot token; the interaction token is the credential.
import { InteractionResponseType as R, InteractionType, MessageFlags, MessageType } from 'discord-api-types/v10';
import type { Backend } from './backend.js';
import { Errors } from './errors.js';
import type { InteractionRecord } from './interactions.js';
import type { FileUpload, StoredMessage } from './messages.js';
import { noContent, ok, route, type Route, type RouteContext } from './rest.js';
import { messageJson } from './shapes.js';
import { assertNotEmpty } from './routes-channels.js';
import { checkComponents } from './spec.js';

const WEBHOOK = '/webhooks/:applicationId/:token';

export function interactionRoutes(backend: Backend): Route[] {
  const { world, messages, interactions } = backend;

  const recordOf = (ctx: RouteContext): InteractionRecord => {
    const record = interactions.byToken(ctx.params.token!);
    if (!record || ctx.params.applicationId !== world.applicationId) throw Errors.unknownWebhook();
    return record;
  };
  /** '@original' or a follow-up id, as long as it belongs to this interaction. */
  const messageOf = (record: InteractionRecord, id: string): StoredMessage => {
    const messageId = id === '@original' ? record.originalMessageId : record.followupIds.includes(id) || id === record.originalMessageId ? id : undefined;
    const message = messageId ? messages.get(messageId) : undefined;
    if (!message) throw Errors.unknownMessage();
    return message;
  };
  const visible = (m: StoredMessage) => !(m.flags & MessageFlags.Ephemeral);
  const reply = (record: InteractionRecord, body: Record<string, any>, files: FileUpload[], extraFlags = 0): StoredMessage => {
    const message = messages.create(record.channelId, world.botId, body, files, {
      webhookId: world.applicationId,
      type: record.type === InteractionType.ApplicationCommand ? MessageType.ChatInputCommand : MessageType.Default,
      interaction: { id: record.id, type: record.type, userId: record.userId, ...(record.type === InteractionType.ApplicationCommand ? { name: record.name } : {}) },
    });
    message.flags |= extraFlags;
    return message;
  };
  const announce = (t: string, message: StoredMessage) => {
    if (visible(message)) backend.echo('messages', t, messageJson(world, message, true));
  };

  return [
    route('POST', '/interactions/:interactionId/:token/callback', (ctx) => {
      const record = interactions.records.get(ctx.params.interactionId!);
      if (!record || record.token !== ctx.params.token) throw Errors.unknownInteraction();
      if (record.responses.length > 0) throw Errors.alreadyAcknowledged();
      const type = Number(ctx.body?.type) as R;
      const data = ctx.body?.data ?? {};
      let message: StoredMessage | undefined;
      switch (type) {
        case R.ChannelMessageWithSource:
          checkComponents(data);
          assertNotEmpty(data, ctx.files);
          message = reply(record, data, ctx.files);
          announce('MESSAGE_CREATE', message);
          break;
        case R.DeferredChannelMessageWithSource:
          message = reply(record, { flags: data.flags ?? 0 }, [], MessageFlags.Loading);
          break;
        case R.DeferredMessageUpdate:
        case R.UpdateMessage:
          if (!record.messageId) throw Errors.invalidBody('this interaction has no message to update');
          checkComponents(data);
          message = messages.get(record.messageId);
          if (message && type === R.UpdateMessage) announce('MESSAGE_UPDATE', messages.edit(message, data, ctx.files));
          break;
        case R.Modal:
          if (!data.custom_id || !data.title || !Array.isArray(data.components) || data.components.length === 0) {
            throw Errors.invalidBody('a modal needs custom_id, title and components');
          }
          if (record.type === InteractionType.ModalSubmit) throw Errors.invalidBody('cannot answer a modal with a modal');
          break;
        case R.Pong:
        case R.ApplicationCommandAutocompleteResult:
          break;
        default:
          throw Errors.invalidBody(`unsupported interaction response type ${String(ctx.body?.type)}`);
      }
      record.responses.push({ type, data, time: Date.now() });
      if (message) record.originalMessageId = message.id;
      if (ctx.query.get('with_response') !== 'true') return noContent();
      return ok({
        interaction: {
          id: record.id,
          type: record.type,
          ...(message
            ? {
                response_message_id: message.id,
                response_message_loading: Boolean(message.flags & MessageFlags.Loading),
                response_message_ephemeral: Boolean(message.flags & MessageFlags.Ephemeral),
              }
            : {}),
        },
        resource: { type, ...(message ? { message: messageJson(world, message) } : {}) },
      });
    }, { auth: false }),

    route('GET', `${WEBHOOK}/messages/:messageId`, (ctx) => {
      const record = recordOf(ctx);
      return ok(messageJson(world, messageOf(record, ctx.params.messageId!)));
    }, { auth: false }),

    route('PATCH', `${WEBHOOK}/messages/:messageId`, (ctx) => {
      const record = recordOf(ctx);
      const message = messageOf(record, ctx.params.messageId!);
      const wasLoading = Boolean(message.flags & MessageFlags.Loading);
      checkComponents(ctx.body);
      messages.edit(message, ctx.body ?? {}, ctx.files);
      message.flags &= ~MessageFlags.Loading;
      if (wasLoading) message.editedTimestamp = null; // filling a deferred reply is not an edit
      announce(wasLoading ? 'MESSAGE_CREATE' : 'MESSAGE_UPDATE', message);
      return ok(messageJson(world, message));
    }, { auth: false }),

    route('DELETE', `${WEBHOOK}/messages/:messageId`, (ctx) => {
      const record = recordOf(ctx);
      messages.messages.delete(messageOf(record, ctx.params.messageId!).id);
      return noContent();
    }, { auth: false }),

    route('POST', WEBHOOK, (ctx) => {
      const record = recordOf(ctx);
      if (record.responses.length === 0) throw Errors.unknownWebhook(); // follow-ups need an initial response
      checkComponents(ctx.body);
      assertNotEmpty(ctx.body, ctx.files);
      const original = record.originalMessageId ? messages.get(record.originalMessageId) : undefined;
      let message: StoredMessage;
      if (original && original.flags & MessageFlags.Loading) {
        // Discord fills a still-loading deferred reply with the first follow-up.
        message = messages.edit(original, ctx.body ?? {}, ctx.files);
        message.flags &= ~MessageFlags.Loading;
        message.editedTimestamp = null;
      } else {
        message = reply(record, ctx.body ?? {}, ctx.files);
        record.followupIds.push(message.id);
      }
      announce('MESSAGE_CREATE', message);
      return ctx.query.get('wait') === 'false' ? noContent() : ok(messageJson(world, message));
    }, { auth: false }),
  ];
}
