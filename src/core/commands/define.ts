// The command contract, owned by the core: how a command is declared, once and platform-neutral.
// Each option is declared with a builder that carries both what platforms need to register it
// (type, limits, choices) and the zod schema the core validates with, so the two can't disagree;
// a handler's input is typed from the same declarations. Adapters read `options` to build Discord
// slash commands, the Slack manifest and the console's parser; the router reads `schema`.
import { z } from 'zod';
import type { Reply } from '../ports/chat-platform.js';
import { webLink } from '../links.js';
import type { CommandContext, ProgramContext } from './context.js';

export type OptionType = 'string' | 'integer' | 'boolean' | 'user' | 'channel' | 'role';

export interface OptionSpec<Z extends z.ZodType = z.ZodType> {
  type: OptionType;
  description: string;
  required: boolean;
  min?: number;
  max?: number;
  choices?: readonly string[];
  /** A long text (Discord has no multi-line option; it still fits in one). */
  long?: boolean;
  zod: Z;
}

interface Common<R extends boolean> {
  required?: R;
}

/** A required option's value is always there; an optional one may be undefined. */
type Spec<Z extends z.ZodType, R extends boolean> = OptionSpec<R extends true ? Z : z.ZodOptional<Z>>;

function finish<Z extends z.ZodType, R extends boolean>(spec: Omit<OptionSpec, 'zod' | 'required'>, base: Z, o: Common<R>): Spec<Z, R> {
  const required = o.required ?? false;
  return { ...spec, required, zod: (required ? base : base.optional()) as Spec<Z, R>['zod'] };
}

/** Values arrive as text from the console and Slack, typed from Discord: accept both. */
const trimmed = z.string().trim();

export const opt = {
  string<R extends boolean = false>(description: string, o: Common<R> & { min?: number; max?: number; long?: boolean } = {}) {
    let s = trimmed;
    if (o.min !== undefined) s = s.min(o.min, `must be at least ${o.min} characters`);
    if (o.max !== undefined) s = s.max(o.max, `must be at most ${o.max} characters`);
    return finish({ type: 'string', description, min: o.min, max: o.max, long: o.long }, s, o);
  },
  choice<const C extends readonly [string, ...string[]], R extends boolean = false>(description: string, choices: C, o: Common<R> = {}) {
    const base = z.preprocess(
      (v) => (typeof v === 'string' ? v.trim().toLowerCase() : v),
      z.enum(choices, { error: () => `must be one of: ${choices.join(', ')}` }),
    );
    return finish({ type: 'string', description, choices }, base, o);
  },
  integer<R extends boolean = false>(description: string, o: Common<R> & { min?: number; max?: number } = {}) {
    let n = z.coerce.number({ error: () => 'must be a whole number' }).int('must be a whole number');
    if (o.min !== undefined) n = n.min(o.min, `must be ${o.min} or more`);
    if (o.max !== undefined) n = n.max(o.max, `must be ${o.max} or less`);
    return finish({ type: 'integer', description, min: o.min, max: o.max }, n, o);
  },
  boolean<R extends boolean = false>(description: string, o: Common<R> = {}) {
    const b = z.preprocess((v) => {
      if (typeof v !== 'string') return v;
      const t = v.trim().toLowerCase();
      return ['true', 'yes', 'on', '1'].includes(t) ? true : ['false', 'no', 'off', '0'].includes(t) ? false : v;
    }, z.boolean({ error: () => 'must be true or false' }));
    return finish({ type: 'boolean', description }, b, o);
  },
  /** A web address (http or https, a real host name), checked by the one link parser. */
  link<R extends boolean = false>(description: string, o: Common<R> & { max?: number } = {}) {
    const max = o.max ?? 500;
    const s = trimmed.max(max, `must be at most ${max} characters`).refine((v) => webLink(v) !== null, 'must be a full web address starting with http:// or https://');
    return finish({ type: 'string', description, max }, s, o);
  },
  /** A number of days, or "never" (null): how long something is kept. */
  daysOrNever<R extends boolean = false>(description: string, o: Common<R> & { max?: number } = {}) {
    const max = o.max ?? 3650;
    const base = z.preprocess(
      (v) => {
        const t = typeof v === 'string' ? v.trim().toLowerCase() : v;
        return t === 'never' ? null : typeof t === 'string' && /^\d+$/.test(t) ? Number(t) : t;
      },
      z.number({ error: () => `must be a number of days (1 to ${max}) or never` }).int().min(1, `must be at least 1 day, or never`).max(max, `must be ${max} days or less, or never`).nullable(),
    );
    return finish({ type: 'string', description, max: 10 }, base, o);
  },
  /** A platform user id (adapters resolve mentions to ids). */
  user<R extends boolean = false>(description: string, o: Common<R> = {}) {
    return finish({ type: 'user', description }, trimmed.min(1).max(64), o);
  },
  channel<R extends boolean = false>(description: string, o: Common<R> = {}) {
    return finish({ type: 'channel', description }, trimmed.min(1).max(64), o);
  },
  role<R extends boolean = false>(description: string, o: Common<R> = {}) {
    return finish({ type: 'role', description }, trimmed.min(1).max(64), o);
  },
};

/** The option every program-scoped command gets: which program, when a workspace has several. */
export const programOption = opt.string('Which program (only needed when there are several)', { max: 80 });

/**
 * Who may run a command, checked by the router before the handler runs: staff (platform admins and
 * /staff add), the program's committee (and staff), the program's active ambassadors, or anyone.
 */
export type Access = 'anyone' | 'ambassador' | 'committee' | 'staff';

type Options = Record<string, OptionSpec>;
export type InputOf<O extends Options> = { [K in keyof O]: z.output<O[K]['zod']> };

interface Base<O extends Options> {
  /** Space-separated path: 'apply', 'program setup', 'program questions add'. */
  name: string;
  description: string;
  access: Access;
  options?: O;
  /** What the group alone runs (`/mydata` is `/mydata show`); without one, the group lists its commands. */
  groupDefault?: boolean;
}

/** A command that acts on one program: the router resolves it (the `program` option, or the only one). */
export interface ProgramCommandDef<O extends Options> extends Base<O> {
  program: true;
  run(ctx: ProgramContext, input: InputOf<O>): Promise<Reply>;
}

export interface WorkspaceCommandDef<O extends Options> extends Base<O> {
  program?: false;
  access: 'anyone' | 'staff';
  run(ctx: CommandContext, input: InputOf<O>): Promise<Reply>;
}

export interface Command {
  name: string;
  description: string;
  access: Access;
  options: Options;
  /** The router resolves the program before the handler runs. */
  program: boolean;
  groupDefault?: boolean;
  schema: z.ZodObject;
  run(ctx: CommandContext | ProgramContext, input: Record<string, unknown>): Promise<Reply>;
}

export function defineCommand<O extends Options = Record<never, OptionSpec>>(def: ProgramCommandDef<O> | WorkspaceCommandDef<O>): Command {
  const options: Options = { ...(def.options ?? {}), ...(def.program ? { program: programOption } : {}) };
  const shape = Object.fromEntries(Object.entries(options).map(([k, v]) => [k, v.zod]));
  return {
    name: def.name, description: def.description, access: def.access, options, program: def.program === true, groupDefault: def.groupDefault,
    schema: z.object(shape).strict(),
    run: def.run as Command['run'],
  };
}
