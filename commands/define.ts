// How a command is declared: once, platform-neutral. Each option is declared with a builder that
// carries both what platforms need to register it (type, limits, choices) and the zod schema the
// core validates with, so the two can't disagree. Adapters read `options` to build Discord slash
// commands, the Slack manifest and the console's parser; the core reads `schema`.
import { z } from 'zod';
import type { CommandContext } from '../src/core/commands/context.js';
import type { Reply } from '../src/core/ports/chat-platform.js';

export type OptionType = 'string' | 'integer' | 'boolean' | 'user' | 'channel' | 'role';

export interface OptionSpec {
  type: OptionType;
  description: string;
  required: boolean;
  min?: number;
  max?: number;
  choices?: readonly string[];
  /** A long text (Discord has no multi-line option; it still fits in one). */
  long?: boolean;
  zod: z.ZodType;
}

interface Common {
  required?: boolean;
}

function finish(spec: Omit<OptionSpec, 'zod' | 'required'>, base: z.ZodType, o: Common): OptionSpec {
  const required = o.required ?? false;
  return { ...spec, required, zod: required ? base : base.optional() };
}

/** Values arrive as text from the console and Slack, typed from Discord: accept both. */
const trimmed = z.string().trim();

export const opt = {
  string(description: string, o: Common & { min?: number; max?: number; long?: boolean } = {}): OptionSpec {
    let s = trimmed;
    if (o.min !== undefined) s = s.min(o.min, `must be at least ${o.min} characters`);
    if (o.max !== undefined) s = s.max(o.max, `must be at most ${o.max} characters`);
    return finish({ type: 'string', description, min: o.min, max: o.max, long: o.long }, s, o);
  },
  choice<const C extends readonly [string, ...string[]]>(description: string, choices: C, o: Common = {}): OptionSpec {
    const base = z.preprocess(
      (v) => (typeof v === 'string' ? v.trim().toLowerCase() : v),
      z.enum(choices, { error: () => `must be one of: ${choices.join(', ')}` }),
    );
    return finish({ type: 'string', description, choices }, base, o);
  },
  integer(description: string, o: Common & { min?: number; max?: number } = {}): OptionSpec {
    let n = z.coerce.number({ error: () => 'must be a whole number' }).int('must be a whole number');
    if (o.min !== undefined) n = n.min(o.min, `must be ${o.min} or more`);
    if (o.max !== undefined) n = n.max(o.max, `must be ${o.max} or less`);
    return finish({ type: 'integer', description, min: o.min, max: o.max }, n, o);
  },
  boolean(description: string, o: Common = {}): OptionSpec {
    const b = z.preprocess((v) => {
      if (typeof v !== 'string') return v;
      const t = v.trim().toLowerCase();
      return ['true', 'yes', 'on', '1'].includes(t) ? true : ['false', 'no', 'off', '0'].includes(t) ? false : v;
    }, z.boolean({ error: () => 'must be true or false' }));
    return finish({ type: 'boolean', description }, b, o);
  },
  /** A platform user id (adapters resolve mentions to ids). */
  user(description: string, o: Common = {}): OptionSpec {
    return finish({ type: 'user', description }, trimmed.min(1).max(64), o);
  },
  channel(description: string, o: Common = {}): OptionSpec {
    return finish({ type: 'channel', description }, trimmed.min(1).max(64), o);
  },
  role(description: string, o: Common = {}): OptionSpec {
    return finish({ type: 'role', description }, trimmed.min(1).max(64), o);
  },
};

export type Access = 'anyone' | 'ambassador' | 'committee' | 'staff';

export interface Command {
  /** Space-separated path: 'apply', 'program setup', 'program questions add'. */
  name: string;
  description: string;
  access: Access;
  options: Record<string, OptionSpec>;
  schema: z.ZodObject;
  run(ctx: CommandContext, input: Record<string, unknown>): Promise<Reply>;
}

export function defineCommand<O extends Record<string, OptionSpec>>(def: {
  name: string;
  description: string;
  access: Access;
  options?: O;
  run(ctx: CommandContext, input: { [K in keyof O]: any }): Promise<Reply>;
}): Command {
  const options = (def.options ?? {}) as O;
  const shape = Object.fromEntries(Object.entries(options).map(([k, v]) => [k, v.zod]));
  return { ...def, options, schema: z.object(shape).strict(), run: def.run as Command['run'] };
}
