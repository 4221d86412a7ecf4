// Staff create, stop and close pulses. A one-off pulse opens at once; a recurring one opens at its
// next recurrence, and each round stays open for the same length of time.
import { audit } from '../audit.js';
import type { CoreDeps } from '../deps.js';
import { fail } from '../errors.js';
import type { Actor, Program } from '../model.js';
import { parseRecurrence } from '../campaigns/recurrence.js';
import { nextRuns } from '../campaigns/next-runs.js';
import type { Pulse, PulseAudience, PulseKind, PulseRound } from './model.js';
import { describeMinutes, openMinutes, parseChoices } from './parse.js';
import { audienceOf, closeRound, openRound, roundTimes } from './rounds.js';

export interface CreatePulseInput {
  program: Program;
  actor: Actor;
  question: string;
  kind: PulseKind;
  choices?: string;
  comment?: boolean;
  audience: PulseAudience;
  anonymous?: boolean;
  closes?: string;
  repeat?: string;
}

export async function createPulse(deps: CoreDeps, o: CreatePulseInput): Promise<{ pulse: Pulse; round: PulseRound; sentTo: number | null }> {
  const now = deps.now();
  const zone = o.program.timeZone;
  if (o.kind !== 'choice' && o.choices !== undefined) fail('invalid_input', `choices: are for kind:choice; a ${o.kind} pulse has none.`);
  if (o.kind === 'text' && o.comment) fail('invalid_input', 'comment: is for scale and choice pulses: a text pulse\'s answer is already in words.');
  const choices = o.kind === 'choice' ? parseChoices(o.choices) : [];
  let recurrence: Pulse['recurrence'] = null;
  if (o.repeat !== undefined) {
    const r = parseRecurrence(o.repeat);
    if (!r.ok) fail('invalid_input', `repeat: ${r.error}`);
    else recurrence = { cron: r.cron, text: r.description };
  }
  const minutes = openMinutes(o.closes, { recurring: recurrence !== null, zone, now });
  const [first, second] = recurrence ? nextRuns(recurrence.cron, zone, now, 2) : [now];
  if (!first) fail('invalid_input', `repeat: "${o.repeat}" never comes round again.`);
  if (second && second.getTime() - first!.getTime() < minutes * 60_000) {
    fail('invalid_input', `Each round would still be open when the next one starts (${recurrence!.text}, open ${describeMinutes(minutes)}): make closes: shorter or repeat less often.`);
  }
  if ((await audienceOf(deps, o.program.id, o.audience)).length === 0) {
    const who = o.audience === 'both' ? 'ambassadors or committee members' : o.audience === 'committee' ? 'committee members' : 'ambassadors';
    fail('invalid_input', `${o.program.name} has no ${who} yet, so there is no one to ask. Try another audience: (ambassadors, committee or both).`);
  }
  const created = await deps.store.transaction(async (r) => {
    const c = await r.pulses.create(
      { programId: o.program.id, question: o.question, kind: o.kind, choices, comment: o.comment ?? false, audience: o.audience, anonymous: o.anonymous ?? true, recurrence, openMinutes: minutes },
      roundTimes(first!, minutes), now,
    );
    await audit(r, { programId: o.program.id, actorId: o.actor.member.id, action: 'pulse.created', subject: { type: 'pulse', id: c.pulse.id }, data: { kind: o.kind, audience: o.audience, anonymous: c.pulse.anonymous, recurring: recurrence !== null } }, now);
    return c;
  });
  // A one-off pulse goes out now, not at the next tick.
  const sentTo = recurrence ? null : await openRound(deps, created.round.id);
  return { ...created, sentTo };
}

const pulseIn = async (deps: CoreDeps, program: Program, id: number): Promise<Pulse> =>
  (await deps.store.pulses.byId(program.id, id)) ?? fail('invalid_input', `There is no pulse #${id} in ${program.name}. /pulse list shows them.`);

/** Staff stop a recurring pulse: no more rounds (an open round still closes as planned). */
export async function stopPulse(deps: CoreDeps, o: { program: Program; actor: Actor; id: number }): Promise<Pulse> {
  const pulse = await pulseIn(deps, o.program, o.id);
  if (pulse.stoppedAt) fail('invalid_input', `Pulse #${pulse.id} is already stopped.`);
  const now = deps.now();
  await deps.store.transaction(async (r) => {
    await r.pulses.stop(pulse.id, now);
    await audit(r, { programId: o.program.id, actorId: o.actor.member.id, action: 'pulse.stopped', subject: { type: 'pulse', id: pulse.id } }, now);
  });
  return { ...pulse, stoppedAt: now };
}

/** Staff close the open round now: results go out as at a normal close. */
export async function closePulseNow(deps: CoreDeps, o: { program: Program; actor: Actor; id: number }): Promise<{ pulse: Pulse; round: PulseRound }> {
  const pulse = await pulseIn(deps, o.program, o.id);
  const open = (await deps.store.pulses.rounds(pulse.id)).find((r) => r.status === 'open');
  if (!open) fail('invalid_input', `Pulse #${pulse.id} has no open round to close. /pulse results id:${pulse.id} shows the last results.`);
  const now = deps.now();
  if (!(await deps.store.pulses.closeEarly(open!.id, now))) fail('invalid_input', 'That round is closing already.');
  await audit(deps.store, { programId: o.program.id, actorId: o.actor.member.id, action: 'pulse.closed', subject: { type: 'pulse', id: pulse.id }, data: { round: open!.number } }, now);
  await closeRound(deps, open!.id);
  return { pulse, round: open! };
}
