// What the route handlers share: the state stores and the gateway echo.
import type { InteractionStore } from './interactions.js';
import type { MessageStore } from './messages.js';
import { snowflake } from './snowflake.js';
import type { World } from './world.js';

export interface EchoOptions {
  /** MESSAGE_CREATE / MESSAGE_UPDATE for the bot's own messages. Default true. */
  messages?: boolean;
  /** MESSAGE_REACTION_ADD / REMOVE for the bot's own reactions (adapters must drop them). Default true. */
  reactions?: boolean;
  /** GUILD_MEMBER_UPDATE after the bot grants or revokes a role. Default true. */
  memberUpdates?: boolean;
}

export interface Backend {
  world: World;
  messages: MessageStore;
  interactions: InteractionStore;
  commands: CommandStore;
  gatewayUrl(): string;
  /** How far back a create with `enforce_nonce` finds an earlier message with its nonce. */
  nonceWindowMs: number;
  /** Dispatches an event Discord would echo back for the bot's own action, if that echo is enabled. */
  echo(kind: keyof EchoOptions, t: string, d: unknown): void;
}

/** Application commands as bulk-overwritten by the bot: key 'global' or a guild id. */
export class CommandStore {
  readonly byScope = new Map<string, Array<Record<string, any>>>();

  constructor(private readonly applicationId: string) {}

  get(scope: string): Array<Record<string, any>> {
    return this.byScope.get(scope) ?? [];
  }

  /** Replaces a scope's commands; a command keeps its id when its name stays, as Discord does. */
  overwrite(scope: string, bodies: Array<Record<string, any>>): Array<Record<string, any>> {
    const previous = this.get(scope);
    const commands = bodies.map((body) => this.shape(scope, body, previous.find((c) => c.name === body.name)?.id));
    this.byScope.set(scope, commands);
    return commands;
  }

  upsert(scope: string, body: Record<string, any>): Record<string, any> {
    const others = this.get(scope).filter((c) => c.name !== body.name);
    const command = this.shape(scope, body, this.get(scope).find((c) => c.name === body.name)?.id);
    this.byScope.set(scope, [...others, command]);
    return command;
  }

  /** The id of a command by name, guild commands first. */
  idOf(name: string): string | undefined {
    for (const commands of this.byScope.values()) {
      const found = commands.find((c) => c.name === name);
      if (found) return found.id;
    }
    return undefined;
  }

  private shape(scope: string, body: Record<string, any>, id = snowflake()) {
    return {
      type: 1,
      description: '',
      options: [],
      default_member_permissions: null,
      nsfw: false,
      integration_types: [0],
      contexts: null,
      ...body,
      id,
      application_id: this.applicationId,
      version: snowflake(),
      ...(scope === 'global' ? {} : { guild_id: scope }),
    };
  }
}
