// What an ambassador sees of the boards: /me, /leaderboard show (private to the caller), and the
// choice to stay off the public board while still seeing their own standing.
import { audit } from '../audit.js';
import type { CoreDeps } from '../deps.js';
import { fail } from '../errors.js';
import type { Actor, Program } from '../model.js';
import type { Activity } from './model.js';
import { monthContaining, monthLabel, weekContaining, weekLabel, type Range } from './periods.js';
import type { BoardQuery, BoardRow, Standing } from './repository.js';

export type BoardPeriod = 'week' | 'month' | 'all' | 'campaign';

const DEFAULT_SIZE = 10;

export type MyStanding =
  | { kind: 'not_ambassador' }
  | { kind: 'standing'; thisWeek: Standing | null; allTime: Standing | null; recent: Activity[] };

export async function myStanding(deps: CoreDeps, o: { program: Program; actor: Actor }): Promise<MyStanding> {
  const { store, now } = deps;
  const { program } = o;
  const memberId = o.actor.member.id;
  const amb = await store.ambassadors.byMember(program.id, memberId);
  if (amb?.status !== 'active') return { kind: 'not_ambassador' };
  const base = { programId: program.id, memberId };
  const week = weekContaining(now(), program.timeZone);
  const [thisWeek, allTime, recent] = await Promise.all([
    store.activity.standing({ ...base, ...week }),
    store.activity.standing(base),
    store.activity.recent(program.id, memberId, 5),
  ]);
  return { kind: 'standing', thisWeek, allTime, recent };
}

export interface Board {
  /** "Week of 2 March 2026, so far", "March 2026", "All time", "Campaign “Spring”". */
  label: string;
  rows: BoardRow[];
  /** The caller's own standing, opted out or not (null: nothing in the period). */
  mine: Standing | null;
}

export async function leaderboard(deps: CoreDeps, o: { program: Program; actor: Actor; period?: BoardPeriod; campaignId?: number }): Promise<Board> {
  const { store, now } = deps;
  const { program } = o;
  const period = o.period ?? (o.campaignId !== undefined ? 'campaign' : 'week');
  let range: Partial<Range> = {};
  let label: string;
  let campaignId: number | undefined;
  if (period === 'week') {
    const week = weekContaining(now(), program.timeZone);
    range = week;
    label = `${weekLabel(week, program.timeZone)}, so far`;
  } else if (period === 'month') {
    const month = monthContaining(now(), program.timeZone);
    range = month;
    label = monthLabel(month, program.timeZone);
  } else if (period === 'campaign') {
    if (o.campaignId === undefined) return fail('invalid_input', 'campaign: which campaign? e.g. /leaderboard show period:campaign campaign:3 (see /campaign list).');
    const c = await store.activity.campaign(program.id, o.campaignId);
    if (!c) return fail('invalid_input', `campaign: ${program.name} has no campaign ${o.campaignId}.`);
    campaignId = c.id;
    label = `Campaign “${c.title}”`;
  } else {
    label = 'All time';
  }
  const q: BoardQuery = { programId: program.id, ...range, ...(campaignId ? { campaignId } : {}) };
  const size = (await store.activity.boardSettings(program.id))?.size ?? DEFAULT_SIZE;
  const rows = await store.activity.leaderboard({ ...q, limit: size });
  const mine = await store.activity.standing({ ...q, memberId: o.actor.member.id });
  return { label, rows, mine };
}

/** Whether anything changed (false: they were already where they asked to be). */
export async function setOptOut(deps: CoreDeps, o: { program: Program; actor: Actor; optOut: boolean }): Promise<{ optOut: boolean; changed: boolean }> {
  const { program, optOut } = o;
  const memberId = o.actor.member.id;
  const changed = await deps.store.transaction(async (r) => {
    const did = await r.activity.setOptOut(program.id, memberId, optOut);
    if (did) {
      await audit(r, { programId: program.id, actorId: memberId, action: optOut ? 'leaderboard.opted_out' : 'leaderboard.opted_in', subject: { type: 'member', id: memberId } }, deps.now());
    }
    return did;
  });
  return { optOut, changed };
}
