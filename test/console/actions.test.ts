// One-tap buttons (MessageAction) in the console: the choices print as a numbered list with the
// command each stands for, and a bare number typed by the person they were for runs that command
// through the core like a typed one. The test DMs through the real adapter before the script's
// first line is read, as the core would.
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { MessageAction, OutboundMessage } from '../../src/core/ports/chat-platform.js';
import { ConsoleAdapter, consoleUser } from '../../src/platforms/console/adapter.js';
import { testProvider } from '../support/database.js';
import { consoleSession, type Session } from './harness.js';

const helpAbout: MessageAction = { label: 'About /about', command: 'help', options: { command: 'about' } };
const helpApply: MessageAction = { label: 'About /apply', command: 'help', options: { command: 'apply' } };
const withChoices: OutboundMessage = { text: 'What would you like to know?', actions: [helpAbout, helpApply] };

let s: Session | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

/** Runs `lines` after the bot has DMed each of `dms` (a person's id and the message), and after `before`. */
async function withDms(dms: Array<[string, OutboundMessage]>, lines: string[], before?: (a: ConsoleAdapter) => Promise<void>): Promise<Session> {
  let adapter: ConsoleAdapter | undefined;
  async function* input() {
    for (const [to, msg] of dms) await adapter!.dm(consoleUser(to), msg);
    await before?.(adapter!);
    for (const l of lines) yield `${l}\n`;
  }
  return consoleSession([], { makeConsole: (o) => (adapter = new ConsoleAdapter({ ...o, input: Readable.from(input()) })) });
}

describe(`one-tap choices in the console on ${testProvider}`, () => {
  it('GIVEN a DM with actions to the person at the console THEN its choices print numbered with the command to type', async () => {
    s = await withDms([['admin', withChoices]], []);
    expect(s.out).toContain('[DM to @admin]\n   What would you like to know?\n   [1] About /about   [2] About /apply\n   type the number to choose (or /help command:<about|apply>)\n');
  });

  it('GIVEN a DM with actions WHEN its number is typed THEN the command runs through the core and its reply is shown', async () => {
    s = await withDms([['admin', withChoices]], ['2']);
    expect(s.out).toContain('@admin #general> 2\n(chose [2] About /apply: /help command:apply)\n(only you) ');
    expect(s.out).toMatch(/\(chose \[2\][^\n]*\n\(only you\) [^\n]*\/apply/);
  });

  it('GIVEN a number out of range, or nothing to choose THEN each gets a short answer and the session goes on', async () => {
    s = await withDms([['admin', withChoices]], ['7', '0']);
    expect(s.out).toContain('@admin #general> 7\nPlease pick a number from 1 to 2, as listed under the message.\n');
    expect(s.out).toContain('@admin #general> 0\nPlease pick a number from 1 to 2, as listed under the message.\n');
    await s.close();
    s = await withDms([], ['1', '/help command:about']);
    expect(s.out).toContain('@admin #general> 1\nThere is nothing for @admin to choose right now: a number picks one of the [n] choices listed under a bot message. Commands start with / (try /help).\n');
    expect(s.out).toContain('@admin #general> /help command:about\n(only you) ');
  });

  it('GIVEN a DM with actions to someone else WHEN the console switches to them and types a number THEN it chooses as them', async () => {
    s = await withDms([['alice', withChoices]], ['1', ':as alice', '1']);
    expect(s.out).toContain('[DM to @alice]\n   What would you like to know?\n   [1] About /about   [2] About /apply\n   as @alice (:as alice), type the number to choose (or /help command:<about|apply>)\n');
    // Not admin's to choose: the answer says whose they are.
    expect(s.out).toContain('@admin #general> 1\nThere is nothing for @admin to choose right now: a number picks one of the [n] choices listed under a bot message. The latest choices went to @alice: type :as alice first to choose as them.');
    expect(s.out).toContain("@admin #general> :as alice\nYou are now @alice.\nThe bot's latest choices for you:\n   [1] About /about   [2] About /apply\n");
    expect(s.out).toContain('@alice #general> 1\n(chose [1] About /about: /help command:about)\n(only you) ');
  });

  it('GIVEN a later message with actions THEN a number chooses from the latest', async () => {
    const later: OutboundMessage = { text: 'One more thing', actions: [{ label: 'Apply help', command: 'help', options: { command: 'apply' } }] };
    s = await withDms([['admin', withChoices], ['admin', later]], ['2', '1']);
    expect(s.out).toContain('@admin #general> 2\nThere is only one choice: type 1.\n');
    expect(s.out).toContain('@admin #general> 1\n(chose [1] Apply help: /help command:apply)');
  });

  it('GIVEN a post with actions THEN whoever is at the console may choose, until an edit takes the buttons away', async () => {
    const general = { platform: 'console' as const, workspaceId: 'local', id: 'general' };
    s = await withDms([], [':as bob', '1'], async (a) => void (await a.post(general, withChoices)));
    expect(s.out).toContain('#1 in #general:\n   What would you like to know?\n   [1] About /about   [2] About /apply\n   type the number to choose (or /help command:<about|apply>)\n');
    expect(s.out).toContain('@bob #general> 1\n(chose [1] About /about: /help command:about)');
    await s.close();
    s = await withDms([], ['1'], async (a) => {
      const ref = await a.post(general, withChoices);
      await a.edit(ref, { text: 'Closed' });
    });
    expect(s.out).toContain('@admin #general> 1\nThere is nothing for @admin to choose right now');
  });
});
