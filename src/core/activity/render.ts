// How activity and boards read as neutral text, shared by the replies (replies.ts), the weekly post
// and the review DMs. The text version of a board is the accessible one: it carries everything the
// card shows.
import type { Program } from '../model.js';
import type { OutboundMessage } from '../ports/chat-platform.js';
import type { Activity, ActivityKind } from './model.js';
import { describeRate } from './model.js';
import type { BoardRow, Standing } from './repository.js';
import { formatNumber, formatPoints } from '../text.js';

export type RankChange = number | 'new' | null;

/** "▲2", "▼1", "=", "new". */
export function changeText(c: RankChange): string {
  if (c === null) return '';
  if (c === 'new') return 'new';
  if (c === 0) return '=';
  return `${c > 0 ? '▲' : '▼'}${Math.abs(c)}`;
}

export function boardLines(rows: readonly (BoardRow & { change?: RankChange })[]): string {
  return rows
    .map((r) => {
      const change = r.change === undefined ? '' : changeText(r.change);
      return `${r.rank}. ${r.displayName} — ${formatPoints(r.points)}${change ? ` (${change})` : ''}`;
    })
    .join('\n');
}

/** "#3 of 12" or "not ranked yet". */
export function standingText(s: Standing | null): string {
  if (!s || s.rank === null) return `${formatPoints(s?.points ?? 0)}, not ranked yet`;
  return `${formatPoints(s.points)}, rank ${s.rank} of ${s.rankedCount}`;
}

const statusMark: Record<Activity['status'], string> = { pending: '⏳ pending', verified: '✅ verified', rejected: '❌ rejected' };

export function activityLine(a: Activity, o: { who?: boolean } = {}): string {
  const parts = [`#${a.id}`, ...(o.who ? [a.memberName] : []), `${a.kindLabel} × ${formatNumber(a.amount)}`, formatPoints(a.points), statusMark[a.status]];
  let line = parts.join(' · ');
  if (a.status === 'rejected' && a.reviewReason) line += ` (${a.reviewReason})`;
  if (a.link) line += `\n   ${a.link}`;
  if (a.note) line += `\n   “${a.note}”`;
  return line;
}

export function kindLine(k: ActivityKind): string {
  const parts = [`\`${k.key}\` — ${k.label}: ${describeRate(k)}`, `at most ${formatNumber(k.maxAmount)} per log`, k.autoVerify ? 'verified automatically' : 'reviewed by staff'];
  if (k.campaignId) parts.push(`counts for campaign ${k.campaignId}`);
  return parts.join(', ');
}

/** What the ambassador is told when staff review their activity. */
export function reviewDm(program: Program, a: Activity, o: { approved: boolean; reason: string | null }): OutboundMessage {
  const what = `#${a.id} (${a.kindLabel} × ${formatNumber(a.amount)}, ${formatPoints(a.points)})`;
  return o.approved
    ? { title: `${program.name}: activity verified`, text: `Your activity ${what} is verified and counts on the leaderboard. Thank you!`, tone: 'success' }
    : { title: `${program.name}: activity not verified`, text: `Your activity ${what} was not verified: ${o.reason}\nIf you think this is a mistake, reply to staff with more evidence.`, tone: 'warning' };
}
