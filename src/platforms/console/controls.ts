// The console's own controls, typed with a colon: who you are (:as), where (:in), reactions on the
// bot's messages (:react, :unreact, :show), the clock (:clock) and the rest. A control missing what
// it needs prints its usage.
import type { ConsoleMessageStore, StoredConsoleMessage } from './messages.js';
import { clockTarget, clockText, clockUsage, type ConsoleClock } from './clock.js';
import type { ConsoleIO } from './io.js';
import type { SeededRandom } from './random.js';

export const controlNames = ['as', 'in', 'react', 'unreact', 'show', 'clock', 'cancel', 'help', 'quit', 'exit'] as const;

export const helpText = `Console controls:
  /command option:value …   run a slash command, e.g. /program setup program:"Campus Crew" capacity:3
  /help <command>           a command's options (/help program setup); /program alone lists its commands
  :as <name>                act as someone else (the user "admin" is the workspace administrator)
  :in #channel              switch channel
  :react <#id|^> <emoji>    react to a bot message (^ = the latest bot message in this channel)
  :unreact <#id|^> <emoji>  remove your reaction
  :show <#id|^>             print a message again with its reactions
  <number>                  choose one of the [1] [2] … choices under the bot's latest message to you
  :clock                    the console's time; :clock +3d, +2h, +30m or :clock 2026-12-07 09:00 moves it
                            forward and runs what came due (vote reminders and deadlines, campaign posts,
                            weekly leaderboards, retries)
  :cancel                   leave a form without sending it
  :help                     this list
  :quit                     stop (end of input stops too)
Forms ask one question per line; an empty line skips an optional question. Tab completes commands and
options in a terminal. Lines starting with // (or ending with  // a note) are comments.`;

/** The clock and what runs when it moves (main.ts passes the scheduler's clock runner). */
export interface ConsoleTime {
  clock: ConsoleClock;
  zone: string;
  /** Moves the clock to `to`, running in time order everything that comes due on the way. */
  advanceTo?(to: Date): Promise<unknown>;
  nextDue?(): Promise<Date | null>;
  /** Restarted from the clock's time by a first `:clock <date>`, so a script replays exactly. */
  random?: SeededRandom;
}

export interface ControlHost {
  io: ConsoleIO;
  user: string;
  channel: string;
  messages: ConsoleMessageStore;
  time?: ConsoleTime;
  /** True once a command or reaction has run: a `:clock <date>` before that may start anywhere. */
  acted: boolean;
  actAs(name: string): string;
  goTo(channel: string): void;
  reactAs(userId: string, messageId: string, emoji: string, added: boolean): Promise<void>;
  printMessage(id: string, p: Pick<StoredConsoleMessage, 'channel' | 'message' | 'reactions'>): void;
  /** Marks where the clock stood for the output that follows (the adapter stamps each step). */
  advancing(on: boolean): void;
}

const usage: Record<string, string> = {
  as: 'Usage: :as <name>, e.g. :as alice or :as Rivers Rivers',
  in: 'Usage: :in #channel, e.g. :in #committee',
  react: 'Usage: :react <#id|^> <emoji>, e.g. :react ^ ✅ (^ = the latest bot message in this channel)',
  unreact: 'Usage: :unreact <#id|^> <emoji>, e.g. :unreact #3 ✅',
  show: 'Usage: :show <#id|^>, e.g. :show ^',
};

/** Runs one control; false when the console should stop. */
export async function runControl(host: ControlHost, name: string, args: string[], rest: string): Promise<boolean> {
  const say = (t: string) => host.io.say(t);
  switch (name) {
    case 'quit':
    case 'exit':
      return false;
    case 'help':
      say(helpText);
      return true;
    case 'cancel':
      say('There is no form to cancel.');
      return true;
    case 'as':
      say(rest.trim() ? host.actAs(rest.trim()) : usage.as!);
      return true;
    case 'in':
      if (!args[0]) say(usage.in!);
      else {
        host.goTo(args[0].replace(/^#/, '').toLowerCase());
        say(`You are now in #${host.channel}.`);
      }
      return true;
    case 'react':
    case 'unreact':
    case 'show':
      await messageControl(host, name, args);
      return true;
    case 'clock':
      await clockControl(host, rest.trim());
      return true;
    default:
      say(`Unknown control :${name}. Type :help.`);
      return true;
  }
}

async function messageControl(host: ControlHost, name: 'react' | 'unreact' | 'show', args: string[]): Promise<void> {
  const say = (t: string) => host.io.say(t);
  if (!args[0] || (name !== 'show' && !args[1])) {
    say(usage[name]!);
    return;
  }
  const id = await resolveId(host, args[0]);
  const posted = id ? await host.messages.get(Number(id)) : null;
  if (!id || !posted) {
    say(`No bot message ${args[0]} here. Use #<id> from the output, or ^ for the latest in #${host.channel}.`);
    return;
  }
  if (name === 'show') {
    host.printMessage(id, posted);
    return;
  }
  say(`(${name === 'react' ? 'reacted' : 'removed'} ${args[1]} on #${id})`);
  host.acted = true;
  await host.reactAs(host.user, id, args[1]!, name === 'react');
}

async function resolveId(host: ControlHost, arg: string): Promise<string | undefined> {
  if (arg === '^') return (await host.messages.latestIn(host.channel))?.toString();
  const id = arg.replace(/^#/, '');
  return /^\d+$/.test(id) ? id : undefined;
}

async function clockControl(host: ControlHost, arg: string): Promise<void> {
  const say = (t: string) => host.io.say(t);
  const time = host.time;
  if (!time) {
    say("This console's time follows the computer's clock; it can't be moved here.");
    return;
  }
  const { clock, zone } = time;
  const now = clock.now();
  if (!arg) {
    const next = await time.nextDue?.();
    const upcoming = next ? `Next scheduled: ${clockText(next, zone)}.` : 'Nothing is scheduled.';
    say(`It is ${clockText(now, zone)}. ${upcoming} Move it with :clock +1d (or +2h, +30m, or a date and time like 2026-12-07 09:00).`);
    return;
  }
  const target = clockTarget(arg, now, zone);
  if ('error' in target) {
    say(target.error);
    return;
  }
  const first = !host.acted;
  if (first) time.random?.reseed(target.at.getTime());
  if (target.at.getTime() <= now.getTime()) {
    if (!first) {
      say(`The clock only moves forward: it is ${clockText(now, zone)}. Try :clock +1d.`);
      return;
    }
    clock.set(target.at); // before anything has happened, a session may start at any time
  } else if (time.advanceTo) {
    host.advancing(true);
    try {
      await time.advanceTo(target.at);
    } finally {
      host.advancing(false);
    }
  } else clock.set(target.at);
  host.io.flush();
  say(`It is now ${clockText(clock.now(), zone)}.`);
}
