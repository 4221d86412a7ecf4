// One person at the console: who they are and where, and the loop that reads a line, handles it
// (a command, a form, a `:control`), then waits for the side effects it caused before reading on.
import type { Command } from '../../core/commands/define.js';
import type { ChannelRef, InboundSink, Reply, UserRef } from '../../core/ports/chat-platform.js';
import { renderActions, typedCommand, type ConsoleChoices } from './choices.js';
import { controlNames, runControl, type ConsoleTime, type ControlHost } from './controls.js';
import { fillForm } from './form.js';
import { imageFileLine } from './images.js';
import type { ConsoleIO } from './io.js';
import type { ConsoleMessageStore, StoredConsoleMessage } from './messages.js';
import { parseLine, withoutNote } from './parse.js';
import { consoleWorkspace, type People } from './people.js';
import { indent, renderText } from './render.js';

export interface SessionDeps {
  io: ConsoleIO;
  sink: InboundSink;
  commands: readonly Command[];
  /** Waits until queued side effects have run. */
  settle: () => Promise<void>;
  messages: ConsoleMessageStore;
  people: People;
  choices: ConsoleChoices;
  time?: ConsoleTime;
  /** The core's Markdown in the console's style. */
  show(text: string): string;
  messageText(id: string, p: Pick<StoredConsoleMessage, 'channel' | 'message' | 'reactions'>): string;
  reactAs(userId: string, messageId: string, emoji: string, added: boolean): Promise<void>;
  advancing(on: boolean): void;
}

export class ConsoleSession implements ControlHost {
  user = 'admin';
  channel = 'general';
  acted = false;

  constructor(private readonly d: SessionDeps) {}

  get io(): ConsoleIO {
    return this.d.io;
  }

  get messages(): ConsoleMessageStore {
    return this.d.messages;
  }

  get time(): ConsoleTime | undefined {
    return this.d.time;
  }

  /** Reads and handles lines until input ends or :quit. */
  async run(): Promise<void> {
    for (let line = await this.io.next(this.prompt()); line !== null; line = await this.io.next(this.prompt())) {
      const keepGoing = await this.handle(line).catch((err: unknown) => {
        this.io.say(`(console error: ${err instanceof Error ? err.message : String(err)})`);
        return true;
      });
      await this.d.settle();
      if (!keepGoing) return;
    }
  }

  private prompt(): string {
    return `@${this.user} #${this.channel}> `;
  }

  private me(): UserRef {
    return this.d.people.ref(this.user);
  }

  private here(): ChannelRef {
    return { platform: 'console', workspaceId: consoleWorkspace, id: this.channel };
  }

  private async handle(line: string): Promise<boolean> {
    const number = /^\d+$/.exec(withoutNote(line.trim()))?.[0];
    if (number !== undefined) {
      await this.choose(Number(number));
      return true;
    }
    const input = parseLine(line, this.d.commands);
    switch (input.kind) {
      case 'empty':
        return true;
      case 'error':
        this.io.say(input.message);
        return true;
      case 'unknown-command':
        this.io.say(`I don't know ${input.text.split(/\s+/)[0]}. /help lists the commands.`);
        return true;
      case 'command':
        await this.runCommand(input.name, input.options);
        return true;
      case 'directive':
        return runControl(this, input.name, input.args, input.rest);
    }
  }

  private async runCommand(name: string, options: Record<string, string>): Promise<void> {
    this.acted = true;
    await this.showReply(await this.d.sink.command({ name, options, names: this.d.people.known(), user: this.me(), channel: this.here() }));
  }

  /**
   * A bare number: the action of that number under the latest message with choices this person can
   * see, run as the command it stands for (the core checks it like a typed one).
   */
  private async choose(n: number): Promise<void> {
    const c = this.d.choices.choose(this.user, n);
    if (c.kind === 'none') {
      const elsewhere = c.waitingFor.length ? ` The latest choices went to ${c.waitingFor.map((u) => `@${u}`).join(', ')}: type :as ${c.waitingFor.at(-1)} first to choose as them.` : '';
      this.io.say(`There is nothing for @${this.user} to choose right now: a number picks one of the [n] choices listed under a bot message.${elsewhere} Commands start with / (try /help).`);
      return;
    }
    if (c.kind === 'out-of-range') {
      this.io.say(c.count === 1 ? 'There is only one choice: type 1.' : `Please pick a number from 1 to ${c.count}, as listed under the message.`);
      return;
    }
    this.io.say(`(chose [${c.n}] ${c.action.label}: ${typedCommand(c.action)})`);
    await this.runCommand(c.action.command.trim(), Object.fromEntries(Object.entries(c.action.options ?? {}).map(([k, v]) => [k, String(v)])));
  }

  // ---- what the controls may do (ControlHost) ----

  /** `:as <name>`: the whole rest of the line is the name; the handle is its lower-case, dashed form. */
  actAs(name: string): string {
    const who = this.d.people.handleFor(name);
    if (!who) return 'Usage: :as <name>, e.g. :as alice or :as Rivers Rivers';
    this.user = who.handle;
    const now = who.display === who.handle ? `You are now @${who.handle}.` : `You are now ${who.display} (@${who.handle}).`;
    const waiting = this.d.choices.waitingFor(who.handle);
    return waiting ? `${now}\nThe bot's latest choices for you:\n${indent(renderActions(waiting))}` : now;
  }

  goTo(channel: string): void {
    this.channel = channel;
  }

  reactAs(userId: string, messageId: string, emoji: string, added: boolean): Promise<void> {
    return this.d.reactAs(userId, messageId, emoji, added);
  }

  printMessage(id: string, p: Pick<StoredConsoleMessage, 'channel' | 'message' | 'reactions'>): void {
    this.io.say(this.d.messageText(id, p));
  }

  advancing(on: boolean): void {
    this.d.advancing(on);
  }

  // ---- replies ----

  private async showReply(reply: Reply): Promise<void> {
    switch (reply.kind) {
      case 'none':
        return;
      case 'message':
        if (reply.private) this.d.choices.offerTo(this.user, reply.message.actions);
        else this.d.choices.offerToAll(reply.message.actions);
        this.io.say(indent(this.d.show(renderText(reply.message)), reply.private ? '(only you) ' : 'bot: '));
        // A reply's chart (/report, /pulse results) is a file too, as for posts and DMs.
        if (reply.message.image) this.io.say(imageFileLine(reply.private ? `reply-${this.user}` : 'reply', reply.message.image));
        return;
      case 'form-errors':
        this.io.say(indent(this.d.show(`${reply.message.text}\n${Object.values(reply.errors).join('\n')}`), '(only you) '));
        return;
      case 'form': {
        const { form } = reply;
        const submitted = await fillForm(
          {
            io: this.io,
            controls: controlNames,
            isCommand: (line) => parseLine(line, this.d.commands).kind === 'command',
            submit: (values) => this.d.sink.formSubmitted({ formId: form.id, values, user: this.me(), channel: this.here() }),
          },
          form,
        );
        if (submitted) await this.showReply(submitted);
      }
    }
  }
}
