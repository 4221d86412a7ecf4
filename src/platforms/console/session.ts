// One person at the console: who they are and where, and the loop that reads a line, handles it
// (a command, a form, a `:control`), then waits for the side effects it caused before reading on.
import type { Command } from '../../core/commands/define.js';
import type { ChannelRef, InboundSink, Reply, UserRef } from '../../core/ports/chat-platform.js';
import { controlNames, runControl, type ConsoleTime, type ControlHost } from './controls.js';
import { fillForm } from './form.js';
import type { ConsoleIO } from './io.js';
import type { ConsoleMessageStore, StoredConsoleMessage } from './messages.js';
import { parseLine } from './parse.js';
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
        this.acted = true;
        await this.showReply(await this.d.sink.command({ name: input.name, options: input.options, names: this.d.people.known(), user: this.me(), channel: this.here() }));
        return true;
      case 'directive':
        return runControl(this, input.name, input.args, input.rest);
    }
  }

  // ---- what the controls may do (ControlHost) ----

  /** `:as <name>`: the whole rest of the line is the name; the handle is its lower-case, dashed form. */
  actAs(name: string): string {
    const who = this.d.people.handleFor(name);
    if (!who) return 'Usage: :as <name>, e.g. :as alice or :as Rivers Rivers';
    this.user = who.handle;
    return who.display === who.handle ? `You are now @${who.handle}.` : `You are now ${who.display} (@${who.handle}).`;
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
        this.io.say(indent(this.d.show(renderText(reply.message)), reply.private ? '(only you) ' : 'bot: '));
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
