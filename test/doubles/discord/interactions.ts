// INTERACTION_CREATE payloads as Discord sends them (chat input commands with subcommands and
// resolved options, modal submits, button clicks), and the record of how the bot answered each one.
import {
  ApplicationCommandOptionType as Opt, ApplicationCommandType, ComponentType, InteractionContextType,
  InteractionType, type InteractionResponseType,
} from 'discord-api-types/v10';
import type { MessageStore } from './messages.js';
import { channelJson, memberWithPermissions, messageJson, roleJson, userJson } from './shapes.js';
import { snowflake } from './snowflake.js';
import type { Channel, World } from './world.js';

export interface InteractionBase {
  /** Who acts: user id or username. */
  user: string;
  /** Channel id or name. Default: the first guild text channel, or the user's DM channel when `dm`. */
  channel?: string;
  /** The interaction happens in the user's DMs with the bot, not in the guild. */
  dm?: boolean;
  locale?: string;
}

/** Strings, integers, numbers and booleans are typed by value; say the type for users, roles, channels. */
export type OptionInput = string | number | boolean | { type: Opt; value: string | number | boolean };

export interface CommandSpec extends InteractionBase {
  kind: 'command';
  /** The full path, space separated: 'apply', 'program setup', 'program questions add'. */
  name: string;
  options?: Record<string, OptionInput>;
}

export interface ModalSubmitSpec extends InteractionBase {
  kind: 'modal';
  customId: string;
  /** Text input values by custom id (string arrays become string-select values). */
  values: Record<string, string | string[]>;
  /** Id of the message whose button opened the modal, if any. */
  message?: string;
}

export interface ButtonSpec extends InteractionBase {
  kind: 'button';
  customId: string;
  /** Id of the message carrying the button (posted by the bot or added with `double.addMessage`). */
  message: string;
}

export type InteractionSpec = CommandSpec | ModalSubmitSpec | ButtonSpec;

export interface InteractionResponse {
  type: InteractionResponseType;
  data: any;
  time: number;
}

export interface InteractionRecord {
  id: string;
  token: string;
  type: InteractionType;
  userId: string;
  channelId: string;
  guildId: string | null;
  /** Command path, or the component / modal custom id. */
  name: string;
  /** The message a component or modal submit came from. */
  messageId?: string;
  /** Every POST to the callback route that was accepted, in order. */
  responses: InteractionResponse[];
  originalMessageId?: string;
  followupIds: string[];
  payload: Record<string, any>;
}

export class InteractionStore {
  readonly records = new Map<string, InteractionRecord>();
  private nextComponentId = 1;

  constructor(
    private readonly world: World,
    private readonly messages: MessageStore,
    private readonly commandId: (name: string) => string | undefined,
  ) {}

  byToken(token: string): InteractionRecord | undefined {
    return [...this.records.values()].find((r) => r.token === token);
  }

  /** The most recent modal the bot showed with this custom id (type 9 response data). */
  lastModal(customId: string): any {
    const modals = [...this.records.values()].flatMap((r) => r.responses).filter((r) => r.type === 9);
    return modals.reverse().find((m) => m.data?.custom_id === customId)?.data;
  }

  create(spec: InteractionSpec): InteractionRecord {
    const { world } = this;
    const user = world.requireUser(spec.user);
    const channel: Channel = spec.dm ? world.dmChannelFor(user.id) : spec.channel ? world.requireChannel(spec.channel)
      : [...world.channels.values()].find((c) => c.guildId && c.type === 0)!;
    const member = channel.guildId ? world.members.get(user.id) : undefined;
    const id = snowflake();
    const token = `aW50ZXJhY3Rpb24${id}${Math.random().toString(36).slice(2, 12)}`;
    const type = spec.kind === 'command' ? InteractionType.ApplicationCommand
      : spec.kind === 'modal' ? InteractionType.ModalSubmit : InteractionType.MessageComponent;
    const messageId = spec.kind === 'command' ? undefined : spec.message;
    const message = messageId ? this.messages.get(messageId) : undefined;
    if (messageId && !message) throw new Error(`Discord double: no message ${messageId}`);

    const payload: Record<string, any> = {
      id, application_id: world.applicationId, type, token, version: 1,
      channel_id: channel.id,
      channel: { ...channelJson(world, channel), permissions: world.permissionsOf(user.id).toString() },
      app_permissions: world.permissionsOf(world.botId).toString(),
      locale: spec.locale ?? 'en-US',
      entitlements: [],
      authorizing_integration_owners: { '0': channel.guildId ?? '0' },
      context: channel.guildId ? InteractionContextType.Guild : InteractionContextType.BotDM,
      attachment_size_limit: 10 * 1024 * 1024,
      data: spec.kind === 'command' ? this.commandData(spec) : spec.kind === 'modal' ? this.modalData(spec)
        : { custom_id: spec.customId, component_type: ComponentType.Button },
    };
    if (channel.guildId) {
      Object.assign(payload, { guild_id: channel.guildId, guild_locale: 'en-US', guild: { id: channel.guildId, locale: 'en-US', features: [] } });
      if (!member) throw new Error(`Discord double: ${user.username} is not a member of the guild`);
      payload.member = memberWithPermissions(world, member);
    } else {
      payload.user = userJson(user);
    }
    if (message) payload.message = messageJson(world, message);

    const name = spec.kind === 'command' ? spec.name : spec.customId;
    const record: InteractionRecord = {
      id, token, type, userId: user.id, channelId: channel.id, guildId: channel.guildId, name,
      ...(messageId ? { messageId } : {}), responses: [], followupIds: [], payload,
    };
    this.records.set(id, record);
    return record;
  }

  private commandData(spec: CommandSpec) {
    const [root, ...path] = spec.name.trim().split(/\s+/) as [string, ...string[]];
    const resolved: Record<string, Record<string, unknown>> = {};
    let options: unknown[] = Object.entries(spec.options ?? {}).map(([name, input]) => this.option(name, input, resolved));
    if (path.length === 2) options = [{ type: Opt.SubcommandGroup, name: path[0], options: [{ type: Opt.Subcommand, name: path[1], options }] }];
    if (path.length === 1) options = [{ type: Opt.Subcommand, name: path[0], options }];
    return {
      id: this.commandId(root) ?? snowflake(),
      name: root,
      type: ApplicationCommandType.ChatInput,
      guild_id: this.world.guildId,
      options,
      ...(Object.keys(resolved).length ? { resolved } : {}),
    };
  }

  private option(name: string, input: OptionInput, resolved: Record<string, Record<string, unknown>>) {
    const { world } = this;
    const typed = typeof input === 'object' ? input
      : typeof input === 'string' ? { type: Opt.String, value: input }
      : typeof input === 'boolean' ? { type: Opt.Boolean, value: input }
      : { type: Number.isInteger(input) ? Opt.Integer : Opt.Number, value: input };
    const add = (kind: string, key: string, value: unknown) => ((resolved[kind] ??= {})[key] = value);
    const id = String(typed.value);
    if (typed.type === Opt.User || (typed.type === Opt.Mentionable && world.users.has(id))) {
      add('users', id, userJson(world.requireUser(id)));
      const member = world.members.get(id);
      if (member) {
        const { user: _user, ...rest } = memberWithPermissions(world, member);
        add('members', id, rest);
      }
    } else if (typed.type === Opt.Role || typed.type === Opt.Mentionable) {
      add('roles', id, roleJson(world.requireRole(id)));
    } else if (typed.type === Opt.Channel) {
      const channel = world.requireChannel(id);
      add('channels', id, { ...channelJson(world, channel), permissions: world.permissionsOf(world.botId).toString() });
    }
    return { name, type: typed.type, value: typed.value };
  }

  /** Mirrors the modal the bot showed: Label components (type 18) if it used them, action rows otherwise. */
  private modalData(spec: ModalSubmitSpec) {
    const shown = this.lastModal(spec.customId);
    const labels = Array.isArray(shown?.components) && shown.components.some((c: any) => c.type === ComponentType.Label);
    const components = Object.entries(spec.values).map(([customId, value]) => {
      const field = Array.isArray(value)
        ? { type: ComponentType.StringSelect, id: this.nextComponentId++, custom_id: customId, values: value }
        : { type: ComponentType.TextInput, id: this.nextComponentId++, custom_id: customId, value };
      return labels
        ? { type: ComponentType.Label, id: this.nextComponentId++, component: field }
        : { type: ComponentType.ActionRow, id: this.nextComponentId++, components: [field] };
    });
    return { custom_id: spec.customId, components };
  }
}
