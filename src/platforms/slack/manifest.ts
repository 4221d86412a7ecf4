// The Slack app manifest, generated from the command definitions: one slash command with every
// subcommand in its usage hint, the bot scopes the adapter's calls need, the reaction events and
// interactivity. `npm run slack:manifest` writes it to manifest.json; installing is one paste.
import type { Command } from '../../core/commands/define.js';
import { slashCommand } from './mrkdwn.js';

export const placeholderBaseUrl = 'https://ambassador.example.org';

/** Every bot scope, with the calls that need it. */
export const botScopes: ReadonlyArray<readonly [scope: string, why: string]> = [
  ['commands', `the ${slashCommand} slash command`],
  ['chat:write', 'chat.postMessage, chat.update, chat.postEphemeral'],
  ['chat:write.public', 'announcements in public channels the bot has not joined'],
  ['files:write', 'files.getUploadURLExternal / files.completeUploadExternal: images such as the weekly leaderboard card'],
  ['im:write', 'conversations.open for direct messages'],
  ['reactions:read', 'reaction_added / reaction_removed events and reactions.get (catch-up)'],
  ['reactions:write', 'reactions.add: the vote reactions on committee posts'],
  ['users:read', 'users.info: display names and workspace admins (staff)'],
  ['usergroups:read', 'usergroups.users.list: a committee kept as a user group'],
  ['channels:history', 'conversations.history: a retried post finds its earlier copy (message metadata) instead of posting twice'],
  ['groups:history', 'conversations.history in private channels (the committee channel), for the same check'],
  ['channels:read', 'conversations.members of public channels'],
  ['groups:read', 'conversations.members of private channels (committee)'],
  ['groups:write', 'conversations.invite / kick: the ambassadors private channel'],
  ['channels:manage', 'conversations.invite / kick when the ambassadors channel is public'],
];

export const botEvents = ['reaction_added', 'reaction_removed'] as const;

export interface SlackManifest {
  _metadata: { major_version: number; minor_version: number };
  display_information: { name: string; description: string; background_color: string };
  features: {
    app_home: { home_tab_enabled: boolean; messages_tab_enabled: boolean; messages_tab_read_only_enabled: boolean };
    bot_user: { display_name: string; always_online: boolean };
    slash_commands: Array<{ command: string; url: string; description: string; usage_hint: string; should_escape: boolean }>;
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url: string };
    org_deploy_enabled: boolean;
    socket_mode_enabled: boolean;
    token_rotation_enabled: boolean;
  };
}

/** "apply · application status|withdraw|… · program setup|questions add|…", within Slack's 1000 characters. */
export function usageHint(commands: readonly Command[], max = 1000): string {
  const groups = new Map<string, string[]>();
  for (const c of commands) {
    const [first, ...rest] = c.name.split(' ');
    const list = groups.get(first!) ?? [];
    if (rest.length) list.push(rest.join(' '));
    groups.set(first!, list);
  }
  const parts = [...groups.entries()].map(([first, subs]) => (subs.length ? `${first} ${subs.join('|')}` : first));
  let hint = '';
  for (const part of parts) {
    const next = hint ? `${hint} · ${part}` : part;
    if (next.length > max - 2) return `${hint} …`;
    hint = next;
  }
  return hint;
}

export function buildManifest(commands: readonly Command[], baseUrl = placeholderBaseUrl): SlackManifest {
  const url = `${baseUrl.replace(/\/+$/, '')}/slack/events`;
  return {
    _metadata: { major_version: 1, minor_version: 1 },
    display_information: {
      name: 'Ambassador',
      description: 'Runs your ambassador program: applications, committee votes, campaigns, recognition.',
      background_color: '#2c2d30',
    },
    features: {
      app_home: { home_tab_enabled: false, messages_tab_enabled: true, messages_tab_read_only_enabled: true },
      bot_user: { display_name: 'ambassador', always_online: true },
      slash_commands: [
        {
          command: slashCommand,
          url,
          description: `Ambassador program (${commands.length} subcommands). Try ${slashCommand} help`,
          usage_hint: usageHint(commands),
          should_escape: true,
        },
      ],
    },
    oauth_config: { scopes: { bot: botScopes.map(([scope]) => scope) } },
    settings: {
      event_subscriptions: { request_url: url, bot_events: [...botEvents] },
      interactivity: { is_enabled: true, request_url: url },
      org_deploy_enabled: false,
      socket_mode_enabled: false,
      token_rotation_enabled: false,
    },
  };
}

/** The committed file's text: stable key order, two-space indent, trailing newline. */
export function manifestJson(commands: readonly Command[], baseUrl?: string): string {
  return `${JSON.stringify(buildManifest(commands, baseUrl), null, 2)}\n`;
}
