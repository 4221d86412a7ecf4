// What a Web API method handler is, plus the small argument readers they share.
import { SlackApiError, type FileRecord, type MessageRecord } from './types.js';
import type { Workspace } from './workspace.js';

export type Args = Record<string, unknown>;
export type Result = Record<string, unknown>;

export interface CallContext {
  workspace: Workspace;
  /** Base URL of the double, e.g. http://127.0.0.1:1234 (no trailing slash). */
  baseUrl: string;
  tokenKind: 'bot' | 'app';
}

export type Handler = (args: Args, ctx: CallContext) => Result;

/** A string argument, or undefined. Numbers and booleans arrive as strings in form bodies. */
export function str(args: Args, key: string): string | undefined {
  const v = args[key];
  if (v === undefined || v === null || v === '') return undefined;
  return typeof v === 'string' ? v : String(v);
}

export function bool(args: Args, key: string): boolean {
  const v = args[key];
  return v === true || v === 'true' || v === '1' || v === 1;
}

/** Comma-separated ids ('U1,U2') or an array. */
export function idList(args: Args, key: string): string[] {
  const v = args[key];
  if (Array.isArray(v)) return v.map(String);
  const s = str(args, key);
  return s ? s.split(',').map((x) => x.trim()).filter(Boolean) : [];
}

export function fail(error: string, extra?: Record<string, unknown>): never {
  throw new SlackApiError(error, extra);
}

/**
 * A message as Slack returns it in chat.*, reactions.get and conversations.history answers.
 * `metadata`: include its message metadata (conversations.history does only with include_all_metadata).
 */
export function messageJson(w: Workspace, m: MessageRecord, o: { metadata?: boolean } = {}): Result {
  const json: Result = { type: 'message', user: m.user, text: m.text, ts: m.ts, team: w.team.id };
  if (m.bot_id) {
    json.bot_id = m.bot_id;
    json.app_id = w.bot.appId;
    json.bot_profile = { id: w.bot.botId, app_id: w.bot.appId, name: w.bot.name, deleted: false, team_id: w.team.id };
  }
  if (m.blocks) json.blocks = m.blocks;
  if (m.attachments) json.attachments = m.attachments;
  if (m.thread_ts) json.thread_ts = m.thread_ts;
  if (m.edited) json.edited = m.edited;
  if (o.metadata && m.metadata) json.metadata = structuredClone(m.metadata);
  if (m.files) {
    json.files = m.files.flatMap((id) => {
      const f = w.files.get(id);
      return f ? [fileJson(w, f)] : [];
    });
    json.upload = true;
    json.display_as_bot = false;
  }
  // Slack leaves `reactions` out entirely when there are none.
  if (m.reactions.length > 0) {
    json.reactions = m.reactions.map((r) => ({ name: r.name, users: [...r.users], count: r.users.length }));
  }
  return json;
}

const FILE_TYPES: Record<string, { mimetype: string; filetype: string; pretty_type: string }> = {
  png: { mimetype: 'image/png', filetype: 'png', pretty_type: 'PNG' },
  jpg: { mimetype: 'image/jpeg', filetype: 'jpg', pretty_type: 'JPEG' },
  jpeg: { mimetype: 'image/jpeg', filetype: 'jpg', pretty_type: 'JPEG' },
  gif: { mimetype: 'image/gif', filetype: 'gif', pretty_type: 'GIF' },
  csv: { mimetype: 'text/csv', filetype: 'csv', pretty_type: 'CSV' },
  txt: { mimetype: 'text/plain', filetype: 'text', pretty_type: 'Plain Text' },
};

/**
 * A file object as files.completeUploadExternal returns it. Slack shares the file asynchronously,
 * so right after completion `channels`, `groups`, `ims` and `shares` are still empty.
 */
export function fileJson(w: Workspace, f: FileRecord): Result {
  const ext = f.name.includes('.') ? f.name.slice(f.name.lastIndexOf('.') + 1).toLowerCase() : '';
  const type = FILE_TYPES[ext] ?? { mimetype: 'application/octet-stream', filetype: 'binary', pretty_type: 'Binary' };
  const host = `https://files.slack.com/files-pri/${w.team.id}-${f.id}`;
  const json: Result = {
    id: f.id,
    created: f.created,
    timestamp: f.created,
    name: f.name,
    title: f.title ?? f.name,
    ...type,
    user: f.user,
    user_team: w.team.id,
    editable: false,
    size: f.bytes?.length ?? f.length,
    mode: 'hosted',
    is_external: false,
    external_type: '',
    is_public: false,
    public_url_shared: false,
    display_as_bot: false,
    username: '',
    url_private: `${host}/${encodeURIComponent(f.name)}`,
    url_private_download: `${host}/download/${encodeURIComponent(f.name)}`,
    media_display_type: 'unknown',
    permalink: `https://${w.team.domain}.slack.com/files/${f.user}/${f.id}/${encodeURIComponent(f.name)}`,
    permalink_public: `https://slack-files.com/${w.team.id}-${f.id}-0000000000`,
    comments_count: 0,
    is_starred: false,
    shares: {},
    channels: [],
    groups: [],
    ims: [],
    has_more_shares: false,
    has_rich_preview: false,
    file_access: 'visible',
  };
  if (f.alt_txt) json.alt_txt = f.alt_txt;
  return json;
}
