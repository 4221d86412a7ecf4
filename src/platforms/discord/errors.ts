// Discord's failures in the core's words. A DiscordAPIError carries Discord's JSON error code; each
// becomes a PlatformError the dispatcher understands (retry, fall back, or tell staff what to fix).
import { DiscordAPIError, HTTPError, RateLimitError, RESTJSONErrorCodes as Code } from 'discord.js';
import { PlatformError } from '../../core/ports/chat-platform.js';

/** What the bot was doing, so a permission problem comes with the right fix for staff. */
export type Doing =
  | { kind: 'post'; channel: string }
  | { kind: 'edit'; channel: string }
  | { kind: 'react'; channel: string }
  | { kind: 'unreact'; channel: string }
  | { kind: 'read'; channel: string }
  | { kind: 'role'; role: string; fix: string }
  | { kind: 'dm' }
  | { kind: 'members' };

function permissionFix(doing: Doing): string {
  switch (doing.kind) {
    case 'post':
    case 'edit':
      return `let me post in ${doing.channel}: give my role View Channel, Send Messages, Embed Links and Attach Files there (channel settings → Permissions)`;
    case 'react':
      return `let me react in ${doing.channel}: give my role View Channel, Add Reactions and Read Message History there`;
    case 'unreact':
      return `give my role Manage Messages in ${doing.channel}, so I can remove reactions that don't count`;
    case 'read':
      return `let me read ${doing.channel}: give my role View Channel and Read Message History there`;
    case 'role':
      return doing.fix;
    case 'dm':
      return 'ask the person to allow direct messages from server members';
    case 'members':
      return 'turn on the Server Members intent for the bot in the Discord developer portal';
  }
}

const networkCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_SOCKET']);

function isNetworkError(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  if (err.name === 'AbortError' || err.name === 'TimeoutError') return true;
  const code = (err as { code?: unknown }).code ?? (err.cause as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && networkCodes.has(code);
}

/** Maps a discord.js failure to a PlatformError; anything else is returned unchanged. */
export function toPlatformError(err: unknown, doing: Doing): unknown {
  if (err instanceof PlatformError) return err;
  if (err instanceof RateLimitError) {
    return new PlatformError('rate_limited', `Discord asked me to slow down (${err.route})`, undefined, err.retryAfter);
  }
  if (err instanceof DiscordAPIError) {
    const what = `${err.message} (Discord error ${err.code})`;
    switch (err.code) {
      case Code.MissingPermissions:
      case Code.MissingAccess: {
        const message = doing.kind === 'role' ? `I'm not allowed to give or take the role “${doing.role}” (Discord error ${err.code}: ${err.message})` : what;
        return new PlatformError('missing_permission', message, permissionFix(doing));
      }
      case Code.CannotSendMessagesToThisUser:
      case Code.CannotSendMessagesToThisUserDueToHavingNoMutualGuilds:
        return new PlatformError('dm_closed', 'their direct messages are closed', permissionFix({ kind: 'dm' }));
      case Code.UnknownChannel: {
        const which = 'channel' in doing ? `${doing.channel} ` : '';
        return new PlatformError('not_found', `the channel ${which}no longer exists (Discord error ${err.code})`,
          'choose a channel that exists with /program setup committee_channel:#channel (or announce_channel:#channel)');
      }
      case Code.UnknownMessage:
        return new PlatformError('not_found', `the message was deleted (Discord error ${err.code})`);
      case Code.UnknownRole:
        return new PlatformError('not_found', `the role no longer exists (Discord error ${err.code})`, 'choose the role again with /program setup ambassador_role:@role');
      case Code.UnknownGuild:
        return new PlatformError('not_found', `I'm not in that server any more (Discord error ${err.code})`);
      case Code.UnknownMember:
        return new PlatformError('user_gone', `they are no longer a member of the server (Discord error ${err.code})`);
      case Code.UnknownUser:
        return new PlatformError('user_gone', `that Discord account no longer exists (Discord error ${err.code})`);
      default:
        if (err.status === 429) return new PlatformError('rate_limited', what, undefined, 1000);
        if (err.status >= 500) return new PlatformError('unavailable', `Discord is having trouble: ${what}`);
        return err;
    }
  }
  if (err instanceof HTTPError) {
    if (err.status === 429) return new PlatformError('rate_limited', `Discord asked me to slow down (${err.status})`, undefined, 1000);
    if (err.status >= 500) return new PlatformError('unavailable', `Discord is having trouble (HTTP ${err.status})`);
    return err;
  }
  if (isNetworkError(err)) return new PlatformError('unavailable', `I couldn't reach Discord (${(err as Error).message})`);
  return err;
}

/** Runs a Discord call and rethrows its failure as a PlatformError. */
export async function mapped<T>(doing: Doing, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    throw toPlatformError(err, doing);
  }
}

/** The Discord JSON error code of a failure, if it is one. */
export const discordCode = (err: unknown): number | undefined =>
  err instanceof DiscordAPIError && typeof err.code === 'number' ? err.code : undefined;
