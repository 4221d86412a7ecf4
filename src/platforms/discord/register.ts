// Registers the slash commands: bulk overwrite (guild-scoped when a guild id is given, global
// otherwise) and a report of what changed. Nothing is sent when nothing changed.
import { REST, Routes, type APIApplicationCommand, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { Command } from '../../core/commands/define.js';
import { discordCommands } from './commands-json.js';

export interface RegisterTarget {
  token: string;
  applicationId: string;
  guildId?: string;
  apiUrl: string;
}

export interface RegisterResult {
  scope: 'guild' | 'global';
  added: string[];
  changed: string[];
  removed: string[];
  unchanged: string[];
  /** False when nothing changed and no request was sent. */
  written: boolean;
}

type Body = RESTPostAPIChatInputApplicationCommandsJSONBody;

/** The fields we set, with Discord's defaults filled in, so a fetched command compares equal to what we send. */
function canonical(c: Partial<APIApplicationCommand> | Body): unknown {
  const opts = (list: unknown): unknown[] =>
    ((list as Array<Record<string, unknown>> | undefined) ?? []).map((o) => ({
      type: o.type, name: o.name, description: o.description ?? '', required: o.required ?? false,
      choices: (o.choices as unknown[] | undefined) ?? [], min_length: o.min_length ?? null, max_length: o.max_length ?? null,
      min_value: o.min_value ?? null, max_value: o.max_value ?? null,
      channel_types: [...((o.channel_types as number[] | undefined) ?? [])].sort(), options: opts(o.options),
    }));
  const perms = c.default_member_permissions;
  return {
    type: c.type ?? 1, name: c.name, description: c.description ?? '', options: opts(c.options),
    default_member_permissions: perms === undefined || perms === null ? null : String(perms),
    contexts: [...(c.contexts ?? [])].sort(), integration_types: [...(c.integration_types ?? [])].sort(),
    nsfw: c.nsfw ?? false,
  };
}

export function diffCommands(before: ReadonlyArray<Partial<APIApplicationCommand>>, after: readonly Body[]): Omit<RegisterResult, 'scope' | 'written'> {
  const old = new Map(before.map((c) => [c.name!, c]));
  const added: string[] = [];
  const changed: string[] = [];
  const unchanged: string[] = [];
  for (const c of after) {
    const prev = old.get(c.name);
    if (!prev) added.push(c.name);
    else if (JSON.stringify(canonical(prev)) !== JSON.stringify(canonical(c))) changed.push(c.name);
    else unchanged.push(c.name);
  }
  const names = new Set(after.map((c) => c.name));
  const removed = before.map((c) => c.name!).filter((n) => !names.has(n));
  return { added, changed, removed, unchanged };
}

export async function registerCommands(target: RegisterTarget, commands: readonly Command[], rest?: REST): Promise<RegisterResult> {
  const body = discordCommands(commands);
  const client = rest ?? new REST({ api: target.apiUrl }).setToken(target.token);
  const route = target.guildId ? Routes.applicationGuildCommands(target.applicationId, target.guildId) : Routes.applicationCommands(target.applicationId);
  const before = (await client.get(route)) as APIApplicationCommand[];
  const diff = diffCommands(before, body);
  const written = diff.added.length + diff.changed.length + diff.removed.length > 0;
  if (written) await client.put(route, { body });
  return { scope: target.guildId ? 'guild' : 'global', ...diff, written };
}

export function describeResult(r: RegisterResult, target: Pick<RegisterTarget, 'guildId'>): string {
  const where = r.scope === 'guild' ? `server ${target.guildId} (available at once)` : 'every server (global: Discord may take up to an hour to show changes)';
  const line = (label: string, names: string[]) => (names.length ? [`  ${label} ${names.map((n) => `/${n}`).join(', ')}`] : []);
  const total = r.added.length + r.changed.length + r.unchanged.length;
  return [
    r.written ? `Registered ${total} slash commands for ${where}.` : `Slash commands for ${where} are up to date (${total}); nothing sent.`,
    ...line('added:    ', r.added),
    ...line('changed:  ', r.changed),
    ...line('removed:  ', r.removed),
    ...(r.written ? line('unchanged:', r.unchanged) : []),
  ].join('\n');
}
