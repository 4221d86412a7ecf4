// Discoverable (issue #12): /help explains a command's options, a group typed alone lists its
// commands (on every platform: the router and the shared grammar), and an interactive terminal has
// Tab completion, history and line editing, with posts that arrive on their own printed above the prompt.
import { PassThrough, Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allCommands } from '../../commands/index.js';
import type { InboundSink, Reply } from '../../src/core/ports/chat-platform.js';
import { ConsoleAdapter, consoleUser, consoleWorkspace } from '../../src/platforms/console/adapter.js';
import { consoleCompleter } from '../../src/platforms/console/complete.js';
import { controlNames } from '../../src/platforms/console/controls.js';
import { parseLine } from '../../src/platforms/console/parse.js';
import { parseCommandText } from '../../src/platforms/slack/parse.js';
import { testProvider } from '../support/database.js';
import { consoleSession, type Session } from './harness.js';

const text = (r: Reply) => (r.kind === 'message' ? [r.message.title, r.message.text].join('\n') : r.kind);

describe('the command line names help and groups', () => {
  it('GIVEN "/help program setup" or "/help apply" THEN the words name what to explain', () => {
    expect(parseLine('/help program setup', allCommands)).toEqual({ kind: 'command', name: 'help', options: { command: 'program setup' } });
    expect(parseLine('/help apply', allCommands)).toEqual({ kind: 'command', name: 'help', options: { command: 'apply' } });
    expect(parseLine('/help command:"program setup"', allCommands)).toEqual({ kind: 'command', name: 'help', options: { command: 'program setup' } });
  });

  it('GIVEN a group alone, or with a subcommand it lacks THEN it is asked of /help, in the console and on Slack', () => {
    expect(parseLine('/program', allCommands)).toEqual({ kind: 'command', name: 'help', options: { command: 'program' } });
    expect(parseLine('/program questions', allCommands)).toEqual({ kind: 'command', name: 'help', options: { command: 'program questions' } });
    expect(parseLine('/program frob', allCommands)).toEqual({ kind: 'command', name: 'help', options: { command: 'program frob' } });
    expect(parseCommandText('program', allCommands)).toEqual({ kind: 'command', name: 'help', options: { command: 'program' }, mentions: {} });
    expect(parseLine('/frobnicate', allCommands)).toEqual({ kind: 'unknown-command', text: '/frobnicate' });
  });
});

describe(`help through the core on ${testProvider}`, () => {
  let s: Session;
  const as = (user: string, name: string, options: Record<string, string> = {}) =>
    s.core.sink.command({ name, options, user: consoleUser(user), channel: { platform: 'console', workspaceId: consoleWorkspace, id: 'general' } });
  beforeAll(async () => {
    s = await consoleSession([
      '/program setup program:"Campus Crew" why:"We love clean rivers" objective:"Raise $50,000" metric:dollars target:50000 capacity:3 committee_channel:#committee ambassador_role:Ambassadors',
      '/program',
      '/help apply',
      '/help program setup',
      '/program frob',
      ':as bob',
      '/program',
      '/staff',
    ]);
  });
  afterAll(async () => s?.close());

  it('GIVEN /help apply or /help program setup THEN each option is listed with its type, whether required, its limits and an example', () => {
    expect(s.out).toContain('(only you) == /apply ==\n(only you) Apply to become an ambassador\n(only you) Who can use it: anyone.');
    expect(s.out).toContain('(only you) • referrer (a person, optional): The ambassador who referred you, if any — e.g. referrer:@ada');
    expect(s.out).toContain('(only you) == /program setup ==');
    expect(s.out).toMatch(/• capacity \(whole number, optional, 1–100,000\): .* — e.g\. capacity:\d+/);
    expect(s.out).toMatch(/• why \(text, optional, 10–1,000 characters\): .* — e.g\. why:"/);
  });

  it('GIVEN a group typed alone THEN its commands are listed (staff see staff commands, others are told)', () => {
    expect(s.out).toContain('@admin #general> /program\n(only you) == /program commands ==\n(only you) /program setup — ');
    expect(s.out).toContain('(only you) /program questions add — ');
    expect(s.out).toContain('@admin #general> /program frob\n(only you) == /program commands ==\n(only you) There is no command /program frob.');
    expect(s.out).toContain('@bob #general> /program\n(only you) == /program commands ==\n(only you) /program show — ');
    expect(s.out).not.toMatch(/@bob #general> \/program\n[^@]*\/program setup/);
    expect(s.out).toContain('@bob #general> /staff\n(only you) == /staff commands ==\n(only you) The /staff commands are for staff.');
  });

  it('GIVEN a group name sent as a command (the router, whatever the platform) THEN the answer is the same list', async () => {
    expect(text(await as('admin', 'program'))).toMatch(/^\/program commands\n\/program setup — /);
    expect(text(await as('admin', 'program questions'))).toContain('/program questions add — ');
    expect(text(await as('admin', 'frobnicate'))).toBe("\nI don't know the command /frobnicate. Use /help to see what I can do.");
  });

  it('GIVEN /help alone THEN it ends by saying how to read a command and a group', async () => {
    expect(text(await as('admin', 'help'))).toMatch(/\n\n\/help command:"apply" explains a command and its options; \/help command:"\w+" lists a group's commands\.$/);
  });
});

describe('Tab completion', () => {
  const complete = consoleCompleter(allCommands, controlNames);

  it('GIVEN the start of a control or command THEN it completes', () => {
    expect(complete(':cl')).toEqual([[':clock '], ':cl']);
    expect(complete('/pro')).toEqual([['/program '], '/pro']);
    expect(complete('/campaign s')).toEqual([['schedule '], 's']);
    expect(complete('/program q')).toEqual([['questions '], 'q']);
  });

  it('GIVEN a command THEN option names not yet given complete, then an option\'s choices', () => {
    expect(complete('/program questions add p')[0]).toEqual(['program:', 'prompt:']);
    expect(complete('/program questions add prompt:"Why?" p')[0]).toEqual(['program:']);
    expect(complete('/program questions add kind:p')).toEqual([['kind:paragraph '], 'kind:p']);
    expect(complete('/committee add ')[0]).toEqual(['program:', 'user:']);
  });
});

describe('an interactive terminal', () => {
  it('GIVEN a person typing THEN Tab completes, the up arrow recalls a line, and a post that arrives meanwhile is printed above the prompt, which is drawn again with what was typed', async () => {
    let out = '';
    const output = Object.assign(new Writable({ write: (c, _e, cb) => void ((out += String(c)), cb()) }), { isTTY: true, columns: 200 });
    const input = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => {} });
    const ran: string[] = [];
    const sink: InboundSink = {
      async command(inv) {
        ran.push(`${inv.name} ${JSON.stringify(inv.options)}`);
        return { kind: 'message', private: true, message: { text: `ran **${inv.name}**` } };
      },
      formSubmitted: async () => ({ kind: 'none' }),
      reaction: async () => {},
    };
    const adapter = new ConsoleAdapter({ input, write: (t) => void (out += t), commands: allCommands, settle: async () => {}, interactive: true, terminal: { output }, style: 'ansi' });
    await adapter.start(sink);
    const type = async (keys: string) => {
      input.write(keys);
      await new Promise((r) => setTimeout(r, 30));
    };
    await type('/pro\t');
    await type('\r');
    await type('\x1b[A\r'); // up arrow: the same line again
    await type('/committee a\t');
    await type('u\t');
    const before = out.length;
    await adapter.post({ platform: 'console', workspaceId: consoleWorkspace, id: 'news' }, { text: 'A post **on its own**' });
    const redrawn = out.slice(before);
    await type('carol\r');
    input.end();
    await adapter.finished();

    expect(ran).toEqual(['help {"command":"program"}', 'help {"command":"program"}', 'committee add {"user":"carol"}']);
    expect(out).toContain('(only you) ran \x1b[1mhelp\x1b[22m'); // bold in a colour terminal
    expect(redrawn).toContain('#1 in #news:\n   A post \x1b[1mon its own\x1b[22m\n');
    expect(redrawn.endsWith('@admin #general> /committee add user:\x1b[38G')).toBe(true);
  });
});
