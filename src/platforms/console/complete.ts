// Tab completion in an interactive terminal (node:readline's `completer`): console controls,
// command paths word by word (/pro → /program, /program q → /program questions), option names
// not yet given (/program questions add p → prompt:) and an option's choices (kind:p → kind:paragraph).
import type { Command } from '../../core/commands/define.js';
import { tokenize } from '../command-line.js';

export type Completer = (line: string) => [string[], string];

export function consoleCompleter(commands: readonly Command[], controls: readonly string[]): Completer {
  return (line) => {
    const word = /(\S*)$/.exec(line)![1]!;
    const before = line.slice(0, line.length - word.length).trim();
    const hits = (candidates: Iterable<string>) => [...new Set(candidates)].filter((c) => c.startsWith(word)).sort();
    if (!before) {
      if (word.startsWith(':')) return [hits(controls.map((c) => `:${c} `)), word];
      if (word.startsWith('/')) return [hits(commands.map((c) => `/${c.name.split(' ')[0]} `)), word];
      return [[], word];
    }
    if (!before.startsWith('/')) return [[], word];
    const typed = (tokenize(before.slice(1)) ?? []).map((t) => t.toLowerCase());
    const path = typed.filter((t) => !t.includes(':'));
    const cmd = commands.find((c) => c.name === path.join(' '));
    if (!cmd) {
      // Inside a group: the next word of the commands under it.
      const prefix = `${path.join(' ')} `;
      const next = commands.filter((c) => c.name.startsWith(prefix)).map((c) => `${c.name.slice(prefix.length).split(' ')[0]} `);
      return [hits(next), word];
    }
    const colon = word.indexOf(':');
    if (colon > 0) {
      const choices = cmd.options[word.slice(0, colon).toLowerCase()]?.choices ?? [];
      return [hits(choices.map((c) => `${word.slice(0, colon)}:${c} `)), word];
    }
    const given = new Set(typed.filter((t) => t.includes(':')).map((t) => t.slice(0, t.indexOf(':'))));
    const options = Object.keys(cmd.options).filter((o) => !given.has(o)).map((o) => `${o}:`);
    // Should a command also lead to longer ones, their next words are offered beside its options.
    const longer = commands.filter((c) => c.name.startsWith(`${cmd.name} `)).map((c) => `${c.name.slice(cmd.name.length + 1).split(' ')[0]} `);
    return [hits([...longer, ...options]), word];
  };
}
