// The command-line grammar shared by the console and Slack (both read typed text, Discord gets typed
// options): `program setup program:"Campus Crew" capacity:3`. Quotes group words, the longest run of
// leading words names the command, options are name:value, \n inside a value is a new line, and a
// leading @ or # on a user, channel or role value is dropped. Each adapter adds its own syntax on top.
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
  for (let n = Math.min(words.length, 3); n > 0 && !cmd; n--) {
    const name = words.slice(0, n).join(' ').toLowerCase();
    cmd = commands.find((c) => c.name === name);
  }
  if (!cmd) return { kind: 'unknown-command' };
  const pathLength = cmd.name.split(' ').length;
  const options: Record<string, string> = {};
  for (const tok of tokens.slice(pathLength)) {
    const i = tok.indexOf(':');
    if (i <= 0) return { kind: 'error', message: `“${tok}” isn't an option. Options are written name:value, e.g. program:"Campus Crew".` };
    const key = tok.slice(0, i).toLowerCase();
    let value = tok.slice(i + 1).replace(/\\n/g, '\n');
    const type = cmd.options[key]?.type;
    if (type === 'user' || type === 'role') value = value.replace(/^@/, '');
    if (type === 'channel') value = value.replace(/^#/, '');
    options[key] = value;
  }
  return { kind: 'command', name: cmd.name, options };
}
