// Public shapes of the Slack double: how a test seeds the workspace and what it can read back.
// Field names follow Slack's own JSON (snake_case) where the value is Slack data, camelCase where
// it is the double's own option.

export interface SeedUser {
  id: string;
  name?: string;
  realName?: string;
  isAdmin?: boolean;
  isOwner?: boolean;
  isPrimaryOwner?: boolean;
  isBot?: boolean;
  deleted?: boolean;
  tz?: string;
}

export interface SeedMessage {
  user: string;
  text: string;
  /** Defaults to a fresh ts. */
  ts?: string;
  thread_ts?: string;
}

export interface SeedChannel {
  id: string;
  name: string;
  isPrivate?: boolean;
  isArchived?: boolean;
  isGeneral?: boolean;
  /** Human members. The bot is added unless botIsMember is false. */
  members?: string[];
  botIsMember?: boolean;
  messages?: SeedMessage[];
}

export interface SeedUsergroup {
  id: string;
  handle?: string;
  users: string[];
}

export interface SlackDoubleOptions {
  team?: { id?: string; name?: string; domain?: string };
  bot?: { userId?: string; botId?: string; appId?: string; name?: string; token?: string };
  /** App-level token accepted by apps.connections.open (Socket Mode). */
  appToken?: string;
  signingSecret?: string;
  users?: SeedUser[];
  channels?: SeedChannel[];
  usergroups?: SeedUsergroup[];
  /** views.open rejects triggers older than this (Slack: 3 s). */
  triggerTtlMs?: number;
  /** views.open only accepts trigger ids the double issued (slashCommand, blockAction, issueTrigger). Default true. */
  strictTriggers?: boolean;
}

export interface UserRecord {
  id: string;
  team_id: string;
  name: string;
  real_name: string;
  deleted: boolean;
  is_admin: boolean;
  is_owner: boolean;
  is_primary_owner: boolean;
  is_bot: boolean;
  tz: string;
}

export type ChannelKind = 'public' | 'private' | 'im';

export interface ChannelRecord {
  id: string;
  name: string;
  kind: ChannelKind;
  members: Set<string>;
  created: number;
  creator: string;
  isArchived: boolean;
  isGeneral: boolean;
  /** For an im: the human on the other side. */
  dmUser?: string;
}

export interface ReactionRecord {
  name: string;
  users: string[];
}

export interface MessageRecord {
  channel: string;
  ts: string;
  user: string;
  text: string;
  bot_id?: string;
  blocks?: unknown[];
  attachments?: unknown[];
  thread_ts?: string;
  edited?: { user: string; ts: string };
  reactions: ReactionRecord[];
  /** A file share (files.completeUploadExternal with a channel): the shared files' ids. */
  files?: string[];
  /** Message metadata posted with it (chat.postMessage `metadata`); returned only where Slack does. */
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
}

/**
 * A file in the external upload flow: files.getUploadURLExternal reserves it, a POST to its upload
 * URL brings the bytes, files.completeUploadExternal names it and shares it (or keeps it private).
 */
export interface FileRecord {
  id: string;
  /** The filename given to files.getUploadURLExternal. */
  name: string;
  /** The declared size in bytes (`length`). */
  length: number;
  alt_txt?: string;
  user: string;
  created: number;
  /** The bytes POSTed to the upload URL; undefined until then. */
  bytes?: Buffer;
  completed: boolean;
  title?: string;
  /** Where files.completeUploadExternal shared it; undefined for a private file. */
  channel?: string;
  thread_ts?: string;
  initial_comment?: string;
}

/** What a test reads back about a file the app uploaded (see SlackDouble.files / uploads). */
export interface UploadedFile {
  id: string;
  name: string;
  /** The title given to files.completeUploadExternal (Slack defaults it to the filename). */
  title: string;
  alt_txt?: string;
  bytes: Buffer;
  /** Completed with files.completeUploadExternal. */
  completed: boolean;
  channel?: string;
  thread_ts?: string;
  initial_comment?: string;
}

export interface EphemeralRecord {
  channel: string;
  user: string;
  message_ts: string;
  text: string;
  blocks?: unknown[];
}

export interface ViewRecord {
  id: string;
  /** The person the view was opened for. */
  user: string;
  view: Record<string, unknown>;
}

export interface RecordedCall {
  /**
   * Web API method ('chat.postMessage'), 'response_url' for POSTs to a response_url, or
   * 'file_upload' for the bytes POSTed to an upload URL (args: file_id, filename, bytes = the
   * file's size as received, body_length, content_type).
   */
  method: string;
  /** Parsed arguments; JSON-valued fields (blocks, view, attachments…) already decoded. */
  args: Record<string, unknown>;
  token?: string;
  at: number;
  status: number;
  response: Record<string, unknown>;
  /** The reply came from failNext rather than the simulated workspace. */
  injected: boolean;
  unknown: boolean;
  /** The method ran at once but its answer was held this long (delayNext): Slack answering late. */
  delayedMs?: number;
}

export interface Failure {
  /** Slack error code for {ok:false, error}. Default 'ratelimited' for 429, else 'internal_error'. */
  error?: string;
  /** HTTP status. 429 adds a Retry-After header. Default 200 (Slack reports errors in the body). */
  status?: number;
  /** Seconds, for 429. Default 1. */
  retryAfter?: number;
  /** How many consecutive calls fail. Default 1. */
  times?: number;
  /** Let this many calls to the method through first (fail the second reactions.add: `skip: 1`). Default 0. */
  skip?: number;
  /** Extra fields merged into the error body (e.g. { needed: 'groups:write' }). */
  extra?: Record<string, unknown>;
}

/** Thrown inside method handlers; becomes {ok:false, error, ...extra}. */
export class SlackApiError extends Error {
  constructor(
    readonly error: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(error);
  }
}
