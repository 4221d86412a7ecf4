// When and how big the weekly leaderboard is (staff). Stored as a cron line in the program's time
// zone; staff pick a day and a time, which is all a weekly post needs.
import { audit } from '../audit.js';
import type { CoreDeps } from '../deps.js';
import { fail } from '../errors.js';
import type { Actor, Program } from '../model.js';
import { nextRuns } from '../campaigns/next-runs.js';

export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export const MAX_BOARD_SIZE = 25;

export function weeklyCron(day: Weekday, time: string): string {
  const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(time.trim());
  if (!m) return fail('invalid_input', 'time: use 24-hour HH:MM, e.g. time:09:00.');
  return `${Number(m[2])} ${Number(m[1])} * * ${WEEKDAYS.indexOf(day)}`;
}

export interface BoardSettingsOutcome {
  changed: boolean;
  size: number;
  /** The next weekly post, or null when the schedule never fires. */
  next: Date | null;
}

/** Shows the settings, changing what was given first (day and time keep each other's current value). */
export async function boardSettings(
  deps: CoreDeps,
  o: { program: Program; actor: Actor; day?: Weekday; time?: string; size?: number },
): Promise<BoardSettingsOutcome> {
  const { store, now } = deps;
  const { program } = o;
  const current = (await store.activity.boardSettings(program.id)) ?? { cron: '0 9 * * 1', size: 10 };
  const [minute, hour, , , dow] = current.cron.split(' ');
  const patch: { cron?: string; size?: number } = {};
  if (o.day !== undefined || o.time !== undefined) {
    const day = o.day ?? WEEKDAYS[Number(dow)] ?? 'monday';
    const time = o.time ?? `${hour}:${String(minute).padStart(2, '0')}`;
    patch.cron = weeklyCron(day, time);
  }
  if (o.size !== undefined) patch.size = o.size;
  const changed = Object.keys(patch).length > 0;
  if (changed) {
    await store.transaction(async (r) => {
      await r.activity.setBoardSettings(program.id, patch);
      await audit(r, { programId: program.id, actorId: o.actor.member.id, action: 'leaderboard.settings_changed', subject: { type: 'program', id: program.id }, data: { before: current, after: patch } }, now());
    });
  }
  const [next] = nextRuns(patch.cron ?? current.cron, program.timeZone, now(), 1);
  return { changed, size: patch.size ?? current.size, next: next ?? null };
}
