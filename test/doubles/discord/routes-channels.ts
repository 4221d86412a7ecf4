// Channels, messages, reactions and DM channels.
import { PermissionFlagsBits as P } from 'discord-api-types/v10';
import type { Backend } from './backend.js';
import { Errors } from './errors.js';
import { reactionAddEvent, reactionRemoveEvent } from './events.js';
import type { FileUpload, StoredMessage } from './messages.js';
import { noContent, ok, route, type Route, type RouteContext } from './rest.js';
import { channelJson, messageJson, userJson } from './shapes.js';
import { checkBody, checkComponents, messageCreateRequest } from './spec.js';
import { compareSnowflakes } from './snowflake.js';
import type { Channel } from './world.js';

const MESSAGE = '/channels/:channelId/messages/:messageId';
const REACTION = `${MESSAGE}/reactions/:emoji`;

/** Discord refuses a message with nothing to show (50006). */
export function assertNotEmpty(body: Record<string, any> | undefined, files: FileUpload[]): void {
  const b = body ?? {};
  const hasContent = typeof b.content === 'string' && b.content.length > 0;
  const has = (k: string) => Array.isArray(b[k]) && b[k].length > 0;
  if (!hasContent && !has('embeds') && !has('components') && !has('sticker_ids') && files.length === 0 && !b.poll) {
    throw Errors.emptyMessage();
  }
}

export function channelRoutes(backend: Backend): Route[] {
  const { world, messages } = backend;

  const channelOf = (ctx: RouteContext): Channel => {
    const channel = world.channels.get(ctx.params.channelId!);
    if (!channel) throw Errors.unknownChannel();
    return channel;
  };
  const messageOf = (ctx: RouteContext): StoredMessage => {
    const channel = channelOf(ctx);
    const message = messages.get(ctx.params.messageId!);
    if (!message || message.channelId !== channel.id) throw Errors.unknownMessage();
    return message;
  };
  /** Guild channels check the bot's permissions there; a DM channel is always visible to the bot. */
  const requirePerms = (channel: Channel, needed: bigint): void => {
    if (!channel.guildId) return;
    const perms = world.channelPermissionsOf(world.botId, channel.id);
    if (!(perms & P.ViewChannel)) throw Errors.missingAccess();
    if ((perms & needed) !== needed) throw Errors.missingPermissions();
  };
  const emojiOf = (ctx: RouteContext): string => {
    const emoji = ctx.params.emoji!;
    if (/^\w+$/.test(emoji)) throw Errors.unknownEmoji(); // a bare name like 'white_check_mark' is not an emoji
    return emoji;
  };

  return [
    route('GET', '/channels/:channelId', (ctx) => ok(channelJson(world, channelOf(ctx)))),

    route('POST', '/channels/:channelId/messages', (ctx) => {
      const channel = channelOf(ctx);
      if (channel.recipientId !== undefined) {
        const recipient = world.requireUser(channel.recipientId);
        if (recipient.bot || world.closedDms.has(recipient.id)) throw Errors.cannotSendMessagesToThisUser();
      }
      requirePerms(channel, P.SendMessages | (ctx.files.length ? P.AttachFiles : 0n));
      checkBody(ctx.body, messageCreateRequest);
      checkComponents(ctx.body);
      assertNotEmpty(ctx.body, ctx.files);
      const nonce = ctx.body?.nonce as string | number | null | undefined;
      if (ctx.body?.enforce_nonce === true && nonce != null) {
        // Discord: the same author's message with this nonce from the past few minutes is the answer.
        const earlier = messages.byNonce(channel.id, world.botId, nonce, Date.now() - backend.nonceWindowMs);
        if (earlier) return ok(messageJson(world, earlier, false, true));
      }
      const message = messages.create(channel.id, world.botId, ctx.body ?? {}, ctx.files, nonce != null ? { nonce } : {});
      backend.echo('messages', 'MESSAGE_CREATE', messageJson(world, message, true));
      return ok(messageJson(world, message, false, true));
    }),

    route('GET', '/channels/:channelId/messages', (ctx) => {
      const channel = channelOf(ctx);
      requirePerms(channel, P.ReadMessageHistory);
      const limit = Math.min(Number(ctx.query.get('limit') ?? 50), 100);
      const list = messages.inChannel(channel.id).reverse(); // newest first, as Discord returns them
      const before = ctx.query.get('before');
      const after = ctx.query.get('after');
      const page = list.filter((m) => (!before || compareSnowflakes(m.id, before) < 0) && (!after || compareSnowflakes(m.id, after) > 0));
      return ok(page.slice(0, limit).map((m) => messageJson(world, m)));
    }),

    route('GET', MESSAGE, (ctx) => {
      const message = messageOf(ctx);
      requirePerms(channelOf(ctx), P.ReadMessageHistory);
      return ok(messageJson(world, message));
    }),

    route('PATCH', MESSAGE, (ctx) => {
      const message = messageOf(ctx);
      if (message.authorId !== world.botId || message.webhookId) throw Errors.cannotEditOthers();
      checkComponents(ctx.body);
      messages.edit(message, ctx.body ?? {}, ctx.files);
      backend.echo('messages', 'MESSAGE_UPDATE', messageJson(world, message, true));
      return ok(messageJson(world, message));
    }),

    route('DELETE', MESSAGE, (ctx) => {
      const message = messageOf(ctx);
      if (message.authorId !== world.botId) requirePerms(channelOf(ctx), P.ManageMessages);
      messages.messages.delete(message.id);
      return noContent();
    }),

    route('PUT', `${REACTION}/@me`, (ctx) => {
      const message = messageOf(ctx);
      requirePerms(channelOf(ctx), P.AddReactions | P.ReadMessageHistory);
      const emoji = emojiOf(ctx);
      if (messages.react(message, world.botId, emoji)) {
        backend.echo('reactions', 'MESSAGE_REACTION_ADD', reactionAddEvent(world, message, world.botId, emoji));
      }
      return noContent();
    }),

    route('DELETE', `${REACTION}/:userId`, (ctx) => {
      const message = messageOf(ctx);
      const userId = ctx.params.userId === '@me' ? world.botId : ctx.params.userId!;
      if (userId !== world.botId) requirePerms(channelOf(ctx), P.ManageMessages);
      const emoji = emojiOf(ctx);
      // Discord tells every client about the removal, the bot that made it included.
      if (messages.unreact(message, userId, emoji)) {
        backend.echo('reactions', 'MESSAGE_REACTION_REMOVE', reactionRemoveEvent(world, message, userId, emoji));
      }
      return noContent();
    }),

    route('GET', REACTION, (ctx) => {
      const message = messageOf(ctx);
      requirePerms(channelOf(ctx), P.ReadMessageHistory);
      const limit = Math.min(Number(ctx.query.get('limit') ?? 25), 100);
      const after = ctx.query.get('after');
      const ids = [...messages.reactionUsers(message, emojiOf(ctx))]
        .sort(compareSnowflakes)
        .filter((id) => !after || compareSnowflakes(id, after) > 0);
      return ok(ids.slice(0, limit).map((id) => userJson(world.requireUser(id))));
    }),

    route('POST', '/users/@me/channels', (ctx) => {
      const recipientId = String(ctx.body?.recipient_id ?? '');
      if (!world.users.has(recipientId)) throw Errors.unknownUser();
      return ok(channelJson(world, world.dmChannelFor(recipientId)));
    }),
  ];
}

