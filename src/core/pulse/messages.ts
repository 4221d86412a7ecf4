// What people get by DM: the question with one-tap answers (buttons that run /pulse answer), and
// the same again as the one reminder. The typed command is there too, for anyone who can't tap.
import type { Program } from '../model.js';
import type { MessageAction, OutboundMessage } from '../ports/chat-platform.js';
import { formatDate } from '../text.js';
import { SCALE_LABELS, optionCount, type Pulse, type PulseRound } from './model.js';

/** The buttons of a round: one per scale value or option, or one that opens the text form. */
export function answerActions(pulse: Pulse, round: Pick<PulseRound, 'id'>): MessageAction[] {
  if (pulse.kind === 'text') return [{ label: 'Write my answer', command: 'pulse answer', options: { round: round.id }, style: 'primary' }];
  const labels = pulse.kind === 'scale' ? SCALE_LABELS : pulse.choices;
  return Array.from({ length: optionCount(pulse) }, (_, i) => ({ label: labels[i]!, command: 'pulse answer', options: { round: round.id, value: i + 1 } }));
}

/** How to answer by typing (DMs closed, or no buttons): the exact command. */
export function typedAnswer(pulse: Pulse, round: Pick<PulseRound, 'id'>): string {
  if (pulse.kind === 'text') return `/pulse answer round:${round.id} text:"…"`;
  return `/pulse answer round:${round.id} value:<1–${optionCount(pulse)}>`;
}

export const privacyLine = (pulse: Pulse): string =>
  pulse.anonymous
    ? '_Anonymous: staff see the counts and comments, never who answered._'
    : '_Named: staff see your name with your answer._';

export function questionMessage(program: Program, pulse: Pulse, round: PulseRound, why: 'ask' | 'remind'): OutboundMessage {
  const how = pulse.kind === 'scale' ? 'Tap 1 (not at all) to 5 (very).' : pulse.kind === 'choice' ? 'Tap the one that fits best.' : 'Tap to write your answer.';
  const lines = [
    `**${pulse.question}**`,
    '',
    `${how}${pulse.comment ? ' You can add a comment after.' : ''} You can change your answer until it closes, ${formatDate(round.closesAt, program.timeZone)}.`,
    privacyLine(pulse),
    ...(why === 'remind' && pulse.anonymous ? ["If you've answered already, thank you: there is nothing more to do. (Anonymous pulses remind everyone, so nothing records who answered.)"] : []),
    '',
    `Can't tap? Type ${typedAnswer(pulse, round)}`,
  ];
  return {
    title: why === 'ask' ? `${program.name} asks: a quick question` : `${program.name}: a reminder, the question closes soon`,
    text: lines.join('\n'),
    footer: `Pulse #${pulse.id}, round ${round.number}`,
    tone: 'info',
    actions: answerActions(pulse, round),
  };
}
