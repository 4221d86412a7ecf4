// Emoji normalised at the edge of the core: Discord sends unicode, Slack sends short names.
// Both map to one canonical form so a program's configured emoji matches either. Slack's names
// are iamcal's emoji-data names (the table Slack itself uses), read from emojibase-data.
import { createRequire } from 'node:module';
import type { VoteEmoji } from '../model.js';
import type { Platform, VoteChoice } from '../ports/chat-platform.js';

/** Hexcode ("1F44D", "1F1EB-1F1F7", without FE0F) -> Slack short name(s). Loaded on first use. */
let iamcal: { toName: Map<string, string>; toUnicode: Map<string, string> } | undefined;
function slackTable() {
  if (!iamcal) {
    const raw = createRequire(import.meta.url)('emojibase-data/en/shortcodes/iamcal.json') as Record<string, string | string[]>;
    const toName = new Map<string, string>();
    const toUnicode = new Map<string, string>();
    for (const [hex, names] of Object.entries(raw)) {
      const list = Array.isArray(names) ? names : [names];
      const unicode = String.fromCodePoint(...hex.split('-').map((h) => parseInt(h, 16)));
      toName.set(hex, list[0]!);
      for (const n of list) toUnicode.set(n, unicode);
    }
    iamcal = { toName, toUnicode };
  }
  return iamcal;
}

const hexcode = (unicode: string) => [...unicode.replace(/\uFE0F/g, '')].map((c) => c.codePointAt(0)!.toString(16).toUpperCase()).join('-');

/** Strips a Slack skin-tone suffix, colons and variation selectors; maps short names to unicode. */
export function canonicalEmoji(raw: string): string {
  // A Discord custom emoji, typed as <:yes:123> or <a:yes:123>, arrives on reactions as yes:123.
  const custom = /^<?a?:?([\w~-]+):(\d{5,})>?$/.exec(raw.trim());
  if (custom) return `${custom[1]}:${custom[2]}`;
  const name = raw.trim().replace(/^:|:$/g, '').replace(/::skin-tone-\d$/, '');
  const unicode = /^[\w+-]+$/.test(name) ? (slackTable().toUnicode.get(name) ?? name) : name;
  return unicode.replace(/\uFE0F/g, '');
}

/** The Slack short name for an emoji (unicode or already a name). */
export function slackName(emoji: string): string {
  const c = canonicalEmoji(emoji);
  return slackTable().toName.get(hexcode(c)) ?? c.replace(/^:|:$/g, '');
}

export function choiceFor(raw: string, emoji: VoteEmoji): VoteChoice | null {
  const c = canonicalEmoji(raw);
  if (c === canonicalEmoji(emoji.approve)) return 'approve';
  if (c === canonicalEmoji(emoji.reject)) return 'reject';
  if (c === canonicalEmoji(emoji.abstain)) return 'abstain';
  return null;
}

export const emojiFor = (choice: VoteChoice, emoji: VoteEmoji): string => emoji[choice];

// The `v` flag (Unicode sets) is in Node 20; built at run time because TypeScript targets ES2023 here.
const oneEmoji = new RegExp('^\\p{RGI_Emoji}$', 'v');

export type EmojiCheck = { ok: true; emoji: string; customId?: string } | { ok: false; problem: string };

/**
 * Whether people can react with this on the platform: one Unicode emoji (also typed as a Slack
 * short name such as :tada:), or on Discord a custom emoji typed <:name:id> (the caller checks it
 * belongs to the server). Anything else would leave a vote nobody can cast.
 */
export function checkVoteEmoji(raw: string, platform: Platform): EmojiCheck {
  const text = raw.trim();
  const custom = /^<a?:([\w~-]+):(\d{5,25})>$/.exec(text);
  if (custom) {
    return platform === 'discord'
      ? { ok: true, emoji: text, customId: custom[2]! }
      : { ok: false, problem: `${text} is a Discord custom emoji; here, use a standard emoji such as ✅` };
  }
  // Canonical form drops variation selectors; some emoji (✔️, ❤️) are emoji only with one.
  const unicode = [canonicalEmoji(text), `${canonicalEmoji(text)}\uFE0F`].find((u) => oneEmoji.test(u));
  if (unicode) return { ok: true, emoji: unicode };
  return { ok: false, problem: `“${text}” isn't an emoji people can react with. Type the emoji itself, e.g. ✅ or 👍${platform === 'slack' ? ', or its name such as :white_check_mark:' : platform === 'discord' ? ', or a custom emoji of this server' : ''}` };
}
