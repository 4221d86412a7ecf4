// Slash commands generated from the neutral definitions, and their registration (bulk overwrite,
// guild or global) against the Discord double, through the function and through the npm script.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { ApplicationCommandOptionType as Opt, PermissionFlagsBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allCommands } from '../../../commands/index.js';
import { defineCommand, opt, type Command } from '../../../src/core/commands/define.js';
import { CommandDefinitionError, discordCommands } from '../../../src/platforms/discord/commands-json.js';
import { registerCommands } from '../../../src/platforms/discord/register.js';
import { startDiscordDouble, type DiscordDouble } from '../../doubles/discord/index.js';

const json = discordCommands(allCommands);
const byName = (name: string) => json.find((c) => c.name === name)!;
type AnyOption = { type: number; name: string; description: string; required?: boolean; options?: AnyOption[]; choices?: unknown[] };
const walk = (options: AnyOption[] | undefined, visit: (o: AnyOption, siblings: AnyOption[]) => void): void => {
  for (const o of options ?? []) {
    visit(o, options!);
    walk(o.options, visit);
  }
};
const noop = async () => ({ kind: 'none' as const });

describe('slash commands from the neutral definitions', () => {
  it('GIVEN every command THEN names, descriptions, counts and option order respect Discord limits', () => {
    expect(json.length).toBeLessThanOrEqual(100);
    for (const cmd of json) {
      expect(cmd.name).toMatch(/^[a-z0-9_-]{1,32}$/);
      expect(cmd.description.length).toBeGreaterThan(0);
      expect(cmd.description.length).toBeLessThanOrEqual(100);
      expect(cmd.options!.length).toBeLessThanOrEqual(25);
      expect(cmd.contexts).toEqual([0]);
      walk(cmd.options as AnyOption[], (o, siblings) => {
        expect(o.name).toMatch(/^[a-z0-9_-]{1,32}$/);
        expect(o.description.length).toBeLessThanOrEqual(100);
        expect(siblings.length).toBeLessThanOrEqual(25);
        expect(o.choices?.length ?? 0).toBeLessThanOrEqual(25);
        const required = siblings.map((s) => s.required === true);
        expect(required).toEqual([...required].sort((a, b) => Number(b) - Number(a))); // required first
      });
    }
  });

  it('GIVEN "program questions add" THEN it is command program, group questions, subcommand add with its options typed and bounded', () => {
    const program = byName('program');
    const names = (program.options as AnyOption[]).map((o) => [o.name, o.type]);
    expect(names).toEqual(expect.arrayContaining([['setup', Opt.Subcommand], ['questions', Opt.SubcommandGroup], ['reasons', Opt.SubcommandGroup]]));
    const questions = (program.options as AnyOption[]).find((o) => o.name === 'questions')!;
    expect(questions.options!.map((o) => o.name)).toEqual(['add', 'edit', 'remove', 'list', 'reorder']);
    const add = questions.options!.find((o) => o.name === 'add')!;
    expect(add.options![0]).toMatchObject({ name: 'prompt', type: Opt.String, required: true, min_length: 3, max_length: 100 });
    expect(add.options!.find((o) => o.name === 'kind')).toMatchObject({ choices: [{ name: 'short', value: 'short' }, { name: 'paragraph', value: 'paragraph' }] });
    expect(add.options!.find((o) => o.name === 'max_length')).toMatchObject({ type: Opt.Integer, min_value: 1, max_value: 4000 });
    const setup = (program.options as AnyOption[]).find((o) => o.name === 'setup')!;
    expect(setup.options!.find((o) => o.name === 'committee_channel')).toMatchObject({ type: Opt.Channel, channel_types: [0, 5] });
    expect(setup.options!.find((o) => o.name === 'ambassador_role')).toMatchObject({ type: Opt.Role });
    expect(setup.options!.find((o) => o.name === 'required')).toBeUndefined();
    expect(byName('apply').options).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'referrer', type: Opt.User, required: false })]));
  });

  it('GIVEN staff-only commands THEN Manage Server is the default gate; a root with anything open to all has none', () => {
    const manageGuild = PermissionFlagsBits.ManageGuild.toString();
    expect(byName('staff').default_member_permissions).toBe(manageGuild);
    expect(byName('audit').default_member_permissions).toBe(manageGuild);
    expect(byName('ambassador').default_member_permissions).toBe(manageGuild);
    expect(byName('program').default_member_permissions).toBeNull(); // /program show is for everyone
    expect(byName('apply').default_member_permissions).toBeNull();
    expect(byName('committee').default_member_permissions).toBeNull();
  });

  it('GIVEN definitions Discord would refuse THEN generation fails with a clear message', () => {
    const cmd = (name: string, options = {}) => defineCommand({ name, description: 'x', access: 'anyone', options, run: noop });
    expect(() => discordCommands([cmd('Apply')])).toThrow(CommandDefinitionError);
    expect(() => discordCommands([cmd('a'), cmd('a b')])).toThrow('both a command and a group');
    expect(() => discordCommands([cmd('x'.repeat(33))])).toThrow('not a valid Discord name');
    const many = Object.fromEntries(Array.from({ length: 26 }, (_, i) => [`o${i}`, opt.string('x')]));
    expect(() => discordCommands([cmd('big', many)])).toThrow('more than 25 options');
    expect(() => discordCommands([cmd('a b c d')])).toThrow('at most command, group and subcommand');
    const long = defineCommand({ name: 'long', description: 'd'.repeat(300), access: 'anyone', run: noop });
    expect(discordCommands([long])[0]!.description).toHaveLength(100);
  });
});

describe('registering the commands', () => {
  let double: DiscordDouble;
  beforeAll(async () => {
    double = await startDiscordDouble();
  });
  afterAll(() => double?.close());

  const target = () => ({ token: double.token, applicationId: double.applicationId, guildId: double.guildId, apiUrl: double.apiUrl });

  it('GIVEN a guild id THEN commands are bulk-overwritten guild-scoped, and a second run sends nothing', async () => {
    const first = await registerCommands(target(), allCommands);
    expect(first).toMatchObject({ scope: 'guild', written: true, changed: [], removed: [], unchanged: [] });
    expect(first.added).toEqual(json.map((c) => c.name));
    expect(double.commands.get(double.guildId).map((c) => c.name)).toEqual(json.map((c) => c.name));
    const puts = double.calls({ method: 'PUT', route: 'PUT /applications/:applicationId/guilds/:guildId/commands' });
    expect(puts).toHaveLength(1);

    const again = await registerCommands(target(), allCommands);
    expect(again).toMatchObject({ written: false, added: [], changed: [], removed: [] });
    expect(double.calls({ method: 'PUT', route: 'PUT /applications/:applicationId/guilds/:guildId/commands' })).toHaveLength(1);
  });

  it('GIVEN changed definitions THEN it reports what was added, changed and removed', async () => {
    const edited: Command[] = allCommands.filter((c) => c.name !== 'audit').map((c) => (c.name === 'help' ? { ...c, description: 'Everything I can do, in one list' } : c));
    const extra = defineCommand({ name: 'ping', description: 'Am I awake?', access: 'anyone', run: noop });
    const result = await registerCommands(target(), [...edited, extra]);
    expect(result).toMatchObject({ written: true, added: ['ping'], changed: ['help'], removed: ['audit'] });
  });

  it('GIVEN no guild id THEN commands are registered globally', async () => {
    const result = await registerCommands({ ...target(), guildId: undefined }, allCommands);
    expect(result.scope).toBe('global');
    expect(double.commands.get('global')).toHaveLength(json.length);
  });

  it('GIVEN the environment THEN `npm run discord:register` registers and prints what changed', async () => {
    await registerCommands(target(), allCommands.filter((c) => c.name !== 'help'));
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/discord-register.ts'], {
      env: {
        PATH: process.env.PATH, DISCORD_TOKEN: double.token, DISCORD_APPLICATION_ID: double.applicationId,
        DISCORD_GUILD_ID: double.guildId, DISCORD_API_URL: double.apiUrl,
      },
      timeout: 20_000,
    });
    expect(stdout).toContain(`Registered ${json.length} slash commands for server ${double.guildId}`);
    expect(stdout).toMatch(/added: +\/help\n/);
    expect(double.unknownRoutes()).toEqual([]);
  }, 30_000);
});
