// The console adapter: a terminal chat (like Hubot's shell) driving the same core as Discord and
// Slack. Deterministic for scripts: each bot message gets a sequential #id (kept in the database, so
// numbering and reactions carry on after a restart), and every line is fully handled (including the side effects it causes) before the next one is read.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Command } from '../../core/commands/define.js';
import type {
  ChannelRef, ChatPlatform, FormSpec, InboundSink, MessageRef, OutboundMessage, Reply, UserRef,
} from '../../core/ports/chat-platform.js';
import { PlatformError, type PlatformCapabilities, type PostOptions } from '../../core/ports/chat-platform.js';
import { memoryConsoleMessages, type ConsoleMessageStore, type StoredConsoleMessage } from './messages.js';
import { parseLine } from './parse.js';
import { indent, renderText } from './render.js';

export const consoleWorkspace = 'local';

/** In the console, the user named "admin" is the workspace administrator. */
export const consoleUser = (id: string): UserRef => ({ platform: 'console', workspaceId: consoleWorkspace, id, name: id, isBot: false, isAdmin: id === 'admin' });

export interface ConsoleOptions {
  input: NodeJS.ReadableStream;
  write: (text: string) => void;
  commands: readonly Command[];
  /** Waits until queued side effects have run, so output follows input in order. */
  settle: () => Promise<void>;
  interactive?: boolean;
  /** Where messages and reactions are kept; the database in production, so a restart loses nothing. */
  messages?: ConsoleMessageStore;
}

const helpText = `Console controls:
  /command option:value …   run a slash command, e.g. /program setup program:"Campus Crew" capacity:3
  :as <name>                act as someone else (the user "admin" is the workspace administrator)
  :in #channel              switch channel
  :react <#id|^> <emoji>    react to a bot message (^ = the latest bot message in this channel)
  :unreact <#id|^> <emoji>  remove your reaction
  :show <#id|^>             print a message again with its reactions
  :help                     this list
  :quit                     stop (end of input stops too)
Forms ask one question per line; an empty line skips an optional question.`;

export class ConsoleAdapter implements ChatPlatform {
  readonly platform = 'console' as const;
  readonly capabilities: PlatformCapabilities = { removeOthersReactions: true };
  private readonly messages: ConsoleMessageStore;
  private user = 'admin';
  private channel = 'general';
  private sink?: InboundSink;
  private lines?: AsyncIterator<string>;
  readonly granted = new Map<string, Set<string>>(); // target -> user ids
  private done?: Promise<void>;

  constructor(private readonly o: ConsoleOptions) {
    this.messages = o.messages ?? memoryConsoleMessages();
  }

  async start(sink: InboundSink): Promise<void> {
    this.sink = sink;
    const rl = createInterface({ input: this.o.input, terminal: false });
    this.lines = rl[Symbol.asyncIterator]();
    this.out(`Ambassador console. You are @${this.user} in #${this.channel}. Type :help for controls, /help for commands.`);
    this.done = this.loop().finally(() => rl.close());
  }

  /** Resolves when input ends or :quit is typed. */
  finished(): Promise<void> {
    return this.done ?? Promise.resolve();
  }

  async stop(): Promise<void> {
    await this.lines?.return?.();
  }

  private out(text: string): void {
    this.o.write(`${text}\n`);
  }

  private prompt(): void {
    if (this.o.interactive) this.o.write(`@${this.user} #${this.channel}> `);
  }

  private async nextLine(): Promise<string | null> {
    const r = await this.lines!.next();
    return r.done ? null : r.value;
  }

  private me(): UserRef {
    return consoleUser(this.user);
  }

  private here(): ChannelRef {
    return { platform: 'console', workspaceId: consoleWorkspace, id: this.channel };
  }

  private async loop(): Promise<void> {
    this.prompt();
    for (let line = await this.nextLine(); line !== null; line = await this.nextLine()) {
      if (!this.o.interactive && line.trim()) this.out(`@${this.user} #${this.channel}> ${line.trim()}`);
      const keepGoing = await this.handle(line).catch((err: unknown) => {
        this.out(`(console error: ${err instanceof Error ? err.message : String(err)})`);
        return true;
      });
      await this.o.settle();
      if (!keepGoing) return;
      this.prompt();
    }
  }

  private async handle(line: string): Promise<boolean> {
    const input = parseLine(line, this.o.commands);
    switch (input.kind) {
      case 'empty':
        return true;
      case 'error':
        this.out(input.message);
        return true;
      case 'unknown-command':
        this.out(`I don't know that command. /help lists them.`);
        return true;
      case 'command':
        await this.show(await this.sink!.command({ name: input.name, options: input.options, user: this.me(), channel: this.here() }));
        return true;
      case 'directive':
        return this.directive(input.name, input.args);
    }
  }

  private async directive(name: string, args: string[]): Promise<boolean> {
    switch (name) {
      case 'quit':
      case 'exit':
        return false;
      case 'help':
        this.out(helpText);
        return true;
      case 'as':
        if (!args[0]) this.out('Usage: :as <name>');
        else this.user = args[0].replace(/^@/, '').toLowerCase();
        this.out(`You are now @${this.user}.`);
        return true;
      case 'in':
        if (!args[0]) this.out('Usage: :in #channel');
        else this.channel = args[0].replace(/^#/, '').toLowerCase();
        this.out(`You are now in #${this.channel}.`);
        return true;
      case 'react':
      case 'unreact':
      case 'show': {
        const id = await this.resolveId(args[0]);
        const posted = id && (await this.messages.get(Number(id)));
        if (!id || !posted) {
          this.out(`No bot message ${args[0] ?? ''} here. Use #<id> from the output, or ^ for the latest in #${this.channel}.`);
          return true;
        }
        if (name === 'show') {
          this.printMessage(id, posted);
          return true;
        }
        const emoji = args[1];
        if (!emoji) {
          this.out(`Usage: :${name} ${args[0]} <emoji>`);
          return true;
        }
        this.out(`(${name === 'react' ? 'reacted' : 'removed'} ${emoji} on #${id})`);
        await this.reactAs(this.user, id, emoji, name === 'react');
        return true;
      }
      default:
        this.out(`Unknown control :${name}. Type :help.`);
        return true;
    }
  }

  /** A person's reaction on a bot message: recorded here, then handed to the core as a vote. */
  async reactAs(userId: string, messageId: string, emoji: string, added: boolean): Promise<void> {
    const posted = await this.messages.get(Number(messageId));
    if (!posted) throw new Error(`no message #${messageId}`);
    await this.messages.react(posted.id, emoji, userId, added);
    const user = consoleUser(userId);
    await this.sink!.reaction({ message: { channel: { platform: 'console', workspaceId: consoleWorkspace, id: posted.channel }, id: messageId }, user, added, emoji });
  }

  private async resolveId(arg: string | undefined): Promise<string | undefined> {
    if (!arg) return undefined;
    if (arg === '^') return (await this.messages.latestIn(this.channel))?.toString();
    const id = arg.replace(/^#/, '');
    return /^\d+$/.test(id) ? id : undefined;
  }

  private async show(reply: Reply): Promise<void> {
    switch (reply.kind) {
      case 'none':
        return;
      case 'message':
        this.out(indent(renderText(reply.message), reply.private ? '(only you) ' : 'bot: '));
        return;
      case 'form-errors':
        this.out(indent(`${reply.message.text}\n${Object.values(reply.errors).join('\n')}`, '(only you) '));
        return;
      case 'form':
        await this.fillForm(reply.form);
    }
  }

  /** A form asks its questions one per line, then submits; invalid answers are asked again. */
  private async fillForm(form: FormSpec, values: Record<string, string> = {}, only?: Set<string>): Promise<void> {
    if (!only) this.out(indent(`== ${form.title} ==\n${form.intro}`, '(form) '));
    for (const field of form.fields) {
      if (only && !only.has(field.id)) continue;
      this.out(`(form) ${field.label}${field.required ? '' : ' (optional)'} [${field.kind}, up to ${field.maxLength} chars]`);
      const answer = await this.nextLine();
      if (answer === null) {
        this.out('(form) input ended; nothing was submitted.');
        return;
      }
      if (!this.o.interactive) this.out(`> ${answer}`);
      values[field.id] = answer.replace(/\\n/g, '\n');
    }
    const reply = await this.sink!.formSubmitted({ formId: form.id, values, user: this.me(), channel: this.here() });
    if (reply.kind === 'form-errors') {
      for (const [id, problem] of Object.entries(reply.errors)) {
        this.out(`(form) ${form.fields.find((f) => f.id === id)?.label ?? id}: ${problem}`);
      }
      return this.fillForm(form, values, new Set(Object.keys(reply.errors)));
    }
    await this.show(reply);
  }

  private printMessage(id: string, p: Pick<StoredConsoleMessage, 'channel' | 'message' | 'reactions'>): void {
    const reactions = Object.entries(p.reactions).filter(([, users]) => users.length).map(([e, users]) => `${e} ${users.join(',')}`);
    this.out(`#${id} in #${p.channel}:\n${indent(renderText(p.message))}${reactions.length ? `\n   reactions: ${reactions.join(' · ')}` : ''}`);
  }

  // ---- ChatPlatform ----

  async post(to: ChannelRef, msg: OutboundMessage, opts: PostOptions = {}): Promise<MessageRef> {
    const { id: n, created } = await this.messages.create(to.id, msg, opts.key);
    const id = String(n);
    if (!created) return { channel: to, id }; // the same post again (a retry after a crash): it stays one
    this.printMessage(id, { channel: to.id, message: msg, reactions: {} });
    if (msg.image) this.out(`   [image file: ${this.saveImage(id, msg.image)}]`);
    return { channel: to, id };
  }

  /** A terminal can't show a picture: the PNG goes to a file whose path is printed. */
  private saveImage(id: string, image: NonNullable<OutboundMessage['image']>): string {
    const dir = resolve('data/console-images');
    mkdirSync(dir, { recursive: true });
    const path = join(dir, `${id}-${image.name.replace(/[^\w.-]/g, '_')}`);
    writeFileSync(path, image.png);
    return path;
  }

  async edit(ref: MessageRef, msg: OutboundMessage): Promise<void> {
    if (!(await this.messages.update(Number(ref.id), msg))) throw new PlatformError('not_found', `message #${ref.id} does not exist`);
    this.out(`(edited #${ref.id})`);
    this.printMessage(ref.id, (await this.messages.get(Number(ref.id)))!);
  }

  async dm(to: UserRef, msg: OutboundMessage): Promise<void> {
    this.out(`[DM to @${to.id}]\n${indent(renderText(msg))}`);
    if (msg.image) this.out(`   [image file: ${this.saveImage(`dm-${to.id}`, msg.image)}]`);
  }

  async react(on: MessageRef, emoji: string): Promise<void> {
    if (!(await this.messages.get(Number(on.id)))) throw new PlatformError('not_found', `message #${on.id} does not exist`);
    await this.messages.react(Number(on.id), emoji, 'bot', true);
  }

  async unreact(on: MessageRef, emoji: string, user: UserRef): Promise<void> {
    if (await this.messages.react(Number(on.id), emoji, user.id, false)) this.out(`(removed @${user.id}'s ${emoji} on #${on.id})`);
  }

  async reactionsOn(on: MessageRef): Promise<Array<{ user: UserRef; emoji: string }>> {
    const p = await this.messages.get(Number(on.id));
    if (!p) throw new PlatformError('not_found', `message #${on.id} does not exist`);
    return Object.entries(p.reactions).flatMap(([emoji, users]) =>
      users.filter((u) => u !== 'bot').map((u) => ({ emoji, user: consoleUser(u) })),
    );
  }

  async grantMembership(user: UserRef, target: string): Promise<void> {
    const set = this.granted.get(target) ?? new Set<string>();
    set.add(user.id);
    this.granted.set(target, set);
    this.out(`(@${user.id} now has ${target})`);
  }

  async revokeMembership(user: UserRef, target: string): Promise<void> {
    this.granted.get(target)?.delete(user.id);
    this.out(`(@${user.id} no longer has ${target})`);
  }

  async membersOf(_workspaceId: string, target: string): Promise<UserRef[]> {
    return [...(this.granted.get(target) ?? [])].map(consoleUser);
  }
}
