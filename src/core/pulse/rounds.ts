// A round's life, run by the scheduler's tick on every process: open (fix the audience, DM each
// person the question), remind once those who haven't answered, close (results to staff, erase what
// linked answers to people, schedule the next round of a recurring pulse). Each move is a conditional
// update on the round's status, so across processes it happens exactly once.
import { audit } from '../audit.js';
import type { CoreDeps } from '../deps.js';
import { nextRuns } from '../campaigns/next-runs.js';
import { newRoundKey } from './anonymity.js';
import type { Program } from '../model.js';
import { formatDate } from '../text.js';
import type { Pulse, PulseAudience, PulseRound } from './model.js';
import { questionMessage } from './messages.js';
import { resultsChart, resultsMessage, tally } from './results.js';

const BATCH = 50;

/** When a round that opens at `opensAt` closes, and when its one reminder goes (a day before, or halfway). */
export function roundTimes(opensAt: Date, minutes: number): { opensAt: Date; closesAt: Date; remindAt: Date } {
  const closesAt = new Date(opensAt.getTime() + minutes * 60_000);
  return { opensAt, closesAt, remindAt: new Date(closesAt.getTime() - Math.min(24 * 3600_000, (minutes * 60_000) / 2)) };
}

/** Who a pulse asks, as member ids: the program's active ambassadors, its committee, or both. */
export async function audienceOf(deps: CoreDeps, programId: number, audience: PulseAudience): Promise<number[]> {
  const ids = new Set<number>();
  if (audience !== 'committee') for (const a of await deps.store.ambassadors.active(programId)) ids.add(a.memberId);
  if (audience !== 'ambassadors') for (const id of await deps.store.committee.memberIds(programId)) ids.add(id);
  return [...ids];
}

/** The round with its pulse and program, when `ready` says this step applies to it (else null). */
async function roundFor(deps: CoreDeps, roundId: number, ready: (round: PulseRound, pulse: Pulse) => boolean) {
  const found = await deps.store.pulses.round(roundId);
  if (!found || !ready(found.round, found.pulse)) return null;
  const program = await deps.store.programs.byId(found.pulse.programId);
  return program ? { ...found, program } : null;
}

/** Opens a scheduled round: how many people it went to, or null when another process opened it. */
export async function openRound(deps: CoreDeps, roundId: number): Promise<number | null> {
  const found = await roundFor(deps, roundId, (r, p) => r.status === 'scheduled' && !p.stoppedAt);
  if (!found) return null;
  const { pulse, round, program } = found;
  if (round.closesAt <= deps.now()) return skipRound(deps, program, pulse, round);
  const memberIds = await audienceOf(deps, pulse.programId, pulse.audience);
  const salt = pulse.anonymous ? newRoundKey() : null;
  const opened = await deps.store.transaction(async (r) => {
    if (!(await r.pulses.open(round.id, { memberIds, salt }))) return false;
    const message = questionMessage(program, pulse, { ...round, salt, status: 'open' }, 'ask');
    await r.outbox.enqueueMany(memberIds.map((memberId) => ({ kind: 'dm' as const, memberId, message })));
    await audit(r, { programId: program.id, actorId: null, action: 'pulse.opened', subject: { type: 'pulse', id: pulse.id }, data: { round: round.number, invited: memberIds.length } }, deps.now());
    return true;
  });
  if (!opened) return null;
  deps.kick();
  return memberIds.length;
}

/**
 * A round whose whole window passed while the bot was down is not asked late (it would close at
 * once): it is closed without results, the next round of a recurring pulse is scheduled (else the
 * recurrence would stop here), and staff are told.
 */
async function skipRound(deps: CoreDeps, program: Program, pulse: Pulse, round: PulseRound): Promise<null> {
  const now = deps.now();
  const zone = program.timeZone;
  const skipped = await deps.store.transaction(async (r) => {
    if (!(await r.pulses.skip(round.id, now))) return false;
    const next = nextRound(pulse, round, zone, now);
    if (next) await r.pulses.addRound(pulse.id, next);
    const then = next ? ` The next round opens ${formatDate(next.opensAt, zone)}.` : '';
    await r.outbox.enqueue({
      kind: 'staff.alert', programId: program.id, title: `Pulse #${pulse.id}: a round was missed`, tone: 'warning',
      text: `Round ${round.number} of “${pulse.question}” was due from ${formatDate(round.opensAt, zone)} to ${formatDate(round.closesAt, zone)}, while I wasn't running, so it was skipped rather than asked after its close.${then}`,
    });
    await audit(r, { programId: program.id, actorId: null, action: 'pulse.skipped', subject: { type: 'pulse', id: pulse.id }, data: { round: round.number } }, now);
    return true;
  });
  if (skipped) deps.kick();
  return null;
}

/**
 * Sends the round's one reminder; how many, or null when it was sent already. A named pulse reminds
 * those who haven't answered; an anonymous one reminds everyone asked, so no stored message says who
 * had answered.
 */
export async function remindRound(deps: CoreDeps, roundId: number): Promise<number | null> {
  const found = await roundFor(deps, roundId, (r) => r.status === 'open' && !r.remindedAt);
  if (!found) return null;
  const { pulse, round, program } = found;
  const sent = await deps.store.transaction(async (r) => {
    if (!(await r.pulses.markReminded(round.id, deps.now()))) return null;
    const invitees = await r.pulses.invitees(round.id);
    const done = pulse.anonymous ? new Set<number>() : await r.pulses.answeredBy(round.id, invitees);
    const waiting = invitees.filter((memberId) => !done.has(memberId));
    const message = questionMessage(program, pulse, round, 'remind');
    await r.outbox.enqueueMany(waiting.map((memberId) => ({ kind: 'dm' as const, memberId, message })));
    return waiting.length;
  });
  if (sent) deps.kick();
  return sent;
}

/** Closes an open round (its time has come, or staff closed it): results to staff; false when already closed. */
export async function closeRound(deps: CoreDeps, roundId: number): Promise<boolean> {
  const found = await roundFor(deps, roundId, (r) => r.status === 'open');
  if (!found) return false;
  const { pulse, round, program } = found;
  const now = deps.now();
  // The chart is drawn before the transaction, from the answers as they are now; if one more answer
  // lands before the close commits, the post goes without the (stale) chart rather than wrong.
  const earlier = (await deps.store.pulses.rounds(pulse.id)).filter((r) => r.status === 'closed' && r.number < round.number);
  const early = tally(pulse, round.invited, await deps.store.pulses.answers(round.id));
  const chart = await resultsChart(deps, program, pulse, { ...round, results: early }, earlier);
  const closed = await deps.store.transaction(async (r) => {
    if (!(await r.pulses.close(round.id, now))) return false;
    const answers = await r.pulses.answers(round.id);
    const results = tally(pulse, round.invited, answers);
    await r.pulses.settle(round.id, results);
    const next = nextRound(pulse, round, program.timeZone, now);
    if (next) await r.pulses.addRound(pulse.id, next);
    const same = results.responses === early.responses && results.counts.join() === early.counts.join();
    const message = resultsMessage(program, pulse, { ...round, status: 'closed', closedAt: now, results }, answers, earlier, same ? chart : null);
    const channelId = program.staffChannelId ?? program.committeeChannelId;
    await r.outbox.enqueue(channelId
      ? { kind: 'post', programId: program.id, platform: program.platform, workspaceId: program.workspaceId, channelId, message }
      : { kind: 'staff.alert', programId: program.id, title: message.title, text: message.text, tone: 'info' });
    await audit(r, { programId: program.id, actorId: null, action: 'pulse.results', subject: { type: 'pulse', id: pulse.id }, data: { round: round.number, responses: results.responses, invited: results.invited } }, now);
    return true;
  });
  if (closed) deps.kick();
  return closed;
}

/** A recurring pulse's next round: at its next recurrence after this one, or none when stopped. */
function nextRound(pulse: Pulse, round: PulseRound, zone: string, now: Date) {
  if (!pulse.recurrence || pulse.stoppedAt) return null;
  const after = new Date(Math.max(round.opensAt.getTime(), now.getTime()));
  const [opensAt] = nextRuns(pulse.recurrence.cron, zone, after, 1);
  return opensAt ? { number: round.number + 1, ...roundTimes(opensAt, pulse.openMinutes) } : null;
}

/** One tick: every round whose time has come moves on; how many moved. */
export async function runDuePulses(deps: CoreDeps): Promise<number> {
  const now = deps.now();
  let moved = 0;
  const each = async (rounds: PulseRound[], step: (id: number) => Promise<unknown>, what: string) => {
    for (const r of rounds) {
      try {
        const out = await step(r.id);
        if (out !== null && out !== false) moved++;
      } catch (err) {
        deps.log.error({ err, round: r.id }, `pulse ${what} failed`);
      }
    }
  };
  await each(await deps.store.pulses.dueToClose(now, BATCH), (id) => closeRound(deps, id), 'close');
  await each(await deps.store.pulses.dueToOpen(now, BATCH), (id) => openRound(deps, id), 'open');
  await each(await deps.store.pulses.dueToRemind(now, BATCH), (id) => remindRound(deps, id), 'reminder');
  return moved;
}
