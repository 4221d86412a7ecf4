// The committed Slack app manifest must match what commands/ generates: installing is one paste.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allCommands } from '../../../commands/index.js';
import { botEvents, buildManifest, manifestJson, usageHint } from '../../../src/platforms/slack/manifest.js';

const committed = new URL('../../../src/platforms/slack/manifest.json', import.meta.url);

describe('Slack app manifest', () => {
  it('GIVEN the command definitions WHEN the manifest is generated THEN it equals the committed manifest.json (else: npm run slack:manifest)', () => {
    expect(readFileSync(committed, 'utf8')).toBe(manifestJson(allCommands));
  });

  it('GIVEN the manifest THEN one /ambassador command lists every subcommand, with the scopes and events the adapter uses', () => {
    const m = buildManifest(allCommands, 'https://bot.example.net/');
    expect(m.features.slash_commands).toHaveLength(1);
    const [cmd] = m.features.slash_commands;
    expect(cmd).toMatchObject({ command: '/ambassador', url: 'https://bot.example.net/slack/events', should_escape: true });
    for (const c of allCommands) {
      const [first, ...rest] = c.name.split(' ');
      expect(cmd!.usage_hint).toContain(first!);
      if (rest.length) expect(cmd!.usage_hint).toContain(rest.join(' '));
    }
    expect(cmd!.usage_hint.length).toBeLessThanOrEqual(1000);
    expect(m.settings.event_subscriptions).toEqual({ request_url: 'https://bot.example.net/slack/events', bot_events: [...botEvents] });
    expect(m.settings.interactivity).toEqual({ is_enabled: true, request_url: 'https://bot.example.net/slack/events' });
    expect(m.oauth_config.scopes.bot).toEqual(expect.arrayContaining(['commands', 'chat:write', 'files:write', 'reactions:read', 'reactions:write', 'im:write', 'users:read', 'usergroups:read', 'groups:read', 'groups:write', 'channels:read']));
  });

  it('GIVEN too many subcommands for Slack’s 1000-character hint THEN the hint is cut with an ellipsis', () => {
    const many = Array.from({ length: 200 }, (_, i) => ({ ...allCommands[0]!, name: `group${i} sub${i}` }));
    const hint = usageHint(many);
    expect(hint.length).toBeLessThanOrEqual(1000);
    expect(hint.endsWith(' …')).toBe(true);
  });
});
