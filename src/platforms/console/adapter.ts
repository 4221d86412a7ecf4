// The console adapter: a terminal chat (like Hubot's shell) driving the same core as Discord and
// Slack. Deterministic for scripts: each bot message gets a sequential #id (kept in the database, so
// numbering and reactions carry on after a restart), every line is fully handled (including the
// side effects it causes) before the next one is read, and a reply is printed before what it caused.
// This file is the platform port; the conversation is session.ts (forms: form.ts, `:controls`:
// controls.ts), input and output io.ts, the clock clock.ts, names people.ts.
import type { Command } from '../../core/commands/define.js';
import type { ChannelRef, ChatPlatform, InboundSink, MessageRef, OutboundMessage, UserRef } from '../../core/ports/chat-platform.js';
import { PlatformError, type PlatformCapabilities, type PostOptions } from '../../core/ports/chat-platform.js';
import { ConsoleChoices } from './choices.js';
import { clockText } from './clock.js';
import { consoleCompleter } from './complete.js';
import { controlNames, type ConsoleTime } from './controls.js';
import { imageFileLine } from './images.js';
import { ConsoleIO } from './io.js';
import { memoryConsoleMessages, type ConsoleMessageStore, type StoredConsoleMessage } from './messages.js';
import { consoleWorkspace, People } from './people.js';
import { indent, renderText, styleText, type TextStyle } from './render.js';
import { ConsoleSession } from './session.js';

export type { ConsoleTime } from './controls.js';
export { consoleUser, consoleWorkspace } from './people.js';

export interface ConsoleOptions {
  input: NodeJS.ReadableStream;
  write: (text: string) => void;
  commands: readonly Command[];
  /** Waits until queued side effects have run, so output follows input in order. */
  settle: () => Promise<void>;
  /** A person at a terminal: prompts, and with `terminal`, line editing, history and Tab completion. */
  interactive?: boolean;
  /** The terminal to draw on (interactive sessions). */
  terminal?: { output: NodeJS.WritableStream; historyFile?: string };
  /** Where messages and reactions are kept; the database in production, so a restart loses nothing. */
  messages?: ConsoleMessageStore;
  /** How the core's Markdown is shown (default: as written). main.ts picks ANSI for a colour terminal, else plain. */
  style?: TextStyle;
  /** The console's clock and what runs when it moves (`:clock`); without it the clock can't be moved. */
  time?: ConsoleTime;
}

export class ConsoleAdapter implements ChatPlatform {
  readonly platform = 'console' as const;
  readonly capabilities: PlatformCapabilities = { removeOthersReactions: true };
  private readonly messages: ConsoleMessageStore;
  private readonly style: TextStyle;
  private readonly people = new People();
  /** The buttons under messages, chosen by typing their number. */
  private readonly choices = new ConsoleChoices();
  private session?: ConsoleSession;
  private sink?: InboundSink;
  private io?: ConsoleIO;
  readonly granted = new Map<string, Set<string>>(); // target -> user ids
  private done?: Promise<void>;
  /** While the clock moves: the time last printed above the output it caused. */
  private stamp: number | null | undefined;

  constructor(private readonly o: ConsoleOptions) {
    this.messages = o.messages ?? memoryConsoleMessages();
    this.style = o.style ?? 'markdown';
  }

  async start(sink: InboundSink): Promise<void> {
    this.sink = sink;
    const terminal = this.o.interactive && this.o.terminal
      ? { ...this.o.terminal, completer: consoleCompleter(this.o.commands, controlNames) }
      : undefined;
    const io = (this.io = new ConsoleIO({ input: this.o.input, write: this.o.write, terminal }));
    const session = (this.session = new ConsoleSession({
      io, sink, commands: this.o.commands, settle: this.o.settle, messages: this.messages, people: this.people, time: this.o.time, choices: this.choices,
      show: (text) => this.show(text),
      messageText: (id, p) => this.messageText(id, p),
      reactAs: (u, id, emoji, added) => this.reactAs(u, id, emoji, added),
      advancing: (on) => {
        this.stamp = on ? null : undefined;
      },
    }));
    io.say(`Ambassador console. You are @${session.user} in #${session.channel}. Type :help for controls (:clock moves time), /help for commands.`);
    this.done = session.run().finally(() => io.close());
  }

  /** Resolves when input ends or :quit is typed. */
  finished(): Promise<void> {
    return this.done ?? Promise.resolve();
  }

  async stop(): Promise<void> {
    this.io?.close();
  }

  /** A one-line notice in the conversation (e.g. that something failed and where the log is). */
  notice(text: string): void {
    this.emit(`(${text})`);
  }

  /** Output that comes on its own (posts, DMs, edits): after the reply, stamped with the time while the clock moves. */
  private emit(text: string): void {
    const print = (t: string) => (this.io ? this.io.emit(t) : this.o.write(`${t}\n`));
    if (this.stamp !== undefined && this.o.time) {
      const at = this.o.time.clock.now();
      if (this.stamp !== at.getTime()) {
        this.stamp = at.getTime();
        print(`⏰ ${clockText(at, this.o.time.zone)}`);
      }
    }
    print(text);
  }

  private show(text: string): string {
    return styleText(text, this.style);
  }

  /** A person's reaction on a bot message: recorded here, then handed to the core as a vote. */
  async reactAs(userId: string, messageId: string, emoji: string, added: boolean): Promise<void> {
    const posted = await this.messages.get(Number(messageId));
    if (!posted) throw new Error(`no message #${messageId}`);
    await this.messages.react(posted.id, emoji, userId, added);
    const message = { channel: { platform: 'console' as const, workspaceId: consoleWorkspace, id: posted.channel }, id: messageId };
    await this.sink!.reaction({ message, user: this.people.ref(userId), added, emoji });
  }

  private messageText(id: string, p: Pick<StoredConsoleMessage, 'channel' | 'message' | 'reactions'>): string {
    const reactions = Object.entries(p.reactions).filter(([, users]) => users.length).map(([e, users]) => `${e} ${users.join(',')}`);
    return `#${id} in #${p.channel}:\n${indent(this.show(renderText(p.message)))}${reactions.length ? `\n   reactions: ${reactions.join(' · ')}` : ''}`;
  }

  // ---- ChatPlatform ----

  async post(to: ChannelRef, msg: OutboundMessage, opts: PostOptions = {}): Promise<MessageRef> {
    const { id: n, created } = await this.messages.create(to.id, msg, opts.key);
    const id = String(n);
    if (!created) return { channel: to, id }; // the same post again (a retry after a crash): it stays one
    this.choices.offerToAll(msg.actions, id);
    this.emit(this.messageText(id, { channel: to.id, message: msg, reactions: {} }));
    if (msg.image) this.emit(imageFileLine(id, msg.image));
    return { channel: to, id };
  }

  async edit(ref: MessageRef, msg: OutboundMessage): Promise<void> {
    if (!(await this.messages.update(Number(ref.id), msg))) throw new PlatformError('not_found', `message #${ref.id} does not exist`);
    this.choices.edited(ref.id, msg.actions);
    this.emit(`(edited #${ref.id})`);
    this.emit(this.messageText(ref.id, (await this.messages.get(Number(ref.id)))!));
  }

  async dm(to: UserRef, msg: OutboundMessage): Promise<void> {
    this.choices.offerTo(to.id, msg.actions);
    // Choices DMed to someone else say how to choose as them.
    const actionsAs = this.session && to.id !== this.session.user ? to.id : undefined;
    this.emit(`[DM to @${to.id}]\n${indent(this.show(renderText(msg, { actionsAs })))}`);
    if (msg.image) this.emit(imageFileLine(`dm-${to.id}`, msg.image));
  }

  async react(on: MessageRef, emoji: string): Promise<void> {
    if (!(await this.messages.get(Number(on.id)))) throw new PlatformError('not_found', `message #${on.id} does not exist`);
    await this.messages.react(Number(on.id), emoji, 'bot', true);
  }

  async unreact(on: MessageRef, emoji: string, user: UserRef): Promise<void> {
    if (await this.messages.react(Number(on.id), emoji, user.id, false)) this.emit(`(removed @${user.id}'s ${emoji} on #${on.id})`);
  }

  async reactionsOn(on: MessageRef): Promise<Array<{ user: UserRef; emoji: string }>> {
    const p = await this.messages.get(Number(on.id));
    if (!p) throw new PlatformError('not_found', `message #${on.id} does not exist`);
    return Object.entries(p.reactions).flatMap(([emoji, users]) =>
      users.filter((u) => u !== 'bot').map((u) => ({ emoji, user: this.people.ref(u) })),
    );
  }

  async grantMembership(user: UserRef, target: string): Promise<void> {
    const set = this.granted.get(target) ?? new Set<string>();
    set.add(user.id);
    this.granted.set(target, set);
    this.emit(`(@${user.id} now has ${target})`);
  }

  async revokeMembership(user: UserRef, target: string): Promise<void> {
    this.granted.get(target)?.delete(user.id);
    this.emit(`(@${user.id} no longer has ${target})`);
  }

  async membersOf(_workspaceId: string, target: string): Promise<UserRef[]> {
    return [...(this.granted.get(target) ?? [])].map((id) => this.people.ref(id));
  }
}
