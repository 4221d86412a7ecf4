// The environment, read once and validated. Every problem is listed with the variable's name and
// what is expected, so a bad deployment stops at start-up with one readable message.
import { z } from 'zod';
import { isValidTimeZone } from './core/time-zone.js';

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const url = (what: string) =>
  z.string().trim().refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), `must be an http(s) URL (${what})`);

const schema = z
  .object({
    DATABASE_URL: z
      .string()
      .trim()
      .default('file:./data/ambassador.db')
      .refine((v) => /^file:.+/.test(v) || /^postgres(ql)?:\/\/.+/.test(v), 'must start with file: (SQLite) or postgresql:// (PostgreSQL)'),
    DISCORD_TOKEN: optionalText,
    DISCORD_APPLICATION_ID: optionalText.pipe(z.string().regex(/^\d{15,25}$/, 'must be the numeric application id').optional()),
    DISCORD_GUILD_ID: optionalText.pipe(z.string().regex(/^\d{15,25}$/, 'must be a numeric server (guild) id').optional()),
    DISCORD_API_URL: url('Discord REST base, test hook').default('https://discord.com/api'),
    SLACK_BOT_TOKEN: optionalText.pipe(z.string().startsWith('xoxb-', 'must be a bot token starting with xoxb-').optional()),
    SLACK_SIGNING_SECRET: optionalText,
    SLACK_APP_TOKEN: optionalText.pipe(z.string().startsWith('xapp-', 'must be an app-level token starting with xapp-').optional()),
    SLACK_API_URL: url('Slack Web API base, test hook').default('https://slack.com/api/'),
    SLACK_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    DISCORD_SHARDS: optionalText.pipe(
      z.string().regex(/^\d{1,4}(\s*,\s*\d{1,4})*$/, 'must be shard ids separated by commas, e.g. 0,1').transform((v) => v.split(',').map((x) => Number(x.trim()))).optional(),
    ),
    DISCORD_SHARD_COUNT: z.coerce.number({ error: () => 'must be a whole number' }).int().min(1, 'must be at least 1').max(4096).optional(),
    INBOUND_LEASE_SECONDS: z.coerce.number({ error: () => 'must be a whole number of seconds' }).int().min(1).max(600).default(30),
    OUTBOX_LEASE_SECONDS: z.coerce.number({ error: () => 'must be a whole number of seconds' }).int().min(1).max(3600).default(60),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    DEFAULT_TIME_ZONE: z
      .string()
      .trim()
      .default('UTC')
      .refine(isValidTimeZone, 'must be an IANA time zone such as Europe/Paris or America/New_York'),
  });

/** Each platform needs its settings in pairs; checked on the raw values so these problems are
 *  reported together with any others. */
const companions: Array<[string, string, string]> = [
  ['DISCORD_TOKEN', 'DISCORD_APPLICATION_ID', 'slash commands are registered for this application'],
  ['DISCORD_APPLICATION_ID', 'DISCORD_TOKEN', 'the bot logs in with it'],
  ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'requests from Slack are verified with it'],
  ['SLACK_SIGNING_SECRET', 'SLACK_BOT_TOKEN', 'the bot calls Slack with it'],
  ['SLACK_APP_TOKEN', 'SLACK_BOT_TOKEN', 'Socket Mode still calls the Web API with the bot token'],
];

export type Env = z.infer<typeof schema>;

export interface Config {
  databaseUrl: string;
  logLevel: Env['LOG_LEVEL'];
  defaultTimeZone: string;
  /** How long a process holds a side effect it is carrying out before another process may retry it. */
  outboxLeaseMs: number;
  /** How long a process holds an inbound event it claimed before another may finish it (default 30 s). */
  inboundLeaseMs?: number;
  /** `shards`: the shards this process runs, of `count` in all (DISCORD_SHARDS, DISCORD_SHARD_COUNT). */
  discord?: { token: string; applicationId: string; guildId?: string; apiUrl: string; shards?: { ids: number[]; count: number } };
  slack?: { botToken: string; signingSecret: string; appToken?: string; apiUrl: string; port: number };
}

export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(`The configuration has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const raw = pickKnown(env);
  const parsed = schema.safeParse(raw);
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.') || 'environment'} ${i.message}`);
  for (const [have, needed, why] of companions) {
    if (raw[have] !== undefined && raw[needed] === undefined) problems.push(`${needed} is required when ${have} is set (${why})`);
  }
  if (parsed.success) problems.push(...shardProblems(parsed.data));
  if (!parsed.success || problems.length) throw new ConfigError(problems);
  const e = parsed.data;
  const shards = e.DISCORD_SHARDS && e.DISCORD_SHARD_COUNT ? { ids: e.DISCORD_SHARDS, count: e.DISCORD_SHARD_COUNT } : undefined;
  return {
    databaseUrl: e.DATABASE_URL,
    logLevel: e.LOG_LEVEL,
    defaultTimeZone: e.DEFAULT_TIME_ZONE,
    outboxLeaseMs: e.OUTBOX_LEASE_SECONDS * 1000,
    inboundLeaseMs: e.INBOUND_LEASE_SECONDS * 1000,
    discord:
      e.DISCORD_TOKEN && e.DISCORD_APPLICATION_ID
        ? { token: e.DISCORD_TOKEN, applicationId: e.DISCORD_APPLICATION_ID, guildId: e.DISCORD_GUILD_ID, apiUrl: e.DISCORD_API_URL, ...(shards ? { shards } : {}) }
        : undefined,
    slack:
      e.SLACK_BOT_TOKEN && e.SLACK_SIGNING_SECRET
        ? { botToken: e.SLACK_BOT_TOKEN, signingSecret: e.SLACK_SIGNING_SECRET, appToken: e.SLACK_APP_TOKEN, apiUrl: e.SLACK_API_URL, port: e.SLACK_PORT }
        : undefined,
  };
}

/** Shards come as a pair: which ones this process runs, out of how many. */
function shardProblems(e: Env): string[] {
  const ids = e.DISCORD_SHARDS;
  const count = e.DISCORD_SHARD_COUNT;
  if (ids === undefined && count === undefined) return [];
  if (ids === undefined) return ['DISCORD_SHARDS is required when DISCORD_SHARD_COUNT is set (the shards this process runs, e.g. 0,1)'];
  if (count === undefined) return ['DISCORD_SHARD_COUNT is required when DISCORD_SHARDS is set (how many shards all processes run together)'];
  const out: string[] = [];
  const bad = ids.filter((id) => id >= count);
  if (bad.length) out.push(`DISCORD_SHARDS has ${bad.join(', ')}, but shard ids go from 0 to DISCORD_SHARD_COUNT - 1 (${count - 1})`);
  if (new Set(ids).size !== ids.length) out.push('DISCORD_SHARDS lists a shard more than once');
  return out;
}

const names = [
  'DATABASE_URL', 'DISCORD_TOKEN', 'DISCORD_APPLICATION_ID', 'DISCORD_GUILD_ID', 'DISCORD_API_URL',
  'SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN', 'SLACK_API_URL', 'SLACK_PORT',
  'LOG_LEVEL', 'DEFAULT_TIME_ZONE', 'OUTBOX_LEASE_SECONDS', 'INBOUND_LEASE_SECONDS', 'DISCORD_SHARDS', 'DISCORD_SHARD_COUNT',
] as const;

/** Only our variables: an unset or empty one takes its default. */
function pickKnown(env: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const n of names) {
    const v = env[n];
    if (v !== undefined && v !== '') out[n] = v;
  }
  return out;
}
