import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('config', () => {
  it('GIVEN an empty environment WHEN loaded THEN the defaults apply and the console runs on SQLite', () => {
    const c = loadConfig({});
    expect(c).toEqual({ databaseUrl: 'file:./data/ambassador.db', logLevel: 'info', defaultTimeZone: 'UTC', outboxLeaseMs: 60_000, inboundLeaseMs: 30_000, discord: undefined, slack: undefined });
  });

  it('GIVEN complete Discord and Slack settings WHEN loaded THEN both platforms are configured with production API URLs', () => {
    const c = loadConfig({
      DISCORD_TOKEN: 'abc', DISCORD_APPLICATION_ID: '123456789012345678',
      SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's3cret', SLACK_APP_TOKEN: 'xapp-1',
      DATABASE_URL: 'postgresql://u:p@db:5432/amb', DEFAULT_TIME_ZONE: 'Europe/Paris', LOG_LEVEL: 'debug',
    });
    expect(c.discord).toEqual({ token: 'abc', applicationId: '123456789012345678', guildId: undefined, apiUrl: 'https://discord.com/api' });
    expect(c.slack).toEqual({ botToken: 'xoxb-1', signingSecret: 's3cret', appToken: 'xapp-1', apiUrl: 'https://slack.com/api/', port: 3000 });
    expect(c.databaseUrl).toBe('postgresql://u:p@db:5432/amb');
    expect(c.defaultTimeZone).toBe('Europe/Paris');
  });

  it.each([
    [{ DISCORD_TOKEN: 'abc' }, 'DISCORD_APPLICATION_ID is required when DISCORD_TOKEN is set'],
    [{ DISCORD_APPLICATION_ID: '123456789012345678' }, 'DISCORD_TOKEN is required when DISCORD_APPLICATION_ID is set'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, 'SLACK_SIGNING_SECRET is required when SLACK_BOT_TOKEN is set'],
    [{ SLACK_SIGNING_SECRET: 'x' }, 'SLACK_BOT_TOKEN is required when SLACK_SIGNING_SECRET is set'],
    [{ SLACK_APP_TOKEN: 'xapp-1' }, 'SLACK_BOT_TOKEN is required when SLACK_APP_TOKEN is set'],
    [{ SLACK_BOT_TOKEN: 'oops', SLACK_SIGNING_SECRET: 'x' }, 'SLACK_BOT_TOKEN must be a bot token starting with xoxb-'],
    [{ DISCORD_TOKEN: 'a', DISCORD_APPLICATION_ID: 'my-app' }, 'DISCORD_APPLICATION_ID must be the numeric application id'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL)'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ DEFAULT_TIME_ZONE: 'Mars/Olympus' }, 'DEFAULT_TIME_ZONE must be an IANA time zone such as Europe/Paris or America/New_York'],
    [{ DISCORD_API_URL: 'not a url' }, 'DISCORD_API_URL must be an http(s) URL'],
    [{ SLACK_PORT: '99999' }, 'SLACK_PORT'],
  ])('GIVEN %j WHEN loaded THEN start-up stops with a message naming the variable', (env, expected) => {
    const found = problems(env as Record<string, string>);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(expected);
  });

  it('GIVEN several problems WHEN loaded THEN every one is listed', () => {
    const err = (() => {
      try {
        loadConfig({ DISCORD_TOKEN: 'a', LOG_LEVEL: 'x', DEFAULT_TIME_ZONE: 'Nowhere' });
      } catch (e) {
        return e as ConfigError;
      }
    })();
    expect(err?.problems).toHaveLength(3);
    expect(err?.message).toMatch(/^The configuration has 3 problems:/);
  });

  it('GIVEN empty strings WHEN loaded THEN they count as unset', () => {
    expect(loadConfig({ DISCORD_TOKEN: '', DATABASE_URL: '' }).databaseUrl).toBe('file:./data/ambassador.db');
  });

  describe('several processes', () => {
    const discord = { DISCORD_TOKEN: 'abc', DISCORD_APPLICATION_ID: '123456789012345678' };

    it('GIVEN DISCORD_SHARDS and DISCORD_SHARD_COUNT WHEN loaded THEN the process runs those shards of that many', () => {
      expect(loadConfig({ ...discord, DISCORD_SHARDS: '0, 2', DISCORD_SHARD_COUNT: '3' }).discord?.shards).toEqual({ ids: [0, 2], count: 3 });
      expect(loadConfig(discord).discord?.shards).toBeUndefined();
    });

    it('GIVEN shards without their count, a shard out of range or listed twice WHEN loaded THEN each problem is named', () => {
      expect(problems({ ...discord, DISCORD_SHARDS: '0,1' })).toEqual([expect.stringContaining('DISCORD_SHARD_COUNT is required when DISCORD_SHARDS is set')]);
      expect(problems({ ...discord, DISCORD_SHARD_COUNT: '2' })).toEqual([expect.stringContaining('DISCORD_SHARDS is required when DISCORD_SHARD_COUNT is set')]);
      expect(problems({ ...discord, DISCORD_SHARDS: '1,2', DISCORD_SHARD_COUNT: '2' })).toEqual([expect.stringContaining('DISCORD_SHARDS has 2, but shard ids go from 0 to DISCORD_SHARD_COUNT - 1 (1)')]);
      expect(problems({ ...discord, DISCORD_SHARDS: '1,1', DISCORD_SHARD_COUNT: '2' })).toEqual(['DISCORD_SHARDS lists a shard more than once']);
      expect(problems({ ...discord, DISCORD_SHARDS: 'first', DISCORD_SHARD_COUNT: '2' })).toEqual([expect.stringMatching(/^DISCORD_SHARDS must be shard ids separated by commas/)]);
    });

    it('GIVEN INBOUND_LEASE_SECONDS WHEN loaded THEN claims hold that long; a bad value is named', () => {
      expect(loadConfig({ INBOUND_LEASE_SECONDS: '5' }).inboundLeaseMs).toBe(5000);
      expect(problems({ INBOUND_LEASE_SECONDS: '0' })).toEqual([expect.stringMatching(/^INBOUND_LEASE_SECONDS/)]);
    });
  });
});
