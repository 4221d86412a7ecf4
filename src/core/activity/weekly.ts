// The weekly leaderboard post, exactly once per program and week, across processes.
//
// Each tick: for every program with an announcement channel, the latest run of its leaderboardCron
// (in its time zone) is due if it is at most GRACE old; the week reported is the last full week
// (Monday 00:00 to Monday 00:00 local) before that run. The JobRun period is that week's Monday,
// so however often the schedule fires or is changed, a week is reported once. The order is the
// campaign posts' (src/core/campaigns/tick.ts): claim (outside any transaction), build, then one
// transaction that marks the claim sent and queues the post. A crash in between leaves a stale
// claim that the next tick takes over; a run missed beyond the grace is left to next week's board.
import { audit } from '../audit.js';
import { claimThenPost, tickEachProgram } from '../claims.js';
import type { CoreDeps } from '../deps.js';
import type { Program } from '../model.js';
import type { OutboundMessage } from '../ports/chat-platform.js';
import { earliestNextRun, previousRun } from '../campaigns/next-runs.js';
import { previousWeek, weekBefore, weekKey, weekLabel, type Range } from './periods.js';
import { programProgress, type ObjectiveProgress } from './progress.js';
import { boardLines, type RankChange } from './render.js';
import { formatPoints, plural, progressText } from '../text.js';

/** How late a weekly post may still go out (the bot was down at the time). */
export const GRACE_MS = 12 * 3600_000;
/** Later than this after its time (beyond scheduler latency) a post is recorded as late. */
const LATE_AFTER_MS = 60_000;

/** The card renderer (src/render/leaderboard-card.ts), passed in so the core stays free of canvas. */
export type CardRenderer = (input: {
  programName: string;
  periodLabel: string;
  rows: Array<{ rank: number; name: string; points: number; change?: RankChange }>;
  objective?: ObjectiveProgress | null;
  footer?: string;
}) => Promise<{ png: Uint8Array; width: number; height: number }>;

export const jobKeyFor = (programId: number) => `leaderboard:${programId}`;

export interface WeeklyOptions {
  claimedBy: string;
  renderCard: CardRenderer;
}

/** One tick over every program. Returns how many boards were queued for posting. */
export async function runDueLeaderboards(deps: CoreDeps, o: WeeklyOptions): Promise<number> {
  const now = deps.now();
  return tickEachProgram(deps, await deps.store.activity.programsWithBoards(), 'weekly leaderboard', (programId) => tickProgram(deps, programId, now, o));
}

/** The earliest weekly post after `after` (every program with an announcement channel), or null. */
export async function nextBoardRun(deps: CoreDeps, after: Date): Promise<Date | null> {
  const schedules = [];
  for (const programId of await deps.store.activity.programsWithBoards()) {
    const [program, settings] = await Promise.all([deps.store.programs.byId(programId), deps.store.activity.boardSettings(programId)]);
    if (program?.announceChannelId && settings) schedules.push({ cron: settings.cron, zone: program.timeZone });
  }
  return earliestNextRun(schedules, after);
}

async function tickProgram(deps: CoreDeps, programId: number, now: Date, o: WeeklyOptions): Promise<'posted' | 'skipped' | 'idle'> {
  const { store } = deps;
  const [program, settings] = await Promise.all([store.programs.byId(programId), store.activity.boardSettings(programId)]);
  if (!program?.announceChannelId || !settings) return 'idle';
  const due = previousRun(settings.cron, program.timeZone, now);
  if (!due || now.getTime() - due.getTime() > GRACE_MS) return 'idle';
  const week = weekBefore(due, program.timeZone);
  const ref = { jobKey: jobKeyFor(program.id), period: weekKey(week, program.timeZone), claimedBy: o.claimedBy };
  const late = now.getTime() - due.getTime() > LATE_AFTER_MS;
  const build = () => weeklyPost(deps, program, week, settings.size, o.renderCard);
  return claimThenPost(deps, { ref, late, now, skipReason: 'no verified activity and no new ambassadors' }, build, async (r, message) => {
    if (message) {
      await r.outbox.enqueue({ kind: 'post', programId: program.id, platform: program.platform, workspaceId: program.workspaceId, channelId: program.announceChannelId!, message });
    }
    await audit(r, {
      programId: program.id, actorId: null, action: message ? 'leaderboard.posted' : 'leaderboard.skipped', subject: { type: 'program', id: program.id },
      data: { week: ref.period, late },
    }, now);
  });
}

/** The week's post: text (the accessible version) and the card. Null when there is nothing to say. */
export async function weeklyPost(deps: CoreDeps, program: Program, week: Range, size: number, renderCard: CardRenderer): Promise<OutboundMessage | null> {
  const r = deps.store;
  const zone = program.timeZone;
  const base = { programId: program.id, ...week };
  const [rows, contributors, newcomers, objective] = await Promise.all([
    r.activity.leaderboard({ ...base, limit: size }),
    r.activity.contributors(base),
    r.activity.newAmbassadors(program.id, week),
    programProgress(r, program, week.to),
  ]);
  if (!rows.length && contributors === 0 && !newcomers.length) return null;
  const before = await r.activity.ranksOf({ programId: program.id, ...previousWeek(week, zone), memberIds: rows.map((x) => x.memberId) });
  const ranked = rows.map((x) => {
    const was = before.get(x.memberId);
    return { ...x, change: (was === undefined ? 'new' : was - x.rank) as RankChange };
  });

  const label = weekLabel(week, zone);
  const lines = [`**${label}** (${zone}) — top ${size}`, ranked.length ? boardLines(ranked) : '_No verified activity on the public board this week._'];
  if (objective) lines.push('', `**Objective — ${program.objectiveText}:** ${progressText(objective)}`);
  if (newcomers.length) lines.push('', `**Welcome** to our new ambassador${newcomers.length === 1 ? '' : 's'}: ${newcomers.join(', ')}!`);
  const who = plural(contributors, 'person', 'people');
  lines.push('', contributors ? `**${who}** contributed this week. Thank you, all of you!` : 'Nobody logged verified activity this week — a fresh start awaits.');

  const card = await renderCard({
    programName: program.name, periodLabel: label, objective,
    rows: ranked.map((x) => ({ rank: x.rank, name: x.displayName, points: x.points, change: x.change })),
    footer: `${who} contributed · only verified activity counts`,
  });
  const alt = `${program.name} leaderboard, ${label}: ${ranked.map((x) => `${x.rank}. ${x.displayName} ${formatPoints(x.points)}`).join('; ') || 'no ranked activity'}` +
    (objective ? `. Objective: ${progressText(objective)}` : '');
  return {
    title: `${program.name} — weekly leaderboard`,
    text: lines.join('\n'),
    footer: 'Ties share a rank · /me shows your standing · /leaderboard optout keeps you off the public board',
    tone: 'info',
    image: { png: card.png, name: `leaderboard-${weekKey(week, zone)}.png`, alt: alt.slice(0, 1000) },
  };
}
