// Answering a pulse: a tap on a DM button, a typed /pulse answer (for people who can't get DMs), or
// the text form. One answer per person per round, changeable until the round closes. The round's row
// lock is held while the answer is saved, so an answer never lands after the close counted them.
import type { CoreDeps } from '../deps.js';
import { fail } from '../errors.js';
import type { Actor, Program } from '../model.js';
import type { FormSpec } from '../ports/chat-platform.js';
import { formatDate } from '../text.js';
import { voterFor } from './anonymity.js';
import { MAX_TEXT_ANSWER, optionCount, optionLabel, type Pulse, type PulseAnswer, type PulseRound } from './model.js';
import type { OpenInvite } from './repository.js';

export interface AnswerInput {
  actor: Actor;
  roundId: number;
  /** A scale value or option number (or, typed, an option's name). */
  value?: string;
  text?: string;
  comment?: string;
}

export type AnswerOutcome =
  | { kind: 'saved'; changed: boolean; program: Program; pulse: Pulse; round: PulseRound; answer: PulseAnswer }
  | { kind: 'form'; form: FormSpec };

export const formIdFor = (roundId: number, field: 'answer' | 'comment') => `pulse:${roundId}:${field}`;

export function parseFormId(id: string): { roundId: number; field: 'answer' | 'comment' } | null {
  const m = /^pulse:(\d+):(answer|comment)$/.exec(id);
  return m ? { roundId: Number(m[1]), field: m[2] as 'answer' | 'comment' } : null;
}

/** The round, if this person may answer it now; otherwise a specific reason. */
async function answerable(deps: CoreDeps, actor: Actor, roundId: number) {
  const found = await deps.store.pulses.round(roundId);
  const program = found && (await deps.store.programs.byId(found.pulse.programId));
  const { member } = actor;
  if (!found || !program || program.platform !== member.platform || program.workspaceId !== member.workspaceId) {
    return fail('invalid_input', `There is no pulse round #${roundId} here. /pulse answer with no options lists the ones open to you.`);
  }
  const { pulse, round } = found;
  if (round.status === 'scheduled') fail('invalid_input', `This pulse opens ${formatDate(round.opensAt, program.timeZone)}; answer it then.`);
  if (round.status === 'closed' || round.closesAt <= deps.now()) fail('invalid_input', `This pulse closed ${formatDate(round.closesAt, program.timeZone)}, so answers are no longer taken. Thank you all the same!`);
  if (!(await deps.store.pulses.invited(round.id, member.id))) {
    fail('invalid_input', `This pulse went to ${program.name}'s ${pulse.audience === 'both' ? 'ambassadors and committee' : pulse.audience} when it opened; you weren't among them, so it isn't yours to answer.`);
  }
  return { program, pulse, round };
}

function parseValue(pulse: Pulse, raw: string): number {
  const n = optionCount(pulse);
  const t = raw.trim();
  if (/^\d+$/.test(t) && Number(t) >= 1 && Number(t) <= n) return Number(t);
  const named = pulse.kind === 'choice' ? pulse.choices.findIndex((c) => c.toLowerCase() === t.toLowerCase()) : -1;
  if (named >= 0) return named + 1;
  const options = pulse.kind === 'choice' ? `1 to ${n} (${pulse.choices.map((c, i) => `${i + 1} ${c}`).join(', ')})` : `1 to ${n}`;
  return fail('invalid_input', `"${t}" isn't one of the answers: pick ${options}.`);
}

const textForm = (round: PulseRound, pulse: Pulse, field: 'answer' | 'comment', value?: string | null): FormSpec => ({
  id: formIdFor(round.id, field),
  title: field === 'answer' ? 'Your answer' : 'Your comment',
  intro: pulse.question,
  fields: [{ id: field, label: field === 'answer' ? 'Your answer' : 'Comment (optional)', kind: 'paragraph', required: field === 'answer', minLength: field === 'answer' ? 1 : 0, maxLength: MAX_TEXT_ANSWER, ...(value ? { value } : {}) }],
  submitLabel: 'Send',
});

export async function answerPulse(deps: CoreDeps, o: AnswerInput): Promise<AnswerOutcome> {
  const { program, pulse, round } = await answerable(deps, o.actor, o.roundId);
  const voter = voterFor(pulse, round, o.actor.member.id);
  if (o.comment !== undefined && !pulse.comment) fail('invalid_input', "This pulse doesn't take comments; your answer alone is what staff asked for.");
  if (pulse.kind === 'text') {
    if (o.value !== undefined) fail('invalid_input', 'This question takes words, not a number: text:"…"');
    if (o.text === undefined) return { kind: 'form', form: textForm(round, pulse, 'answer', (await deps.store.pulses.answerOf(round.id, voter))?.text) };
  } else if (o.text !== undefined) {
    fail('invalid_input', `This question takes a tap, not words: value:1 to value:${optionCount(pulse)}${pulse.comment ? ', and comment:"…" if you like' : ''}.`);
  }
  const value = o.value !== undefined ? parseValue(pulse, o.value) : undefined;
  if (pulse.kind !== 'text' && value === undefined && o.comment === undefined) {
    fail('invalid_input', `Pick your answer: value:1 to value:${optionCount(pulse)}.`);
  }
  const saved = await deps.store.transaction(async (r) => {
    if (!(await r.pulses.lockOpen(round.id, deps.now()))) return null;
    const before = await r.pulses.answerOf(round.id, voter);
    if (value === undefined && o.text === undefined && !before) return 'unanswered' as const;
    const answer: PulseAnswer = {
      value: value ?? before?.value ?? null,
      text: o.text ?? before?.text ?? null,
      comment: o.comment === undefined ? before?.comment ?? null : o.comment.trim() || null,
    };
    return { answer, changed: (await r.pulses.saveAnswer(round.id, voter, answer)) === 'changed' };
  });
  if (saved === null) return fail('invalid_input', `This pulse closed ${formatDate(round.closesAt, program.timeZone)}, so answers are no longer taken.`);
  if (saved === 'unanswered') return fail('invalid_input', `Answer first (value:1 to value:${optionCount(pulse)}), then add your comment.`);
  return { kind: 'saved', changed: saved.changed, program, pulse, round, answer: saved.answer };
}

/** The comment form, with what they wrote before. */
export async function commentForm(deps: CoreDeps, o: { actor: Actor; roundId: number }): Promise<FormSpec> {
  const { pulse, round } = await answerable(deps, o.actor, o.roundId);
  if (!pulse.comment) fail('invalid_input', "This pulse doesn't take comments.");
  return textForm(round, pulse, 'comment', (await deps.store.pulses.answerOf(round.id, voterFor(pulse, round, o.actor.member.id)))?.comment);
}

/** The rounds open to this person now (what /pulse answer alone lists). */
export const openInvites = (deps: CoreDeps, actor: Actor): Promise<OpenInvite[]> => deps.store.pulses.openInvitesOf(actor.member.id, deps.now());

export const answerText = (pulse: Pulse, a: PulseAnswer): string =>
  a.value !== null ? optionLabel(pulse, a.value) : a.text ? `"${a.text.length > 80 ? `${a.text.slice(0, 79)}…` : a.text}"` : '—';
