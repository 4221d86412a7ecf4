// Slack Web API failures as the core's PlatformError: a code the dispatcher acts on (retry, fall
// back, tell staff) and, where staff can fix it, the fix in words they can follow.
import { webApi } from '@slack/bolt';
import { PlatformError } from '../../core/ports/chat-platform.js';

export interface ErrorContext {
  /** What we were doing, for the message: 'invite someone to <#C1>'. */
  action: string;
  channel?: string;
  /** The bot's name as people mention it. */
  botName?: string;
}

/** The Slack error code of a failed call ('not_in_channel'), if it was one. */
export function slackErrorCode(err: unknown): string | undefined {
  if (err && typeof err === 'object' && 'code' in err && (err as { code: unknown }).code === webApi.ErrorCode.PlatformError) {
    const data = (err as { data?: { error?: unknown } }).data;
    return typeof data?.error === 'string' ? data.error : undefined;
  }
  return undefined;
}

const gone = new Set(['user_not_found', 'users_not_found', 'account_inactive', 'user_disabled']);
const dmClosed = new Set(['cannot_dm_bot', 'messages_tab_disabled', 'cannot_message_user', 'user_is_bot']);
const notFound = new Set(['channel_not_found', 'message_not_found', 'no_such_subteam', 'subteam_not_found', 'is_archived', 'thread_not_found', 'not_found', 'file_not_found']);
/** The workspace does not take the file (files.getUploadURLExternal): only an admin can change that. */
const uploadsOff = new Set(['file_uploads_disabled', 'file_uploads_except_images_disabled', 'file_type_not_allowed']);
const uploadsFull = new Set(['file_upload_size_restricted', 'storage_limit_reached']);
const forbidden = new Set(['restricted_action', 'not_allowed_token_type', 'ekm_access_denied', 'cant_invite', 'cant_kick_from_general', 'method_not_supported_for_channel_type', 'team_access_not_granted', 'access_denied']);

export function toPlatformError(err: unknown, ctx: ErrorContext): PlatformError {
  if (err instanceof PlatformError) return err;
  const where = ctx.channel ? `<#${ctx.channel}>` : 'the channel';
  const me = `@${ctx.botName ?? 'Ambassador'}`;
  const e = (err ?? {}) as { code?: string; retryAfter?: number; statusCode?: number; data?: { needed?: string } };
  if (e.code === webApi.ErrorCode.RateLimitedError) {
    return new PlatformError('rate_limited', `Slack is rate-limiting me (${ctx.action})`, undefined, Math.max(1, e.retryAfter ?? 1) * 1000);
  }
  const code = slackErrorCode(err);
  if (!code) {
    const detail = err instanceof Error ? err.message : String(err);
    return new PlatformError('unavailable', `Slack could not be reached to ${ctx.action} (${detail})`);
  }
  if (code === 'ratelimited') return new PlatformError('rate_limited', `Slack is rate-limiting me (${ctx.action})`, undefined, 1000);
  if (code === 'not_in_channel') {
    return new PlatformError('missing_permission', `I'm not a member of ${where}, so I can't ${ctx.action}`, `invite me to ${where} with /invite ${me}`);
  }
  if (code === 'channel_not_found') {
    return new PlatformError('not_found', `I can't see ${where} (Slack says channel_not_found) to ${ctx.action}`,
      `check that the channel exists; if it is private, invite me to it with /invite ${me}`);
  }
  if (code === 'missing_scope') {
    const scope = e.data?.needed ?? 'a permission';
    return new PlatformError('missing_permission', `the Slack app lacks the ${scope} scope needed to ${ctx.action}`,
      `add the ${scope} bot scope to the app (api.slack.com/apps → OAuth & Permissions, or npm run slack:manifest) and reinstall it`);
  }
  if (gone.has(code)) return new PlatformError('user_gone', `that person is no longer in the workspace (Slack says ${code}), so I can't ${ctx.action}`);
  if (dmClosed.has(code)) return new PlatformError('dm_closed', `I can't send that person a direct message (Slack says ${code})`);
  if (code === 'is_archived') {
    return new PlatformError('not_found', `${where} is archived, so I can't ${ctx.action}`, `unarchive ${where} or choose another channel`);
  }
  if (notFound.has(code)) return new PlatformError('not_found', `Slack says ${code} when I try to ${ctx.action}`);
  if (uploadsOff.has(code)) {
    return new PlatformError('missing_permission', `the workspace does not allow me to ${ctx.action} (Slack says ${code})`,
      'a workspace admin can allow file uploads (PNG images) for apps in the workspace settings');
  }
  if (uploadsFull.has(code)) {
    return new PlatformError('missing_permission', `the workspace's file limits stop me: I can't ${ctx.action} (Slack says ${code})`,
      'a workspace admin can free up file storage or raise the upload size limit');
  }
  if (forbidden.has(code)) {
    return new PlatformError('missing_permission', `Slack doesn't allow me to ${ctx.action} (${code})`, 'check the workspace settings for apps and the channel type');
  }
  if (code === 'invalid_auth' || code === 'not_authed' || code === 'token_revoked' || code === 'token_expired') {
    return new PlatformError('unavailable', `Slack rejected my token (${code}) when I tried to ${ctx.action}`, 'check SLACK_BOT_TOKEN and that the app is still installed');
  }
  return new PlatformError('unavailable', `Slack answered ${code} when I tried to ${ctx.action}`);
}
