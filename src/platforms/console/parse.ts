// Console input: a slash command in the shared command-line grammar (../command-line.ts), with what
// only a terminal has on top: `:controls` (:as, :in, :react …), `//` comment lines in scripts, and
// a note after a line (`/program rules quorum:2   // two members`: a // after a space, outside quotes).
// Mentions are typed @alice and #committee.
import type { Command } from '../../core/commands/define.js';
import { parseCommandLine, tokenize } from '../command-line.js';

export { tokenize } from '../command-line.js';

export type ConsoleInput =
  | { kind: 'command'; name: string; options: Record<string, string> }
  | { kind: 'unknown-command'; text: string }
  /** `rest`: everything after the control's name, as typed (`:as Rivers Rivers`). */
  | { kind: 'directive'; name: string; args: string[]; rest: string }
  | { kind: 'empty' }
  | { kind: 'error'; message: string };

/** The line without a trailing `// note` (a // after whitespace, outside quotes; a URL's // has none before it). */
export function withoutNote(line: string): string {
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quote) {
      if (ch === quote || (quote === '"' && ch === '”')) quote = null;
    } else if (ch === '"' || ch === "'" || ch === '“') quote = ch === '“' ? '"' : ch;
    else if (ch === '/' && line[i + 1] === '/' && i > 0 && /\s/.test(line[i - 1]!)) return line.slice(0, i).trimEnd();
  }
  return line;
}

export function parseLine(line: string, commands: readonly Command[]): ConsoleInput {
  const text = withoutNote(line.trim());
  if (!text || text.startsWith('//')) return { kind: 'empty' };
  if (text.startsWith(':')) {
    const name = /^:(\S*)/.exec(text)![1]!.toLowerCase();
    const rest = text.slice(name.length + 1).trim();
    return { kind: 'directive', name, args: tokenize(rest) ?? rest.split(/\s+/).filter(Boolean), rest };
  }
  const tokens = tokenize(text.slice(1));
  if (!tokens) return { kind: 'error', message: 'A quote is not closed.' };
  if (!text.startsWith('/')) return { kind: 'error', message: 'Commands start with / (try /help), console controls with : (try :help).' };
  const parsed = parseCommandLine(text.slice(1), commands);
  return parsed.kind === 'unknown-command' ? { kind: 'unknown-command', text } : parsed;
}
