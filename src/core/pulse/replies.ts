// Replies to pulse commands, as people read them.
import type { Program } from '../model.js';
import type { Reply } from '../ports/chat-platform.js';
import { say } from '../replies.js';
import { formatDate, plural } from '../text.js';
import { answerText, type AnswerOutcome } from './answer.js';
import { answerActions, privacyLine, typedAnswer } from './messages.js';
import type { Pulse, PulseRound } from './model.js';
import { describeMinutes } from './parse.js';
import type { OpenInvite } from './repository.js';
import { responseRate } from './results.js';

const kindText = (p: Pulse) => (p.kind === 'scale' ? '1–5 scale' : p.kind === 'choice' ? `choice of ${p.choices.length}` : 'text');

export function createdReply(program: Program, o: { pulse: Pulse; round: PulseRound; sentTo: number | null }): Reply {
  const { pulse, round } = o;
  const when = o.sentTo !== null
    ? `Sent to ${plural(o.sentTo, 'person', 'people')} by DM now; it closes ${formatDate(round.closesAt, program.timeZone)}.`
    : `${pulse.recurrence!.text}, open ${describeMinutes(pulse.openMinutes)} each time. The first round opens ${formatDate(round.opensAt, program.timeZone)}.`;
  return say([
    `**${pulse.question}** (${kindText(pulse)}, ${pulse.anonymous ? 'anonymous' : 'named'}, to ${pulse.audience === 'both' ? 'ambassadors and committee' : pulse.audience})`,
    when,
    `One reminder goes before it closes (${pulse.anonymous ? 'to everyone asked, so nothing records who answered' : 'to those who haven\'t answered'}); the results come to the staff channel at the close.`,
  ].join('\n'), { title: `Pulse #${pulse.id} created`, tone: 'success' });
}

export function savedReply(o: Extract<AnswerOutcome, { kind: 'saved' }>): Reply {
  const { pulse, round, program } = o;
  const lines = [
    `${o.changed ? 'Changed: your answer is now' : 'Thank you! Your answer:'} **${answerText(pulse, o.answer)}**${o.answer.comment ? ` — with your comment` : ''}.`,
    `You can change it until ${formatDate(round.closesAt, program.timeZone)}${pulse.kind === 'text' ? '.' : ': tap another answer.'}`,
    privacyLine(pulse),
  ];
  const actions = pulse.comment ? [{ label: o.answer.comment ? 'Edit my comment' : 'Add a comment', command: 'pulse comment', options: { round: round.id } }] : undefined;
  return say(lines.join('\n'), { tone: 'success', ...(actions ? { actions } : {}) });
}

export function openInvitesReply(invites: OpenInvite[]): Reply {
  if (!invites.length) return say('No pulse is waiting for your answer right now. Thank you for keeping up!');
  const [first] = invites;
  const lines = invites.map(({ pulse, round }) => `• **${pulse.question}** — ${typedAnswer(pulse, round)} (round #${round.id})`);
  // The first one's buttons too: someone whose DMs are closed can still answer with a tap here.
  return say([`${plural(invites.length, 'pulse')} open to you:`, ...lines].join('\n'), { actions: answerActions(first!.pulse, first!.round) });
}

export function listReply(program: Program, pulses: Array<{ pulse: Pulse; rounds: PulseRound[] }>): Reply {
  if (!pulses.length) return say(`${program.name} has no pulses yet. /pulse create asks ambassadors one question.`);
  const line = ({ pulse, rounds }: { pulse: Pulse; rounds: PulseRound[] }) => {
    const open = rounds.find((r) => r.status === 'open');
    const next = rounds.find((r) => r.status === 'scheduled');
    const last = rounds.filter((r) => r.results).at(-1);
    const state = open ? `open until ${formatDate(open.closesAt, program.timeZone)}`
      : next && !pulse.stoppedAt ? `next round ${formatDate(next.opensAt, program.timeZone)}` : pulse.stoppedAt ? 'stopped' : 'closed';
    const result = last?.results ? ` · last: ${responseRate(last.results)}% answered${last.results.average !== null ? `, avg ${last.results.average.toFixed(1)}` : ''}` : '';
    return `• #${pulse.id} **${pulse.question}** (${kindText(pulse)}${pulse.recurrence ? `, ${pulse.recurrence.text.toLowerCase()}` : ''}) — ${state}${result}`;
  };
  return say(pulses.map(line).join('\n'), { title: `${program.name} — pulses` });
}

export const stoppedReply = (p: Pulse): Reply => say(`Pulse #${p.id} is stopped: no more rounds. A round that is open still closes as planned, with results.`, { tone: 'success' });
export const closedReply = (p: Pulse, r: PulseRound): Reply => say(`Round ${r.number} of pulse #${p.id} is closed; the results are on their way to the staff channel.`, { tone: 'success' });
