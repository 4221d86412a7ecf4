// What a Web API method handler is, plus the small argument readers they share.
import { SlackApiError, type MessageRecord } from './types.js';
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

/** A message as Slack returns it in chat.* and reactions.get answers. */
export function messageJson(w: Workspace, m: MessageRecord): Result {
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
  // Slack leaves `reactions` out entirely when there are none.
  if (m.reactions.length > 0) {
    json.reactions = m.reactions.map((r) => ({ name: r.name, users: [...r.users], count: r.users.length }));
  }
  return json;
}
