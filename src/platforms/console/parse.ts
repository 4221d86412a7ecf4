// Console input, typed the way Discord shows slash commands: /program setup program:"Campus Crew" capacity:3
// Mentions are typed @alice and #committee; quotes group words; \n inside a value is a new line.
import type { Command } from '../../core/commands/define.js';

export type ConsoleInput =
  | { kind: 'command'; name: string; options: Record<string, string> }
  | { kind: 'unknown-command'; text: string }
  | { kind: 'directive'; name: string; args: string[] }
  | { kind: 'empty' }
  | { kind: 'error'; message: string };

/** Splits on spaces, keeping "quoted text" (or 'quoted') together, including after key: */
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

export function parseLine(line: string, commands: readonly Command[]): ConsoleInput {
  const text = line.trim();
  if (!text || text.startsWith('//')) return { kind: 'empty' };
  const tokens = tokenize(text.slice(1));
  if (!tokens) return { kind: 'error', message: 'A quote is not closed.' };
  if (text.startsWith(':')) return { kind: 'directive', name: (tokens[0] ?? '').toLowerCase(), args: tokens.slice(1) };
  if (!text.startsWith('/')) return { kind: 'error', message: 'Commands start with / (try /help), console controls with : (try :help).' };
  // The longest run of leading words that names a command: "program questions add" before "program".
  const words = tokens.filter((t) => !t.includes(':'));
  let cmd: Command | undefined;
  for (let n = Math.min(words.length, 3); n > 0 && !cmd; n--) {
    const name = words.slice(0, n).join(' ').toLowerCase();
    cmd = commands.find((c) => c.name === name);
  }
  if (!cmd) return { kind: 'unknown-command', text };
  const pathLength = cmd.name.split(' ').length;
  const options: Record<string, string> = {};
  for (const tok of tokens.slice(pathLength)) {
    const i = tok.indexOf(':');
    if (i <= 0) return { kind: 'error', message: `“${tok}” isn't an option. Options are written name:value, e.g. program:"Campus Crew".` };
    const key = tok.slice(0, i).toLowerCase();
    let value = tok.slice(i + 1).replace(/\\n/g, '\n');
    const spec = cmd.options[key];
    if (spec?.type === 'user') value = value.replace(/^@/, '');
    if (spec?.type === 'channel') value = value.replace(/^#/, '');
    if (spec?.type === 'role') value = value.replace(/^@/, '');
    options[key] = value;
  }
  return { kind: 'command', name: cmd.name, options };
}
