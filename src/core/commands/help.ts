// /help, from the command declarations themselves: the commands a person may run, a group's
// subcommands, or one command's options with their type, limits and an example that works. Read
// from the list the router was given (no import of commands/), so it can't drift from what runs.
import type { OutboundMessage } from '../ports/chat-platform.js';
import { formatNumber } from '../text.js';
import type { Access, Command, OptionSpec } from './define.js';
import { example } from './problems.js';

const who: Record<Access, string> = {
  anyone: 'anyone',
  ambassador: "the program's ambassadors",
  committee: 'the committee and staff',
  staff: 'staff',
};

const kind: Record<OptionSpec['type'], string> = {
  string: 'text', integer: 'whole number', boolean: 'true or false', user: 'a person', channel: 'a channel', role: 'a role or group',
};

/** Staff commands are listed for staff only; the rest for everyone. */
export const visibleTo = (isStaff: boolean) => (c: Command) => c.access !== 'staff' || isStaff;

const line = (c: Command) => `/${c.name} — ${c.description}`;

function limits(spec: OptionSpec): string | null {
  if (spec.choices) return `one of: ${spec.choices.join(', ')}`;
  const text = spec.type === 'string';
  const [min, max] = [spec.min, spec.max].map((n) => (n === undefined ? undefined : formatNumber(n)));
  const unit = text ? ' characters' : '';
  if (min !== undefined && max !== undefined) return `${min}–${max}${unit}`;
  if (max !== undefined) return text ? `up to ${max}${unit}` : `at most ${max}`;
  if (min !== undefined) return `at least ${min}${unit}`;
  return null;
}

function optionLine(name: string, spec: OptionSpec): string {
  const facts = [kind[spec.type], spec.required ? 'required' : 'optional', limits(spec)].filter(Boolean).join(', ');
  return `• **${name}** (${facts}): ${spec.description} — e.g. ${name}:${example(name, spec)}`;
}

/** One command in full. */
export function commandHelp(cmd: Command): OutboundMessage {
  const options = Object.entries(cmd.options);
  const body = options.length ? ['Options:', ...options.map(([n, s]) => optionLine(n, s))] : ['No options.'];
  return { title: `/${cmd.name}`, text: [cmd.description, `Who can use it: ${who[cmd.access]}.`, '', ...body].join('\n') };
}

/** "program" and "program questions" are groups: names that only lead to commands. */
export const isGroup = (commands: readonly Command[], name: string): boolean =>
  !commands.some((c) => c.name === name) && commands.some((c) => c.name.startsWith(`${name} `));

const normalise = (path: string) => path.replace(/^\//, '').trim().toLowerCase().split(/\s+/).join(' ');

function groupHelp(commands: readonly Command[], isStaff: boolean, name: string, lead: string[] = []): OutboundMessage {
  const shown = commands.filter((c) => c.name.startsWith(`${name} `)).filter(visibleTo(isStaff));
  if (!shown.length) return { title: `/${name} commands`, text: [...lead, `The /${name} commands are for staff.`].join('\n') };
  return { title: `/${name} commands`, text: [...lead, ...shown.map(line), '', `/help command:"${shown[0]!.name}" shows a command's options.`].join('\n') };
}

/**
 * What /help answers: every command the person may run, or for `path` (e.g. "program setup" or
 * "program") that command's options or that group's subcommands. A path that starts with a group
 * but names nothing in it ("program frob") is told so, with the group's list. Null when `path`
 * names nothing at all.
 */
export function help(commands: readonly Command[], isStaff: boolean, path?: string): OutboundMessage | null {
  const visible = commands.filter(visibleTo(isStaff));
  if (!path?.trim()) {
    const footer = `/help command:"apply" explains a command and its options; /help command:"${visible.find((c) => c.name.includes(' '))?.name.split(' ')[0] ?? 'program'}" lists a group's commands.`;
    return { title: 'Ambassador commands', text: [...visible.map(line), '', footer].join('\n') };
  }
  const name = normalise(path);
  const cmd = commands.find((c) => c.name === name);
  if (cmd) return commandHelp(cmd);
  if (isGroup(commands, name)) return groupHelp(commands, isStaff, name);
  const words = name.split(' ');
  for (let n = words.length - 1; n > 0; n--) {
    const group = words.slice(0, n).join(' ');
    if (isGroup(commands, group)) return groupHelp(commands, isStaff, group, [`There is no command /${name}.`, '']);
  }
  return null;
}
