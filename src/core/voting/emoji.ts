// Emoji normalised at the edge of the core: Discord sends unicode, Slack sends short names.
// Both map to one canonical form so a program's configured emoji matches either.
import type { VoteEmoji } from '../model.js';
import type { VoteChoice } from '../ports/chat-platform.js';

/** Slack short name <-> unicode, for the emoji a program is likely to choose. */
export const shortNames: Record<string, string> = {
  white_check_mark: '✅', heavy_check_mark: '✔️', x: '❌', negative_squared_cross_mark: '❎', thinking_face: '🤔',
  '+1': '👍', thumbsup: '👍', '-1': '👎', thumbsdown: '👎', raised_hand: '✋', shrug: '🤷', neutral_face: '😐',
  heart: '❤️', star: '⭐', no_entry: '⛔', white_circle: '⚪', zipper_mouth_face: '🤐',
};
const toShort = new Map(Object.entries(shortNames).map(([k, v]) => [v, k]));

/** Strips a Slack skin-tone suffix, colons and variation selectors; maps short names to unicode. */
export function canonicalEmoji(raw: string): string {
  // A Discord custom emoji, typed as <:yes:123> or <a:yes:123>, arrives on reactions as yes:123.
  const custom = /^<?a?:?([\w~-]+):(\d{5,})>?$/.exec(raw.trim());
  if (custom) return `${custom[1]}:${custom[2]}`;
  const name = raw.trim().replace(/^:|:$/g, '').replace(/::skin-tone-\d$/, '');
  const unicode = shortNames[name] ?? name;
  return unicode.replace(/\uFE0F/g, '');
}

/** The Slack short name for an emoji (unicode or already a name). */
export function slackName(emoji: string): string {
  const c = canonicalEmoji(emoji);
  return toShort.get(c) ?? toShort.get(`${c}\uFE0F`) ?? c.replace(/^:|:$/g, '');
}

export function choiceFor(raw: string, emoji: VoteEmoji): VoteChoice | null {
  const c = canonicalEmoji(raw);
  if (c === canonicalEmoji(emoji.approve)) return 'approve';
  if (c === canonicalEmoji(emoji.reject)) return 'reject';
  if (c === canonicalEmoji(emoji.abstain)) return 'abstain';
  return null;
}

export const emojiFor = (choice: VoteChoice, emoji: VoteEmoji): string => emoji[choice];
