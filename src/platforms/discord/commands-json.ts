// The platform-neutral command definitions as Discord application commands. 'program questions add'
// becomes command `program`, subcommand group `questions`, subcommand `add`. Discord's limits are
// checked here, so a definition Discord would refuse fails in tests instead of at registration.
import {
  ApplicationCommandOptionType as Opt, ApplicationCommandType, ApplicationIntegrationType, ChannelType,
  InteractionContextType, PermissionFlagsBits,
  type APIApplicationCommandBasicOption, type APIApplicationCommandOption, type APIApplicationCommandSubcommandOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { Command, OptionSpec } from '../../core/commands/define.js';
import { truncate } from './render.js';

export const commandLimits = { name: 32, description: 100, options: 25, choices: 25, choiceText: 100, commandTotal: 4000 } as const;
const namePattern = /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

export class CommandDefinitionError extends Error {
  override name = 'CommandDefinitionError';
}

function checkName(name: string, where: string): string {
  if (!namePattern.test(name) || name !== name.toLowerCase()) {
    throw new CommandDefinitionError(`${where}: "${name}" is not a valid Discord name (lowercase letters, digits, - or _, at most 32)`);
  }
  return name;
}

const describe = (text: string) => truncate(text.trim() || '—', commandLimits.description);

function option(name: string, spec: OptionSpec, where: string): APIApplicationCommandBasicOption {
  checkName(name, where);
  const base = { name, description: describe(spec.description), required: spec.required };
  switch (spec.type) {
    case 'string': {
      if (spec.choices) {
        if (spec.choices.length > commandLimits.choices) throw new CommandDefinitionError(`${where} ${name}: more than ${commandLimits.choices} choices`);
        const choices = spec.choices.map((c) => {
          if (c.length > commandLimits.choiceText) throw new CommandDefinitionError(`${where} ${name}: choice "${c}" is longer than 100`);
          return { name: c, value: c };
        });
        return { ...base, type: Opt.String, choices };
      }
      return {
        ...base, type: Opt.String,
        ...(spec.min !== undefined ? { min_length: Math.max(0, Math.min(spec.min, 6000)) } : {}),
        ...(spec.max !== undefined ? { max_length: Math.max(1, Math.min(spec.max, 6000)) } : {}),
      };
    }
    case 'integer':
      return {
        ...base, type: Opt.Integer,
        ...(spec.min !== undefined ? { min_value: spec.min } : {}),
        ...(spec.max !== undefined ? { max_value: spec.max } : {}),
      };
    case 'boolean':
      return { ...base, type: Opt.Boolean };
    case 'user':
      return { ...base, type: Opt.User };
    case 'channel':
      return { ...base, type: Opt.Channel, channel_types: [ChannelType.GuildText, ChannelType.GuildAnnouncement] };
    case 'role':
      return { ...base, type: Opt.Role };
  }
}

/** Required options first (Discord's rule), in declaration order otherwise. */
function optionsOf(cmd: Command): APIApplicationCommandBasicOption[] {
  const entries = Object.entries(cmd.options);
  if (entries.length > commandLimits.options) throw new CommandDefinitionError(`/${cmd.name}: more than ${commandLimits.options} options`);
  const list = entries.map(([name, spec]) => option(name, spec, `/${cmd.name}`));
  return [...list.filter((o) => o.required), ...list.filter((o) => !o.required)];
}

interface Node {
  name: string;
  command?: Command;
  children: Map<string, Node>;
}

function leaves(node: Node): Command[] {
  return [...(node.command ? [node.command] : []), ...[...node.children.values()].flatMap(leaves)];
}

/** "Program: setup, show, rules…" for a command or group that only holds subcommands. */
function summary(path: string[], node: Node): string {
  const head = path.join(' ');
  return describe(`${head.charAt(0).toUpperCase()}${head.slice(1)}: ${[...node.children.keys()].join(', ')}`);
}

function subcommand(node: Node): APIApplicationCommandSubcommandOption {
  const cmd = node.command!;
  return { type: Opt.Subcommand, name: node.name, description: describe(cmd.description), options: optionsOf(cmd) };
}

/** Characters Discord counts toward a command's 4,000 limit: names, descriptions, choice names and values. */
function countChars(o: { name: string; description: string; options?: unknown[]; choices?: Array<{ name: string; value: unknown }> }): number {
  const own = o.name.length + o.description.length + (o.choices ?? []).reduce((n, c) => n + c.name.length + String(c.value).length, 0);
  return own + ((o.options ?? []) as Array<Parameters<typeof countChars>[0]>).reduce((n, child) => n + countChars(child), 0);
}

export function discordCommands(commands: readonly Command[]): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  const roots = new Map<string, Node>();
  for (const cmd of commands) {
    const path = cmd.name.trim().split(/\s+/);
    if (path.length > 3) throw new CommandDefinitionError(`/${cmd.name}: Discord allows at most command, group and subcommand`);
    path.forEach((p) => checkName(p, `/${cmd.name}`));
    let level = roots;
    let node: Node | undefined;
    for (const part of path) {
      node = level.get(part) ?? { name: part, children: new Map() };
      level.set(part, node);
      level = node.children;
    }
    if (node!.command) throw new CommandDefinitionError(`/${cmd.name} is defined twice`);
    node!.command = cmd;
  }

  const out: RESTPostAPIChatInputApplicationCommandsJSONBody[] = [];
  for (const root of roots.values()) {
    if (root.command && root.children.size) throw new CommandDefinitionError(`/${root.name} is both a command and a group of subcommands; Discord allows one or the other`);
    if (root.children.size > commandLimits.options) throw new CommandDefinitionError(`/${root.name}: more than 25 subcommands`);
    let options: APIApplicationCommandOption[];
    if (root.command) {
      options = optionsOf(root.command);
    } else {
      options = [...root.children.values()].map((child): APIApplicationCommandOption => {
        if (child.command && child.children.size) throw new CommandDefinitionError(`/${root.name} ${child.name} is both a subcommand and a group`);
        if (child.command) return subcommand(child);
        if (child.children.size > commandLimits.options) throw new CommandDefinitionError(`/${root.name} ${child.name}: more than 25 subcommands`);
        return { type: Opt.SubcommandGroup, name: child.name, description: summary([root.name, child.name], child), options: [...child.children.values()].map(subcommand) };
      });
    }
    const staffOnly = leaves(root).every((c) => c.access === 'staff');
    const body: RESTPostAPIChatInputApplicationCommandsJSONBody = {
      type: ApplicationCommandType.ChatInput,
      name: root.name,
      description: root.command ? describe(root.command.description) : summary([root.name], root),
      options,
      // A first gate only: the core checks access again on every invocation.
      default_member_permissions: staffOnly ? PermissionFlagsBits.ManageGuild.toString() : null,
      contexts: [InteractionContextType.Guild],
      integration_types: [ApplicationIntegrationType.GuildInstall],
    };
    if (countChars(body) > commandLimits.commandTotal) throw new CommandDefinitionError(`/${root.name}: more than ${commandLimits.commandTotal} characters in names, descriptions and choices`);
    out.push(body);
  }
  if (out.length > 100) throw new CommandDefinitionError('Discord allows at most 100 top-level slash commands');
  return out;
}
