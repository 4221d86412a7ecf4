// `/ambassador <subcommand> name:value …` text as a command invocation. The shared command-line
// grammar (../command-line.ts: quotes, longest command path, name:value) does the parsing; this adds
// what Slack sends: escaped mentions (<@U123|ada>, <#C123|committee>, <!subteam^S123|@committee>),
// links (<https://…|label>) and HTML entities (&amp; &lt; &gt;).
import type { Command, OptionType } from '../../core/commands/define.js';
import { parseCommandLine } from '../command-line.js';

export type SlackInput =
  /** `mentions`: the user ids of user options, with the name their mention carried (<@U1|ada>), if any. */
  | { kind: 'command'; name: string; options: Record<string, string>; mentions: Record<string, string | undefined> }
  | { kind: 'help'; unknown?: string }
  | { kind: 'error'; message: string };

const userMention = /^<@([UW][A-Z0-9]+)(?:\|([^>]*))?>$/;
const channelMention = /^<#([CG][A-Z0-9]+)(?:\|[^>]*)?>$/;
const groupMention = /^<!subteam\^([A-Z0-9]+)(?:\|[^>]*)?>$/;

export function unescapeEntities(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Slack markup inside free text, as a person would read it: <@U1|ada> -> @ada, <https://x|x> -> https://x. */
export function readableText(text: string): string {
  return unescapeEntities(
    text
      .replace(/<@([UW][A-Z0-9]+)(?:\|([^>]*))?>/g, (_m, id: string, name?: string) => `@${name || id}`)
      .replace(/<#([CG][A-Z0-9]+)(?:\|([^>]*))?>/g, (_m, id: string, name?: string) => `#${name || id}`)
      .replace(/<!subteam\^([A-Z0-9]+)(?:\|([^>]*))?>/g, (_m, id: string, handle?: string) => handle || `@${id}`)
      .replace(/<!(here|channel|everyone)(?:\|[^>]*)?>/g, '@$1')
      .replace(/<((?:https?:\/\/|mailto:)[^|>]+)(?:\|[^>]*)?>/g, '$1'),
  );
}

/** A user, channel or role option: the id inside a mention, or the text as typed (without @ or #). */
export function idValue(type: OptionType, raw: string): string {
  const v = raw.trim();
  const match = (type === 'user' ? userMention : type === 'channel' ? channelMention : null)?.exec(v);
  if (match) return match[1]!;
  if (type === 'role') {
    const m = groupMention.exec(v) ?? channelMention.exec(v) ?? userMention.exec(v);
    if (m) return m[1]!;
  }
  // Typed without Slack's escaping: the command-line grammar already dropped a leading @ or #.
  return unescapeEntities(v).replace(/^[@#]/, '');
}

export function parseCommandText(text: string, commands: readonly Command[]): SlackInput {
  // Slack clients often turn "quotes" into “smart quotes”: read both as quotes.
  const line = text.trim().replace(/^\/+/, '').replace(/[“”„]/g, '"');
  if (!line || /^(help|\?)$/i.test(line)) return { kind: 'help' };
  const parsed = parseCommandLine(line, commands);
  switch (parsed.kind) {
    case 'unknown-command':
      return { kind: 'help', unknown: readableText(line).split(/\s+/).slice(0, 3).join(' ') };
    case 'error':
      return { kind: 'error', message: parsed.message };
    case 'command': {
      const cmd = commands.find((c) => c.name === parsed.name)!;
      const options: Record<string, string> = {};
      const mentions: Record<string, string | undefined> = {};
      for (const [key, value] of Object.entries(parsed.options)) {
        const type = cmd.options[key]?.type;
        options[key] = type === 'user' || type === 'channel' || type === 'role' ? idValue(type, value) : readableText(value);
        if (type === 'user') mentions[options[key]] = unescapeEntities(userMention.exec(value.trim())?.[2] ?? '').trim() || undefined;
      }
      return { kind: 'command', name: parsed.name, options, mentions };
    }
  }
}
