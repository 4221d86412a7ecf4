// The seam between the core and the chat platforms. Adapters push normalised events into the core
// (InboundSink) and the core answers through ChatPlatform. Nothing here knows discord.js or Bolt.

export type Platform = 'discord' | 'slack' | 'console';
/** Adapters map emoji <-> choice with the program's configured emoji (see core/votes/emoji). */
export type VoteChoice = 'approve' | 'reject' | 'abstain';

export interface UserRef {
  platform: Platform;
  workspaceId: string;
  id: string;
  name?: string;
  isBot: boolean;
  /** The platform says this person administers the workspace (Discord Manage Server, Slack admin/owner). */
  isAdmin?: boolean;
  /** When they joined the community, where the platform knows it. */
  joinedAt?: Date;
}

export interface ChannelRef {
  platform: Platform;
  workspaceId: string;
  id: string;
}

/** A message the bot posted: a Discord snowflake, a Slack ts, a console #n. */
export interface MessageRef {
  channel: ChannelRef;
  id: string;
}

export interface Field {
  name: string;
  value: string;
  inline?: boolean;
}

export type Tone = 'info' | 'success' | 'warning' | 'danger';

/**
 * Platform-neutral text: light markdown (**bold**, _italic_, [label](url), `code`, lists).
 * Adapters render it and make every message mention-safe: text here may quote users.
 */
export interface OutboundMessage {
  title?: string;
  text: string;
  fields?: Field[];
  tone?: Tone;
  footer?: string;
  image?: { png: Uint8Array; name: string; alt: string };
  /** Files sent with the message (a person's data export); only to a platform that declares dmFiles. */
  attachments?: Array<{ name: string; data: Uint8Array; type: string }>;
  /** One-tap buttons under the message (at most MAX_ACTIONS); see MessageAction. */
  actions?: MessageAction[];
}

/**
 * A button under a message. Tapping it runs `command` with `options`, as the person who tapped, in
 * the workspace the message went to: the adapter sends it in as an ordinary CommandInvocation, so the
 * router checks access and validates the options exactly as for a typed command (src/core/actions.ts
 * encodes it for the platform: a Discord custom_id, a Slack button value, a console choice).
 */
export interface MessageAction {
  label: string;
  command: string;
  options?: Record<string, string | number | boolean>;
  style?: 'primary' | 'secondary';
}

// ---- what adapters send in ----------------------------------------------------------------

export interface CommandInvocation {
  /** Space-separated command path as defined in commands/: 'apply', 'program setup', 'program questions add'. */
  name: string;
  /** Raw option values by option name; the core validates them with the command's zod schema. */
  options: Record<string, unknown>;
  /** Display names of mentioned users by id, where the platform resolved them. */
  names?: Record<string, string>;
  user: UserRef;
  channel: ChannelRef;
}

export interface FormField {
  id: string;
  label: string;
  kind: 'short' | 'paragraph';
  required: boolean;
  minLength: number;
  maxLength: number;
  placeholder?: string;
  /** A value to pre-fill, e.g. from an earlier step or an earlier attempt. */
  value?: string;
}

export interface FormSpec {
  /** Opaque to adapters; comes back in FormSubmission.formId. */
  id: string;
  title: string;
  /** Shown above the fields (the program's why and objective). May be long; adapters trim to fit. */
  intro: string;
  fields: FormField[];
  submitLabel?: string;
}

export interface FormSubmission {
  formId: string;
  values: Record<string, string>;
  user: UserRef;
  channel: ChannelRef;
}

export type Reply =
  | { kind: 'message'; message: OutboundMessage; private: boolean }
  | { kind: 'form'; form: FormSpec }
  /** The form had problems: field id -> what to fix. Nothing was saved; the adapter shows them inline. */
  | { kind: 'form-errors'; errors: Record<string, string>; message: OutboundMessage }
  | { kind: 'none' }
  /** Another process took this event over and answers it: say nothing. */
  | { kind: 'taken' };

export interface ReactionEvent {
  message: MessageRef;
  user: UserRef;
  added: boolean;
  /** The raw emoji as the platform names it (unicode, or a Slack short name such as 'white_check_mark'). */
  emoji: string;
}

/** What is left to do for a claimed event, stored with its claim. `replyTo` is the adapter's own (a token). */
export type InboundWork =
  | { kind: 'command'; platform: Platform; inv: CommandInvocation; replyTo?: unknown }
  | { kind: 'form'; platform: Platform; sub: FormSubmission; replyTo?: unknown }
  | { kind: 'reaction'; platform: Platform; ev: ReactionEvent }
  /** A request as the platform sent it, handled again by the adapter (ChatPlatform.redo). */
  | { kind: 'request'; platform: Platform; body: unknown };

/** An inbound event to claim before acting on it (see src/core/inbound.ts). */
export interface EventClaim {
  /** Unique per event and platform: an interaction id, a Slack event_id, a reaction's message+user+emoji. */
  key: string;
  /** For events without an id of their own (reactions): 'add' | 'remove'. */
  variant?: string;
  /** A claim of the same key and variant older than this is a new event (default: never). */
  repeatAfterMs?: number;
  /** What another process needs to finish the event if this one dies first. */
  work?: InboundWork;
}

/** A multi-step form in progress, stored so any process can continue it. */
export interface FormDraft {
  token: string;
  /** The person and form: running the command again resumes the draft. */
  personKey: string;
  data: unknown;
  expiresAt: Date;
}

export interface FormDraftRepository {
  /** Other processes may change drafts (PostgreSQL): read them from the store, not from memory. */
  readonly shared?: boolean;
  get(token: string, now: Date): Promise<FormDraft | null>;
  byPerson(personKey: string, now: Date): Promise<FormDraft | null>;
  /** Creates or replaces the person's draft for the form. */
  put(draft: FormDraft): Promise<void>;
  remove(token: string): Promise<void>;
  prune(now: Date): Promise<number>;
}

/** What the core implements and adapters call. */
export interface InboundSink {
  /** `claim`: the key of this event's claim (see claim()); the work's changes and its done mark then commit together. */
  command(inv: CommandInvocation, claim?: string): Promise<Reply>;
  formSubmitted(sub: FormSubmission, claim?: string): Promise<Reply>;
  reaction(ev: ReactionEvent, claim?: string): Promise<void>;
  /**
   * Claims an event for this process before anything is done or answered. False: another process
   * has it, and this one does nothing and answers nothing. One statement (none on SQLite).
   */
  claim?(c: EventClaim): Promise<boolean>;
  /** Marks a claimed event done (when it was answered without calling command/formSubmitted/reaction). */
  done?(key: string): Promise<void>;
  /** Where multi-step forms are kept (the database): any process continues them. */
  drafts?: FormDraftRepository;
  /**
   * The reply when the core knows it from memory, without touching the database (/apply's form),
   * else null: the adapter then acknowledges first (a deferral) and calls command(). Synchronous.
   */
  immediate?(inv: CommandInvocation): Reply | null;
  /** A submitted form's problems when memory can tell them (no database), else null: acknowledge, then formSubmitted(). */
  checkForm?(sub: FormSubmission): Reply | null;
  /** Loads what immediate() needs for these workspaces (an adapter calls it once connected). Never throws. */
  warm?(platform: Platform, workspaceIds: readonly string[]): Promise<void>;
}

// ---- what the core calls out ---------------------------------------------------------------

/** What a platform can and cannot do, declared so the core asks instead of guessing. */
export interface PlatformCapabilities {
  /** The bot can remove another person's reaction (Discord: yes; Slack: only its own). */
  removeOthersReactions: boolean;
  /** The bot can send files in a direct message (Discord, Slack); without it, files go to the file sink. */
  dmFiles?: boolean;
}

export interface PostOptions {
  /**
   * A stable id of the request (the outbox item that asked for the post). A post sent again with the
   * same key, after a crash or a client resend, appears once: Discord's nonce with enforce_nonce,
   * Slack's message metadata checked before posting, the console's own table.
   */
  key?: string;
}

export interface ChatPlatform {
  readonly platform: Platform;
  readonly capabilities: PlatformCapabilities;
  start(sink: InboundSink): Promise<void>;
  stop(): Promise<void>;
  post(to: ChannelRef, msg: OutboundMessage, opts?: PostOptions): Promise<MessageRef>;
  edit(ref: MessageRef, msg: OutboundMessage): Promise<void>;
  dm(to: UserRef, msg: OutboundMessage): Promise<void>;
  /** Adds the bot's own reaction (the vote seeds). */
  react(on: MessageRef, emoji: string): Promise<void>;
  /** Removes someone else's reaction (a vote that does not count), where the platform allows. */
  unreact(on: MessageRef, emoji: string, user: UserRef): Promise<void>;
  /**
   * Every reaction on a message, bots' excluded: catch-up after downtime. Throws when the message
   * can't be read: only what the platform positively shows may withdraw a vote.
   */
  reactionsOn(on: MessageRef): Promise<Array<{ user: UserRef; emoji: string }>>;
  /** Grants the ambassador role (Discord) or private-channel membership (Slack). */
  grantMembership(user: UserRef, target: string): Promise<void>;
  revokeMembership(user: UserRef, target: string): Promise<void>;
  /** Members of a Discord role, a Slack user group or channel. */
  membersOf(workspaceId: string, target: string): Promise<UserRef[]>;
  /** Whether a custom emoji (by id) belongs to the workspace, where the platform has custom emoji. */
  hasCustomEmoji?(workspaceId: string, emojiId: string): Promise<boolean>;
  /**
   * Delivers the reply to an event another process acknowledged and then died on (`replyTo` is
   * what this adapter put in the claim's work: an interaction token, a response URL).
   */
  replyLater?(replyTo: unknown, reply: Reply): Promise<void>;
  /** Handles again a request another process claimed and died on (work of kind 'request'), under `claim`. */
  redo?(claim: string, body: unknown): Promise<void>;
}

/** Why a platform call failed, so the core can decide between retry, fallback and telling staff. */
export type PlatformErrorCode =
  | 'dm_closed'
  | 'missing_permission'
  | 'not_found'
  | 'rate_limited'
  | 'user_gone'
  | 'unavailable';

export class PlatformError extends Error {
  override name = 'PlatformError';
  constructor(
    readonly code: PlatformErrorCode,
    message: string,
    /** For staff: what to change so it works ("move my role above @Ambassador"). */
    readonly fix?: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }

  get retryable(): boolean {
    return this.code === 'rate_limited' || this.code === 'unavailable';
  }
}
