// Console input: a slash command in the shared command-line grammar (../command-line.ts), with what
// only a terminal has on top: `:controls` (:as, :in, :react …) and `//` comment lines in scripts.
// Mentions are typed @alice and #committee.
import type { Command } from '../../core/commands/define.js';
import { parseCommandLine, tokenize } from '../command-line.js';

export { tokenize } from '../command-line.js';

export type ConsoleInput =
  | { kind: 'command'; name: string; options: Record<string, string> }
  | { kind: 'unknown-command'; text: string }
  | { kind: 'directive'; name: string; args: string[] }
  | { kind: 'empty' }
  | { kind: 'error'; message: string };

export function parseLine(line: string, commands: readonly Command[]): ConsoleInput {
  const text = line.trim();
  if (!text || text.startsWith('//')) return { kind: 'empty' };
  const tokens = tokenize(text.slice(1));
  if (!tokens) return { kind: 'error', message: 'A quote is not closed.' };
  if (text.startsWith(':')) return { kind: 'directive', name: (tokens[0] ?? '').toLowerCase(), args: tokens.slice(1) };
  if (!text.startsWith('/')) return { kind: 'error', message: 'Commands start with / (try /help), console controls with : (try :help).' };
  const parsed = parseCommandLine(text.slice(1), commands);
  return parsed.kind === 'unknown-command' ? { kind: 'unknown-command', text } : parsed;
}
