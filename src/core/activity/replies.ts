// What people read back from the activity and leaderboard commands: each use case's outcome as a
// private reply. The wording lives here, apart from the rules, so it can change without them.
import type { Member, Program } from '../model.js';
import type { Reply } from '../ports/chat-platform.js';
import { say } from '../replies.js';
import { formatDate, formatNumber, formatPoints, plural } from '../text.js';
import type { ExportInput, ExportOutcome } from './export.js';
import type { KindEdit } from './kinds.js';
import type { LogOutcome } from './log.js';
import { describeRate, type ActivityKind } from './model.js';
import { activityLine, boardLines, kindLine, standingText } from './render.js';
import type { PendingReview, ReviewOutcome } from './review.js';
import type { BoardSettingsOutcome } from './settings.js';
import type { Board, MyStanding } from './standing.js';

export function loggedReply(o: LogOutcome): Reply {
  if (o.kind === 'repeat') return say(`You logged exactly this a moment ago (#${o.activityId}); I kept just the one.`);
  const { activity: a, activityKind: kind } = o;
  const lines = [`Logged #${a.id}: ${kind.label} × ${formatNumber(a.amount)} = ${formatPoints(a.points)} (${describeRate(kind)}).`];
  if (a.points === 0) lines.push(`That is below one unit, so it earns no points — it still counts toward the objective once verified.`);
  lines.push(o.verified ? 'It counts right away. Thank you!' : 'Staff will verify it soon; only verified activity counts on the leaderboard.');
  if (o.duplicates.length) {
    const seen = o.duplicates.map((d) => `#${d.id}${d.mine ? ' (yours)' : ''}`).join(', ');
    lines.push(`Heads-up: this link was already logged (${seen}), so staff will take a look before it counts.`);
  }
  return say(lines.join('\n'));
}

export function meReply(program: Program, member: Member, o: MyStanding): Reply {
  if (o.kind === 'not_ambassador') return say(`You're not an ambassador of ${program.name} at the moment, so there is no standing to show. /apply tells you how to join.`);
  const lines = [`**This week:** ${standingText(o.thisWeek)}`, `**All time:** ${standingText(o.allTime)}`];
  if (o.allTime?.optedOut) lines.push('_You opted out of the public board: only you see your rank. /leaderboard optin to appear again._');
  lines.push('', o.recent.length ? `**Recent activity**\n${o.recent.map((a) => activityLine(a)).join('\n')}` : 'No activity yet — log some with /log kind:<key> amount:<n>.');
  return say(lines.join('\n'), { title: `${member.displayName} — ${program.name}`, footer: 'Only verified activity counts toward points and rank.' });
}

export function boardReply(program: Program, b: Board): Reply {
  const text = [b.rows.length ? boardLines(b.rows) : 'No verified activity in this period yet.'];
  if (b.mine) text.push('', `**You:** ${standingText(b.mine)}${b.mine.optedOut ? ' (opted out: only you see this)' : ''}`);
  return say(text.join('\n'), { title: `${program.name} — ${b.label}`, footer: 'Ties share a rank. Only verified activity counts.' });
}

export function optOutReply(o: { optOut: boolean; changed: boolean }): Reply {
  if (o.optOut) {
    return say(o.changed
      ? "Done: you're off the public leaderboards. Your activity still counts toward the objective, and /me still shows your own rank."
      : "You're already off the public leaderboards.");
  }
  return say(o.changed ? "Welcome back: you'll appear on the public leaderboards again." : "You're already on the public leaderboards.");
}

export function reviewListReply(program: Program, p: PendingReview): Reply {
  if (!p.items.length) return say(`Nothing waiting for review in ${program.name}.`);
  const lines = p.items.map(({ activity, sameLink }) => {
    const line = activityLine(activity, { who: true });
    return sameLink.length ? `${line}\n   ⚠️ same link as ${sameLink.map((s) => `#${s.id} (${s.memberName}, ${s.status})`).join(', ')}` : line;
  });
  const more = p.total > p.items.length ? `\n\n…and ${p.total - p.items.length} more (oldest first; review these to see the next).` : '';
  return say(`${lines.join('\n')}${more}`, {
    title: `Activity to review — ${program.name} (${p.total})`,
    footer: 'Approve with /activity approve id:<n>, reject with /activity reject id:<n> reason:"…"',
  });
}

export function reviewReply(o: ReviewOutcome): Reply {
  if (o.kind === 'already') {
    const c = o.current;
    return say(`#${o.activityId} was already ${c?.status ?? 'reviewed'}${c?.reviewReason ? ` (${c.reviewReason})` : ''}; nothing changed.`);
  }
  const a = o.activity;
  return say(`${o.approved ? 'Verified' : 'Rejected'} #${a.id} by ${a.memberName}${o.approved ? ` — ${formatPoints(a.points)} now count.` : '.'} I let them know.`);
}

export function kindsReply(program: Program, kinds: readonly ActivityKind[]): Reply {
  return say(kinds.map((k) => `• ${kindLine(k)}`).join('\n'), {
    title: `Activity kinds — ${program.name}`,
    footer: 'Log with /log kind:<key> amount:<n>. Only verified activity counts on leaderboards.',
  });
}

export const kindAddedReply = (k: ActivityKind): Reply => say(`Added: ${kindLine(k)}.`);

export function kindEditedReply(e: KindEdit): Reply {
  if (!e.changed) return say(`Nothing to change. Now: ${kindLine(e.kind)}.`);
  return say(`Changed: ${kindLine(e.kind)}.${e.rateChanged ? ' New points apply to activity logged from now on; what was logged keeps its points.' : ''}`);
}

export function settingsReply(program: Program, s: BoardSettingsOutcome): Reply {
  const where = program.announceChannelId
    ? `in <#${program.announceChannelId}>`
    : 'nowhere yet: set an announcement channel with /program setup announce_channel:#…';
  return say(
    `The weekly leaderboard (top ${s.size}, covering the last full week, Monday to Sunday) is posted ${where}.\nNext: ${s.next ? formatDate(s.next, program.timeZone) : 'never (check the schedule)'}.`,
    { title: `${s.changed ? 'Updated' : 'Leaderboard settings'} — ${program.name}` },
  );
}

export function exportReply(program: Program, input: ExportInput, o: ExportOutcome): Reply {
  const range = `${input.from ?? 'the start'} to ${input.to ?? 'today'} (${program.timeZone})`;
  return say(o.files.map((f) => `• ${f.section}: ${plural(f.rows, 'row')} → ${f.location}`).join('\n'), {
    title: `Export — ${program.name}, ${range}`,
    footer: 'Ambassadors are all of them, with verified points in the range; applications by submission date; activity by date.',
  });
}
