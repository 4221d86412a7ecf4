// A round's results as staff read them: response rate, distribution, average, comments verbatim
// (adapters make every message mention-safe), and a chart; a recurring pulse also shows its trend
// against earlier rounds.
import type { CoreDeps } from '../deps.js';
import type { Program } from '../model.js';
import type { OutboundMessage } from '../ports/chat-platform.js';
import type { PulseChart } from '../ports/charts.js';
import { formatDate, formatNumber, plural } from '../text.js';
import { SCALE_MAX, optionCount, optionLabel, type Pulse, type PulseAnswer, type PulseRound, type RoundResults } from './model.js';
import { privacyLine } from './messages.js';

const SHOWN_COMMENTS = 20;
const COMMENT_CHARS = 300;

export function tally(pulse: Pulse, invited: number, answers: PulseAnswer[]): RoundResults {
  const counts = Array.from({ length: optionCount(pulse) }, () => 0);
  let sum = 0;
  let valued = 0;
  for (const a of answers) {
    if (a.value === null || a.value < 1 || a.value > counts.length) continue;
    counts[a.value - 1]!++;
    sum += a.value;
    valued++;
  }
  return { invited, responses: answers.length, counts, average: pulse.kind === 'scale' && valued ? Math.round((sum / valued) * 10) / 10 : null };
}

export const responseRate = (r: Pick<RoundResults, 'invited' | 'responses'>): number => (r.invited ? Math.round((r.responses / r.invited) * 100) : 0);

const bar = (n: number, max: number) => (max ? '█'.repeat(Math.round((n / max) * 10)) : '');

/** The chart of a round: its trend when earlier rounds closed, else its distribution (none for a one-off text pulse). */
export async function resultsChart(deps: CoreDeps, program: Program, pulse: Pulse, round: PulseRound & { results: RoundResults }, earlier: PulseRound[]) {
  if (!deps.charts) return null;
  const title = pulse.question.length > 80 ? `${pulse.question.slice(0, 79)}…` : pulse.question;
  let chart: PulseChart | null = null;
  const rounds = [...earlier.filter((r) => r.results), round];
  if (rounds.length > 1) {
    const when = (r: PulseRound) => formatDate(r.opensAt, program.timeZone).split(',')[0]!;
    chart = { type: 'trend', title, labels: rounds.map((r) => `#${r.number} ${when(r)}`), rate: rounds.map((r) => responseRate(r.results!)), average: rounds.map((r) => r.results!.average) };
  } else if (pulse.kind !== 'text') {
    chart = { type: 'distribution', title, labels: round.results.counts.map((_, i) => optionLabel(pulse, i + 1)), counts: round.results.counts };
  }
  if (!chart) return null;
  try {
    return await deps.charts.pulse(chart);
  } catch (err) {
    deps.log.warn({ err, pulse: pulse.id }, 'could not draw the pulse chart; the results go as text');
    return null;
  }
}

function quoted(list: Array<{ text: string; name?: string | null }>, shown: number): string[] {
  // A fixed order (alphabetical), not the order answers came in: order can give people away.
  const sorted = [...list].sort((a, b) => a.text.localeCompare(b.text));
  const lines = sorted.slice(0, shown).map((c) => {
    const text = c.text.length > COMMENT_CHARS ? `${c.text.slice(0, COMMENT_CHARS - 1)}…` : c.text;
    return `> ${text.replace(/\n+/g, ' ')}${c.name ? ` — ${c.name}` : ''}`;
  });
  if (sorted.length > shown) lines.push(`…and ${formatNumber(sorted.length - shown)} more (/pulse results shows them all).`);
  return lines;
}

export function resultsLines(pulse: Pulse, results: RoundResults, answers: Array<PulseAnswer & { name?: string | null }>, o: { all?: boolean } = {}): string[] {
  const lines = [`**${formatNumber(results.responses)} of ${plural(results.invited, 'person', 'people')} answered (${responseRate(results)}%)**`];
  if (results.average !== null) lines.push(`Average: **${results.average.toFixed(1)}** out of ${SCALE_MAX}`);
  if (pulse.kind !== 'text') {
    const max = Math.max(...results.counts);
    lines.push('', ...results.counts.map((n, i) => `${optionLabel(pulse, i + 1)}: ${formatNumber(n)}${results.responses ? ` (${Math.round((n / results.responses) * 100)}%)` : ''} ${bar(n, max)}`.trimEnd()));
  }
  const words = answers.flatMap((a) => [a.text, a.comment].filter((t): t is string => Boolean(t)).map((text) => ({ text, name: pulse.anonymous ? null : a.name })));
  if (words.length) {
    const heading = pulse.kind === 'text' ? `**Answers** (${formatNumber(words.length)})` : `**Comments** (${formatNumber(words.length)})`;
    lines.push('', heading, ...quoted(words, o.all ? Infinity : SHOWN_COMMENTS));
  }
  return lines;
}

export function resultsMessage(
  program: Program, pulse: Pulse, round: PulseRound & { results: RoundResults }, answers: Array<PulseAnswer & { name?: string | null }>,
  earlier: PulseRound[], chart: { png: Uint8Array; alt: string } | null, o: { all?: boolean } = {},
): OutboundMessage {
  const lines = resultsLines(pulse, round.results, answers, o);
  const past = earlier.filter((r) => r.results).slice(-11);
  if (past.length) {
    const point = (r: PulseRound) => `#${r.number}: ${responseRate(r.results!)}%${r.results!.average !== null ? `, avg ${r.results!.average.toFixed(1)}` : ''}`;
    lines.push('', `**Trend** (answered${pulse.kind === 'scale' ? ', average' : ''}): ${[...past, round].map(point).join(' · ')}`);
  }
  lines.push('', privacyLine(pulse).replace('staff see', 'you see'));
  return {
    title: `Pulse results: ${pulse.question.length > 200 ? `${pulse.question.slice(0, 199)}…` : pulse.question}`,
    text: lines.join('\n'),
    footer: `Pulse #${pulse.id}, round ${round.number} · closed ${formatDate(round.closedAt ?? round.closesAt, program.timeZone)}`,
    tone: 'info',
    ...(chart ? { image: { png: chart.png, name: 'pulse.png', alt: chart.alt } } : {}),
  };
}
