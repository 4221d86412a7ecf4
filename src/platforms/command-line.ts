// The command-line grammar shared by the console and Slack (both read typed text, Discord gets typed
// options): `program setup program:"Campus Crew" capacity:3`. Quotes group words, the longest run of
// leading words names the command, options are name:value, \n inside a value is a new line, and a
// leading @ or # on a user, channel or role value is dropped. A group typed alone ("program") and
// "help program setup" both become /help invocations. Each adapter adds its own syntax on top.
import type { Command } from '../core/commands/define.js';

export type CommandLine =
  | { kind: 'command'; name: string; options: Record<string, string> }
  | { kind: 'unknown-command' }
  | { kind: 'error'; message: string };

/** Splits on spaces, keeping "quoted text" (or 'quoted', or “curly”) together, including after key: */
export function tokenize(line: string): string[] | null {
  const tokens: string[] = [];
  let cur = '';
  let quote: '"' | "'" | null = null;
  let has = false;
  for (const ch of line) {
    if (quote) {
      if (ch === quote || (quote === '"' && ch === '”')) quote = null;
      else cur += ch;
    } else if (ch === '"' || ch === "'" || ch === '“' || ch === '”') {
      quote = ch === '“' || ch === '”' ? '"' : ch;
      has = true;
    } else if (/\s/.test(ch)) {
      if (cur || has) tokens.push(cur);
      cur = '';
      has = false;
    } else {
      cur += ch;
      has = true;
    }
  }
  if (quote) return null;
  if (cur || has) tokens.push(cur);
  return tokens;
}

/** A command path and its options, without the leading slash: `committee add user:@carol`. */
export function parseCommandLine(text: string, commands: readonly Command[]): CommandLine {
  const tokens = tokenize(text);
  if (!tokens) return { kind: 'error', message: 'A quote is not closed.' };
  // The longest run of leading words that names a command: "program questions add" before "program".
  const words = tokens.filter((t) => !t.includes(':'));
  let cmd: Command | undefined;
  let pathLength = 0;
  for (let n = Math.min(words.length, 3); n > 0 && !cmd; n--) {
    const name = words.slice(0, n).join(' ').toLowerCase();
    // A group alone runs its default command when it has one ("mydata" is "mydata show").
    cmd = commands.find((c) => c.name === name) ?? commands.find((c) => c.groupDefault && c.name.startsWith(`${name} `) && c.name.split(' ').length === n + 1);
    pathLength = n;
  }
  if (!cmd) {
    // A group alone ("program") or with a subcommand it doesn't have ("program frob"): answered as
    // /help answers it, with the group's commands.
    const first = words[0]?.toLowerCase();
    const isGroup = first !== undefined && commands.some((c) => c.name.startsWith(`${first} `));
    return isGroup && commands.some((c) => c.name === 'help') ? { kind: 'command', name: 'help', options: { command: words.join(' ').toLowerCase() } } : { kind: 'unknown-command' };
  }
  const options: Record<string, string> = {};
  const bare: string[] = [];
  for (const tok of tokens.slice(pathLength)) {
    const i = tok.indexOf(':');
    // "help program setup": the words after help name what to explain (Discord's form: command:"program setup").
    if (i < 0 && cmd.name === 'help') {
      bare.push(tok);
      continue;
    }
    if (i <= 0) return { kind: 'error', message: `“${tok}” isn't an option. Options are written name:value, e.g. program:"Campus Crew".` };
    const key = tok.slice(0, i).toLowerCase();
    let value = tok.slice(i + 1).replace(/\\n/g, '\n');
    const type = cmd.options[key]?.type;
    if (type === 'user' || type === 'role') value = value.replace(/^@/, '');
    if (type === 'channel') value = value.replace(/^#/, '');
    options[key] = value;
  }
  if (bare.length && options.command === undefined) options.command = bare.join(' ');
  return { kind: 'command', name: cmd.name, options };
}
