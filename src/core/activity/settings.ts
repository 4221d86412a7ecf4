// When and how big the weekly leaderboard is (staff). Stored as a cron line in the program's time
// zone; staff pick a day and a time, which is all a weekly post needs.
import type { CommandContext } from '../commands/context.js';
import { audit } from '../audit.js';
import { fail } from '../errors.js';
import type { Program } from '../model.js';
import type { Reply } from '../ports/chat-platform.js';
import { say } from '../replies.js';
import { nextRuns } from '../campaigns/next-runs.js';
import { requireStaff } from './kinds.js';
import { formatDate } from '../text.js';

export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export const MAX_BOARD_SIZE = 25;

export function weeklyCron(day: Weekday, time: string): string {
  const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(time.trim());
  if (!m) return fail('invalid_input', 'time: use 24-hour HH:MM, e.g. time:09:00.');
  return `${Number(m[2])} ${Number(m[1])} * * ${WEEKDAYS.indexOf(day)}`;
}

export async function boardSettings(ctx: CommandContext, program: Program, input: { day?: Weekday; time?: string; size?: number }): Promise<Reply> {
  requireStaff(ctx, 'change the leaderboard settings');
  const { store, now } = ctx.deps;
  const current = (await store.activity.boardSettings(program.id)) ?? { cron: '0 9 * * 1', size: 10 };
  const [minute, hour, , , dow] = current.cron.split(' ');
  const patch: { cron?: string; size?: number } = {};
  if (input.day !== undefined || input.time !== undefined) {
    const day = input.day ?? WEEKDAYS[Number(dow)] ?? 'monday';
    const time = input.time ?? `${hour}:${String(minute).padStart(2, '0')}`;
    patch.cron = weeklyCron(day, time);
  }
  if (input.size !== undefined) patch.size = input.size;
  if (Object.keys(patch).length) {
    await store.transaction(async (r) => {
      await r.activity.setBoardSettings(program.id, patch);
      await audit(r, { programId: program.id, actorId: ctx.member.id, action: 'leaderboard.settings_changed', subject: { type: 'program', id: program.id }, data: { before: current, after: patch } }, now());
    });
  }
  const cron = patch.cron ?? current.cron;
  const size = patch.size ?? current.size;
  const [next] = nextRuns(cron, program.timeZone, now(), 1);
  const where = program.announceChannelId
    ? `in <#${program.announceChannelId}>`
    : 'nowhere yet: set an announcement channel with /program setup announce_channel:#…';
  return say(
    `The weekly leaderboard (top ${size}, covering the last full week, Monday to Sunday) is posted ${where}.\nNext: ${next ? formatDate(next, program.timeZone) : 'never (check the schedule)'}.`,
    { title: `${Object.keys(patch).length ? 'Updated' : 'Leaderboard settings'} — ${program.name}` },
  );
}
