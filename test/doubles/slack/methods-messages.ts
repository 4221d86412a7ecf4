// chat.* and reactions.*: messages the bot posts and the reactions on them.
import { messageProblems } from './block-kit.js';
import { fail, messageJson, str, type Args, type Handler } from './handler.js';
import type { ChannelRecord, MessageRecord } from './types.js';
import type { Workspace } from './workspace.js';

/** Emoji short names without colons; an optional skin tone (thumbsup::skin-tone-2). */
const EMOJI_NAME = /^[a-z0-9_+\-']+(::skin-tone-[2-6])?$/;

/** chat.postMessage accepts a channel id, '#name', or a user id (posts in the bot's DM with them). */
function postTarget(w: Workspace, channel: unknown): ChannelRecord {
  if (typeof channel === 'string' && w.users.has(channel) && !w.channels.has(channel)) {
    if (w.users.get(channel)?.deleted) fail('user_disabled');
    return w.dmWith(channel).channel;
  }
  return w.visibleChannel(channel);
}

function requireContent(args: Args): void {
  if (!str(args, 'text') && !Array.isArray(args.blocks) && !Array.isArray(args.attachments)) fail('no_text');
  if ((str(args, 'text') ?? '').length > 40000) fail('msg_too_long');
  const problems = messageProblems(args);
  if (problems.length > 0) fail('invalid_blocks', { response_metadata: { messages: problems } });
}

function botMember(w: Workspace, channel: ChannelRecord): void {
  if (channel.isArchived) fail('is_archived');
  if (!channel.members.has(w.bot.userId)) fail('not_in_channel');
}

function reactionTarget(w: Workspace, args: Args): { channel: string; ts: string; name: string } {
  const ts = str(args, 'timestamp');
  if (!str(args, 'channel') || !ts) fail('no_item_specified');
  const channel = w.visibleChannel(args.channel).id;
  w.message(channel, ts);
  const name = str(args, 'name') ?? '';
  if (!EMOJI_NAME.test(name)) fail('invalid_name');
  return { channel, ts, name };
}

/**
 * chat.postMessage's `metadata` (a JSON object, or its JSON text in a form body): an event_type
 * (Slack: alphanumerics and underscores) and an object event_payload, else invalid_metadata_format.
 */
function readMetadata(args: Args): MessageRecord['metadata'] {
  const m = args.metadata;
  if (m === undefined || m === null || m === '') return undefined;
  const ok = typeof m === 'object' && !Array.isArray(m) &&
    typeof (m as Args).event_type === 'string' && /^\w{1,255}$/.test((m as Args).event_type as string) &&
    typeof (m as Args).event_payload === 'object' && (m as Args).event_payload !== null && !Array.isArray((m as Args).event_payload);
  if (!ok) fail('invalid_metadata_format');
  if (JSON.stringify(m).length > 8000) fail('metadata_too_large');
  const { event_type, event_payload } = m as { event_type: string; event_payload: Record<string, unknown> };
  return { event_type, event_payload: structuredClone(event_payload) };
}

export const messageMethods: Record<string, Handler> = {
  'chat.postMessage': (args, { workspace: w }) => {
    const channel = postTarget(w, args.channel);
    botMember(w, channel);
    requireContent(args);
    const metadata = readMetadata(args);
    const thread_ts = str(args, 'thread_ts');
    if (thread_ts) w.message(channel.id, thread_ts);
    const message = {
      channel: channel.id,
      ts: w.nextTs(),
      user: w.bot.userId,
      bot_id: w.bot.botId,
      text: str(args, 'text') ?? '',
      blocks: Array.isArray(args.blocks) ? args.blocks : undefined,
      attachments: Array.isArray(args.attachments) ? args.attachments : undefined,
      thread_ts,
      reactions: [],
      ...(metadata ? { metadata } : {}),
    };
    w.messages.get(channel.id)?.push(message);
    w.changed();
    // The answer's message carries the metadata posted (java-slack-sdk json-logs/samples/api/chat.postMessage.json).
    return { ok: true, channel: channel.id, ts: message.ts, message: messageJson(w, message, { metadata: true }) };
  },

  'chat.update': (args, { workspace: w }) => {
    const channel = w.visibleChannel(args.channel);
    const message = w.message(channel.id, str(args, 'ts'));
    if (message.user !== w.bot.userId) fail('cant_update_message');
    if (channel.isArchived) fail('is_archived');
    requireContent(args);
    if (args.text !== undefined) message.text = str(args, 'text') ?? '';
    if (Array.isArray(args.blocks)) message.blocks = args.blocks;
    if (Array.isArray(args.attachments)) message.attachments = args.attachments;
    message.edited = { user: w.bot.userId, ts: w.nextTs() };
    w.changed();
    return { ok: true, channel: channel.id, ts: message.ts, text: message.text, message: messageJson(w, message) };
  },

  'chat.postEphemeral': (args, { workspace: w }) => {
    const channel = postTarget(w, args.channel);
    botMember(w, channel);
    const user = w.user(args.user);
    if (!channel.members.has(user.id)) fail('user_not_in_channel');
    requireContent(args);
    const message_ts = w.nextTs();
    w.ephemerals.push({
      channel: channel.id,
      user: user.id,
      message_ts,
      text: str(args, 'text') ?? '',
      blocks: Array.isArray(args.blocks) ? args.blocks : undefined,
    });
    w.changed();
    return { ok: true, message_ts };
  },

  'reactions.add': (args, { workspace: w }) => {
    const { channel, ts, name } = reactionTarget(w, args);
    if (!w.addReaction(channel, ts, name, w.bot.userId)) fail('already_reacted');
    return { ok: true };
  },

  /** Slack only lets the caller remove its own reactions: the bot cannot take away someone else's. */
  'reactions.remove': (args, { workspace: w }) => {
    const { channel, ts, name } = reactionTarget(w, args);
    if (!w.removeReaction(channel, ts, name, w.bot.userId)) fail('no_reaction');
    return { ok: true };
  },

  'reactions.get': (args, { workspace: w }) => {
    const ts = str(args, 'timestamp');
    if (!str(args, 'channel') || !ts) fail('no_item_specified');
    const channel = w.visibleChannel(args.channel);
    const message = w.message(channel.id, ts);
    return {
      ok: true,
      type: 'message',
      channel: channel.id,
      message: {
        ...messageJson(w, message),
        permalink: `https://${w.team.domain}.slack.com/archives/${channel.id}/p${ts.replace('.', '')}`,
      },
    };
  },
};
