// What an ambassador sees of the boards: /me, /leaderboard show (private to the caller), and the
// choice to stay off the public board while still seeing their own standing.
import type { CommandContext } from '../commands/context.js';
import { audit } from '../audit.js';
import { fail } from '../errors.js';
import type { Program } from '../model.js';
import type { Reply } from '../ports/chat-platform.js';
import { say } from '../replies.js';
import { requireAmbassador } from './log.js';
import { monthContaining, monthLabel, weekContaining, weekLabel, type Range } from './periods.js';
import { activityLine, boardLines, standingText } from './render.js';
import type { BoardQuery } from './repository.js';

export type BoardPeriod = 'week' | 'month' | 'all' | 'campaign';

const DEFAULT_SIZE = 10;

async function boardSize(ctx: CommandContext, program: Program): Promise<number> {
  return (await ctx.deps.store.activity.boardSettings(program.id))?.size ?? DEFAULT_SIZE;
}

export async function showMe(ctx: CommandContext, program: Program): Promise<Reply> {
  const { store, now } = ctx.deps;
  const amb = await store.ambassadors.byMember(program.id, ctx.member.id);
  if (amb?.status !== 'active') return say(`You're not an ambassador of ${program.name} at the moment, so there is no standing to show. /apply tells you how to join.`);
  const base = { programId: program.id, memberId: ctx.member.id };
  const week = weekContaining(now(), program.timeZone);
  const [thisWeek, allTime, recent] = await Promise.all([
    store.activity.standing({ ...base, ...week }),
    store.activity.standing(base),
    store.activity.recent(program.id, ctx.member.id, 5),
  ]);
  const lines = [`**This week:** ${standingText(thisWeek)}`, `**All time:** ${standingText(allTime)}`];
  if (allTime?.optedOut) lines.push('_You opted out of the public board: only you see your rank. /leaderboard optin to appear again._');
  lines.push('', recent.length ? `**Recent activity**\n${recent.map((a) => activityLine(a)).join('\n')}` : 'No activity yet — log some with /log kind:<key> amount:<n>.');
  return say(lines.join('\n'), { title: `${ctx.member.displayName} — ${program.name}`, footer: 'Only verified activity counts toward points and rank.' });
}

export async function showBoard(ctx: CommandContext, program: Program, input: { period?: BoardPeriod; campaign?: number }): Promise<Reply> {
  const { store, now } = ctx.deps;
  const period = input.period ?? (input.campaign !== undefined ? 'campaign' : 'week');
  let range: Partial<Range> = {};
  let label: string;
  let campaignId: number | undefined;
  if (period === 'week') {
    range = weekContaining(now(), program.timeZone);
    label = `${weekLabel(range as Range, program.timeZone)}, so far`;
  } else if (period === 'month') {
    range = monthContaining(now(), program.timeZone);
    label = monthLabel(range as Range, program.timeZone);
  } else if (period === 'campaign') {
    if (input.campaign === undefined) fail('invalid_input', 'campaign: which campaign? e.g. /leaderboard show period:campaign campaign:3 (see /campaign list).');
    const c = await store.activity.campaign(program.id, input.campaign!);
    if (!c) fail('invalid_input', `campaign: ${program.name} has no campaign ${input.campaign}.`);
    campaignId = c!.id;
    label = `Campaign “${c!.title}”`;
  } else {
    label = 'All time';
  }
  const q: BoardQuery = { programId: program.id, ...range, ...(campaignId ? { campaignId } : {}) };
  const rows = await store.activity.leaderboard({ ...q, limit: await boardSize(ctx, program) });
  const mine = await store.activity.standing({ ...q, memberId: ctx.member.id });
  const text = [rows.length ? boardLines(rows) : 'No verified activity in this period yet.'];
  if (mine) text.push('', `**You:** ${standingText(mine)}${mine.optedOut ? ' (opted out: only you see this)' : ''}`);
  return say(text.join('\n'), { title: `${program.name} — ${label}`, footer: 'Ties share a rank. Only verified activity counts.' });
}

export async function setOptOut(ctx: CommandContext, program: Program, optOut: boolean): Promise<Reply> {
  await requireAmbassador(ctx, program, optOut ? 'opt out of the leaderboard' : 'opt in to the leaderboard');
  const changed = await ctx.deps.store.transaction(async (r) => {
    const did = await r.activity.setOptOut(program.id, ctx.member.id, optOut);
    if (did) {
      await audit(r, { programId: program.id, actorId: ctx.member.id, action: optOut ? 'leaderboard.opted_out' : 'leaderboard.opted_in', subject: { type: 'member', id: ctx.member.id } }, ctx.deps.now());
    }
    return did;
  });
  if (optOut) {
    return say(changed
      ? "Done: you're off the public leaderboards. Your activity still counts toward the objective, and /me still shows your own rank."
      : "You're already off the public leaderboards.");
  }
  return say(changed ? "Welcome back: you'll appear on the public leaderboards again." : "You're already on the public leaderboards.");
}
