// Discord's error responses: the {message, code} JSON body real Discord sends. `Errors` are thrown by
// route handlers; `DiscordErrors` are presets for failure injection:
//   double.failNext({ route: 'PUT /guilds/:guildId/members/:userId/roles/:roleId' }, DiscordErrors.missingPermissions())
import { RESTJSONErrorCodes as Code } from 'discord-api-types/v10';

/** What an injected failure answers with. Header names in lower case. */
export interface FailureSpec {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Thrown inside route handlers; the server turns it into Discord's error JSON. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    /** Discord's per-field details of a 50035 (`{ field: { _errors: [{ code, message }] } }`). */
    readonly errors?: unknown,
  ) {
    super(message);
  }

  toSpec(): FailureSpec {
    return { status: this.status, body: { message: this.message, code: this.code, ...(this.errors ? { errors: this.errors } : {}) } };
  }
}

const make = (status: number, code: number, message: string) => () => new ApiError(status, code, message);

export const Errors = {
  unknownRoute: make(404, 0, '404: Not Found'),
  unauthorized: make(401, 0, '401: Unauthorized'),
  serverError: make(500, 0, '500: Internal Server Error'),
  missingAccess: make(403, Code.MissingAccess, 'Missing Access'),
  missingPermissions: make(403, Code.MissingPermissions, 'Missing Permissions'),
  cannotSendMessagesToThisUser: make(403, Code.CannotSendMessagesToThisUser, 'Cannot send messages to this user'),
  cannotEditOthers: make(403, Code.CannotEditMessageAuthoredByAnotherUser, 'Cannot edit a message authored by another user'),
  emptyMessage: make(400, Code.CannotSendAnEmptyMessage, 'Cannot send an empty message'),
  unknownMessage: make(404, Code.UnknownMessage, 'Unknown Message'),
  unknownChannel: make(404, Code.UnknownChannel, 'Unknown Channel'),
  unknownGuild: make(404, Code.UnknownGuild, 'Unknown Guild'),
  unknownMember: make(404, Code.UnknownMember, 'Unknown Member'),
  unknownUser: make(404, Code.UnknownUser, 'Unknown User'),
  unknownRole: make(404, Code.UnknownRole, 'Unknown Role'),
  unknownEmoji: make(400, Code.UnknownEmoji, 'Unknown Emoji'),
  /** GET of a guild emoji that isn't there answers 404 (a reaction with one answers 400). */
  unknownGuildEmoji: make(404, Code.UnknownEmoji, 'Unknown Emoji'),
  unknownWebhook: make(404, Code.UnknownWebhook, 'Unknown Webhook'),
  unknownInteraction: make(404, Code.UnknownInteraction, 'Unknown interaction'),
  invalidBody: (what: string) => new ApiError(400, Code.InvalidFormBodyOrContentType, `Invalid Form Body: ${what}`),
  alreadyAcknowledged: make(400, Code.InteractionHasAlreadyBeenAcknowledged, 'Interaction has already been acknowledged.'),
} as const;

export interface RateLimitOptions {
  /** A global limit: adds x-ratelimit-global and scope 'global', no bucket headers. */
  global?: boolean;
  scope?: 'user' | 'global' | 'shared';
  bucket?: string;
}

/** 429 with the headers discord.js reads before waiting (retry-after, x-ratelimit-*) and Discord's body. */
function rateLimited(retryAfterSeconds = 0.05, options: RateLimitOptions = {}): FailureSpec {
  const after = String(retryAfterSeconds);
  const headers: Record<string, string> = {
    'retry-after': after,
    'x-ratelimit-scope': options.scope ?? (options.global ? 'global' : 'user'),
  };
  if (options.global) headers['x-ratelimit-global'] = 'true';
  else
    Object.assign(headers, {
      'x-ratelimit-limit': '1',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': ((Date.now() + retryAfterSeconds * 1000) / 1000).toFixed(3),
      'x-ratelimit-reset-after': after,
      'x-ratelimit-bucket': options.bucket ?? 'd0ub1eb0c4e7',
    });
  const body = { message: 'You are being rate limited.', retry_after: retryAfterSeconds, global: Boolean(options.global) };
  return { status: 429, headers, body };
}

const preset = (e: () => ApiError) => (): FailureSpec => e().toSpec();

export const DiscordErrors = {
  rateLimited,
  /** 403 / 50013, e.g. granting a role above the bot's highest role. */
  missingPermissions: preset(Errors.missingPermissions),
  missingAccess: preset(Errors.missingAccess),
  /** 403 / 50007, a user with closed DMs. */
  cannotSendMessagesToThisUser: preset(Errors.cannotSendMessagesToThisUser),
  unknownMessage: preset(Errors.unknownMessage),
  unknownChannel: preset(Errors.unknownChannel),
  unknownMember: preset(Errors.unknownMember),
  unknownUser: preset(Errors.unknownUser),
  unknownRole: preset(Errors.unknownRole),
  unknownInteraction: preset(Errors.unknownInteraction),
  serverError: preset(Errors.serverError),
} as const;
