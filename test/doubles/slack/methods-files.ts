// Slack's external file upload flow, as the WebClient's filesUploadV2 drives it:
//   1. files.getUploadURLExternal (filename, length) -> { upload_url, file_id }
//   2. POST the bytes to upload_url (raw or multipart/form-data) -> HTTP 200 "OK - <length>"
//   3. files.completeUploadExternal (files: [{ id, title }], channel_id, thread_ts, initial_comment)
// The upload URL points at the double itself (/upload/v1/<key>), so no request leaves 127.0.0.1.
import { randomBytes } from 'node:crypto';
import { fail, fileJson, str, type Handler, type Result } from './handler.js';
import type { ChannelRecord, FileRecord } from './types.js';
import { slackId, type Workspace } from './workspace.js';

/** Path prefix of the upload URLs the double hands out. */
export const UPLOAD_PATH = '/upload/v1/';

const uploadKeys = new WeakMap<Workspace, Map<string, string>>();

function keysOf(w: Workspace): Map<string, string> {
  let keys = uploadKeys.get(w);
  if (!keys) {
    keys = new Map();
    uploadKeys.set(w, keys);
  }
  return keys;
}

function missing(field: string): never {
  fail('invalid_arguments', { response_metadata: { messages: [`[ERROR] missing required field: ${field}`] } });
}

/** Where a file is shared: a channel id, or a user id (the bot's DM with them); the bot must be in it. */
function shareTarget(w: Workspace, id: string): ChannelRecord {
  const channel = w.users.has(id) && !w.channels.has(id) ? w.dmWith(w.user(id).id).channel : w.visibleChannel(id);
  if (channel.isArchived) fail('is_archived');
  if (!channel.members.has(w.bot.userId)) fail('not_in_channel');
  return channel;
}

export const fileMethods: Record<string, Handler> = {
  'files.getUploadURLExternal': (args, { workspace: w, baseUrl }) => {
    const name = str(args, 'filename');
    if (!name) missing('filename');
    const rawLength = str(args, 'length');
    if (rawLength === undefined) missing('length');
    const length = Number(rawLength);
    if (!Number.isInteger(length) || length <= 0) fail('invalid_arguments', { response_metadata: { messages: ['[ERROR] length must be a positive integer'] } });
    // Slack documents the argument as alt_txt (the Node SDK's own type says alt_text, which Slack does not list).
    const alt = str(args, 'alt_txt');
    if (alt && alt.length > 1000) fail('alt_txt_too_large');
    const id = slackId('F');
    const key = randomBytes(24).toString('base64url');
    keysOf(w).set(key, id);
    w.files.set(id, { id, name, length, alt_txt: alt, user: w.bot.userId, created: Math.floor(Date.now() / 1000), completed: false });
    w.changed();
    return { ok: true, upload_url: `${baseUrl}${UPLOAD_PATH}${key}`, file_id: id };
  },

  'files.completeUploadExternal': (args, { workspace: w }) => {
    const list = args.files;
    if (!Array.isArray(list) || list.length === 0) missing('files');
    const wanted = list.map((entry: unknown) => {
      const e = entry as { id?: unknown; title?: unknown } | null;
      if (!e || typeof e !== 'object' || typeof e.id !== 'string') fail('invalid_arguments', { response_metadata: { messages: ['[ERROR] files: each entry needs an id'] } });
      return { id: e.id, title: typeof e.title === 'string' && e.title !== '' ? e.title : undefined };
    });
    // Completing works once per file, and only for bytes that arrived at the upload URL.
    const records: FileRecord[] = wanted.map(({ id }) => {
      const f = w.files.get(id);
      if (!f || f.completed || !f.bytes) fail('file_not_found');
      return f;
    });
    const targets = (str(args, 'channel_id') ?? str(args, 'channels') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    if (targets.length > 1) fail('invalid_arguments', { note: 'the Slack double shares a file to one channel only' });
    const channel = targets[0] ? shareTarget(w, targets[0]) : undefined;
    const thread_ts = str(args, 'thread_ts');
    if (thread_ts) {
      if (!channel) fail('invalid_arguments', { response_metadata: { messages: ['[ERROR] thread_ts needs channel_id'] } });
      w.message(channel.id, thread_ts);
    }
    const initial_comment = str(args, 'initial_comment');
    records.forEach((f, i) => {
      f.completed = true;
      f.title = wanted[i]!.title ?? f.name;
      f.channel = channel?.id;
      f.thread_ts = thread_ts;
      f.initial_comment = initial_comment;
    });
    if (channel) {
      w.messages.get(channel.id)?.push({
        channel: channel.id,
        ts: w.nextTs(),
        user: w.bot.userId,
        bot_id: w.bot.botId,
        text: initial_comment ?? '',
        thread_ts,
        files: records.map((f) => f.id),
        reactions: [],
      });
    }
    w.changed();
    return { ok: true, files: records.map((f): Result => fileJson(w, f)) };
  },
};

/** Reads a multipart/form-data body's file part (or its first part), or takes the body as raw bytes. */
async function fileBytes(body: Buffer, contentType: string): Promise<Buffer> {
  if (!contentType.toLowerCase().startsWith('multipart/form-data')) return body;
  const form = await new Response(new Uint8Array(body), { headers: { 'content-type': contentType } }).formData();
  const values: Array<string | File> = [];
  form.forEach((v) => void values.push(v));
  const file = values.find((v): v is File => typeof v !== 'string') ?? values[0];
  if (file === undefined) return Buffer.alloc(0);
  return typeof file === 'string' ? Buffer.from(file, 'utf8') : Buffer.from(await file.arrayBuffer());
}

/**
 * POST to an upload URL. Slack answers 200 when the bytes arrived ("OK - <length>"); anything else
 * is a failure. The double also refuses (400) bytes whose count is not the declared length, and a
 * second upload to the same URL.
 */
export async function receiveUpload(
  w: Workspace,
  key: string,
  body: Buffer,
  contentType: string,
): Promise<{ status: number; text: string; file?: FileRecord; received?: number }> {
  const id = keysOf(w).get(key);
  const file = id ? w.files.get(id) : undefined;
  if (!file) return { status: 404, text: 'Not Found' };
  if (file.bytes) return { status: 400, text: 'upload already received' };
  let bytes: Buffer;
  try {
    bytes = await fileBytes(body, contentType);
  } catch {
    return { status: 400, text: 'bad multipart body' };
  }
  if (bytes.length !== file.length) return { status: 400, text: `expected ${file.length} bytes, got ${bytes.length}`, file, received: bytes.length };
  file.bytes = bytes;
  w.changed();
  return { status: 200, text: `OK - ${bytes.length}`, file, received: bytes.length };
}
