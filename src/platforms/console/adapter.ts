// The console adapter: a terminal chat (like Hubot's shell) driving the same core as Discord and
// Slack. Deterministic for scripts: each bot message gets a sequential #id (kept in the database, so
// numbering and reactions carry on after a restart), every line is fully handled (including the
// side effects it causes) before the next one is read, and a reply is printed before what it caused.
// Input and output: io.ts; forms: form.ts; `:controls`: controls.ts; the clock: clock.ts.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from '../../core/commands/define.js';
import type {
  ChannelRef, ChatPlatform, InboundSink, MessageRef, OutboundMessage, Reply, UserRef,
} from '../../core/ports/chat-platform.js';
import { PlatformError, type PlatformCapabilities, type PostOptions } from '../../core/ports/chat-platform.js';
import { clockText } from './clock.js';
import { consoleCompleter } from './complete.js';
import { controlNames, runControl, type ConsoleTime, type ControlHost } from './controls.js';
import { fillForm } from './form.js';
import { ConsoleIO } from './io.js';
import { memoryConsoleMessages, type ConsoleMessageStore, type StoredConsoleMessage } from './messages.js';
import { parseLine } from './parse.js';
import { indent, renderText, styleText, type TextStyle } from './render.js';

export type { ConsoleTime } from './controls.js';

export const consoleWorkspace = 'local';

/** In the console, the user named "admin" is the workspace administrator. */
export const consoleUser = (id: string, name = id): UserRef => ({ platform: 'console', workspaceId: consoleWorkspace, id, name, isBot: false, isAdmin: id === 'admin' });

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
  private user = 'admin';
  private channel = 'general';
  /** Display names of people acted as with a name that isn't their handle (:as Rivers Rivers). */
  private readonly names = new Map<string, string>();
  private sink?: InboundSink;
  private io?: ConsoleIO;
  readonly granted = new Map<string, Set<string>>(); // target -> user ids
  private done?: Promise<void>;
  private acted = false;
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
    this.io = new ConsoleIO({ input: this.o.input, write: this.o.write, terminal });
    this.io.say(`Ambassador console. You are @${this.user} in #${this.channel}. Type :help for controls (:clock moves time), /help for commands.`);
    this.done = this.loop().finally(() => this.io?.close());
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
    if (this.stamp !== undefined && this.o.time) {
      const at = this.o.time.clock.now();
      if (this.stamp !== at.getTime()) {
        this.stamp = at.getTime();
        this.io?.emit(`⏰ ${clockText(at, this.o.time.zone)}`);
      }
    }
    this.io?.emit(text);
  }

  private show(text: string): string {
    return styleText(text, this.style);
  }

  private prompt(): string {
    return `@${this.user} #${this.channel}> `;
  }

  private me(): UserRef {
    return consoleUser(this.user, this.names.get(this.user));
  }

  private here(): ChannelRef {
    return { platform: 'console', workspaceId: consoleWorkspace, id: this.channel };
  }

  private async loop(): Promise<void> {
    const io = this.io!;
    for (let line = await io.next(this.prompt()); line !== null; line = await io.next(this.prompt())) {
      const keepGoing = await this.handle(line).catch((err: unknown) => {
        io.say(`(console error: ${err instanceof Error ? err.message : String(err)})`);
        return true;
      });
      await this.o.settle();
      if (!keepGoing) return;
    }
  }

  private async handle(line: string): Promise<boolean> {
    const input = parseLine(line, this.o.commands);
    switch (input.kind) {
      case 'empty':
        return true;
      case 'error':
        this.io!.say(input.message);
        return true;
      case 'unknown-command':
        this.io!.say(`I don't know ${input.text.split(/\s+/)[0]}. /help lists the commands.`);
        return true;
      case 'command': {
        this.acted = true;
        const names = Object.fromEntries(this.names);
        await this.showReply(await this.sink!.command({ name: input.name, options: input.options, names, user: this.me(), channel: this.here() }));
        return true;
      }
      case 'directive':
        return runControl(this.controlHost(), input.name, input.args, input.rest);
    }
  }

  /** What the controls may see and change. */
  private controlHost(): ControlHost {
    const self = this; // the host reads and changes the session's state
    return {
      io: this.io!,
      messages: this.messages,
      time: this.o.time,
      get user() {
        return self.user;
      },
      get channel() {
        return self.channel;
      },
      get acted() {
        return self.acted;
      },
      set acted(v) {
        self.acted = v;
      },
      actAs: (name) => this.actAs(name),
      goTo: (channel) => {
        this.channel = channel;
      },
      reactAs: (u, id, emoji, added) => this.reactAs(u, id, emoji, added),
      printMessage: (id, p) => this.io!.say(this.messageText(id, p)),
      advancing: (on) => {
        this.stamp = on ? null : undefined;
      },
    };
  }

  /** `:as <name>`: the whole rest of the line is the name; the handle is its lower-case, dashed form. */
  private actAs(name: string): string {
    const display = name.replace(/^@/, '').replace(/\s+/g, ' ').trim();
    const handle = display.toLowerCase().replace(/\s+/g, '-').replace(/[^\p{L}\p{N}._-]/gu, '');
    if (!handle) return 'Usage: :as <name>, e.g. :as alice or :as Rivers Rivers';
    this.user = handle;
    if (display !== handle) {
      this.names.set(handle, display);
      return `You are now ${display} (@${handle}).`;
    }
    return `You are now @${handle}.`;
  }

  /** A person's reaction on a bot message: recorded here, then handed to the core as a vote. */
  async reactAs(userId: string, messageId: string, emoji: string, added: boolean): Promise<void> {
    const posted = await this.messages.get(Number(messageId));
    if (!posted) throw new Error(`no message #${messageId}`);
    await this.messages.react(posted.id, emoji, userId, added);
    const user = consoleUser(userId, this.names.get(userId));
    await this.sink!.reaction({ message: { channel: { platform: 'console', workspaceId: consoleWorkspace, id: posted.channel }, id: messageId }, user, added, emoji });
  }

  private async showReply(reply: Reply): Promise<void> {
    const io = this.io!;
    switch (reply.kind) {
      case 'none':
        return;
      case 'message':
        io.say(indent(this.show(renderText(reply.message)), reply.private ? '(only you) ' : 'bot: '));
        return;
      case 'form-errors':
        io.say(indent(this.show(`${reply.message.text}\n${Object.values(reply.errors).join('\n')}`), '(only you) '));
        return;
      case 'form': {
        const form = reply.form;
        const submitted = await fillForm(
          {
            io,
            controls: controlNames,
            isCommand: (line) => parseLine(line, this.o.commands).kind === 'command',
            submit: (values) => this.sink!.formSubmitted({ formId: form.id, values, user: this.me(), channel: this.here() }),
          },
          form,
        );
        if (submitted) await this.showReply(submitted);
      }
    }
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
    this.emit(this.messageText(id, { channel: to.id, message: msg, reactions: {} }));
    if (msg.image) this.emit(`   [image file: ${saveImage(id, msg.image)}]`);
    return { channel: to, id };
  }

  async edit(ref: MessageRef, msg: OutboundMessage): Promise<void> {
    if (!(await this.messages.update(Number(ref.id), msg))) throw new PlatformError('not_found', `message #${ref.id} does not exist`);
    this.emit(`(edited #${ref.id})`);
    this.emit(this.messageText(ref.id, (await this.messages.get(Number(ref.id)))!));
  }

  async dm(to: UserRef, msg: OutboundMessage): Promise<void> {
    this.emit(`[DM to @${to.id}]\n${indent(this.show(renderText(msg)))}`);
    if (msg.image) this.emit(`   [image file: ${saveImage(`dm-${to.id}`, msg.image)}]`);
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
      users.filter((u) => u !== 'bot').map((u) => ({ emoji, user: consoleUser(u, this.names.get(u)) })),
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
    return [...(this.granted.get(target) ?? [])].map((id) => consoleUser(id, this.names.get(id)));
  }
}

/** A terminal can't show a picture: the PNG goes to a file (written whole, then renamed) whose path is printed. */
function saveImage(id: string, image: NonNullable<OutboundMessage['image']>): string {
  const dir = resolve('data/console-images');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${id}-${image.name.replace(/[^\w.-]/g, '_')}`);
  const partial = `${path}.${process.pid}.partial`;
  writeFileSync(partial, image.png);
  renameSync(partial, path);
  return path;
}
