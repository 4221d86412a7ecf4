// The engagement report as staff read it: a short summary first, then the detail, and the chart.
import type { Program } from '../model.js';
import type { Reply } from '../ports/chat-platform.js';
import { say } from '../replies.js';
import { formatNumber, formatPoints, plural } from '../text.js';
import { rateOf, type EngagementReport } from './report.js';
import type { BreakdownRow } from './repository.js';

const change = (now: number, before: EngagementReport['previous']) => {
  if (!before?.headcount) return '';
  const d = now - rateOf(before);
  return d === 0 ? ' (same as the period before)' : ` (${d > 0 ? '+' : '−'}${Math.abs(d)} percentage points on the period before)`;
};

const breakdown = (rows: BreakdownRow[]) =>
  rows.map((r) => `• ${r.label}: ${plural(r.activities, 'activity', 'activities')}, ${formatPoints(r.points)}, ${plural(r.people, 'person', 'people')}`).join('\n');

export function reportReply(program: Program, r: EngagementReport): Reply {
  const c = r.current;
  const rate = rateOf(c);
  const lines = [
    `**${formatNumber(c.engaged)} of ${plural(c.headcount, 'ambassador')} engaged: ${rate}%**${change(rate, r.previous)}`,
    `_Engaged: at least one verified activity in the period. Head-count alone says little; this is the number to grow._`,
    '',
    `**Joined:** ${formatNumber(c.joined)} · **Lapsed** (no verified activity for ${plural(r.lapsedWeeks, 'week')}): ${formatNumber(c.lapsed)} · **Returning:** ${formatNumber(c.returning)}`,
  ];
  if (r.lapsedNames.length) lines.push(`Lapsed: ${r.lapsedNames.join(', ')}${c.lapsed > r.lapsedNames.length ? ` and ${formatNumber(c.lapsed - r.lapsedNames.length)} more` : ''}. A kind word from staff often brings people back.`);
  lines.push('', '**Activity by kind**', r.byKind.length ? breakdown(r.byKind) : 'No verified activity in this period.');
  if (r.byCampaign.length) lines.push('', '**By campaign**', breakdown(r.byCampaign));
  if (r.pulses.length) {
    const asked = r.pulses.reduce((n, p) => n + p.invited, 0);
    const answered = r.pulses.reduce((n, p) => n + p.responses, 0);
    lines.push('', `**Pulse surveys:** ${plural(answered, 'answer')} of ${formatNumber(asked)} asked (${asked ? Math.round((100 * answered) / asked) : 0}%)`,
      ...r.pulses.map((p) => `• #${p.pulseId} ${p.question.length > 60 ? `${p.question.slice(0, 59)}…` : p.question} (round ${p.round}): ${formatNumber(p.responses)} of ${formatNumber(p.invited)}, ${p.invited ? Math.round((100 * p.responses) / p.invited) : 0}%`));
  }
  const trend = r.trend.filter((t) => t.headcount > 0).map((t) => `${t.label} ${rateOf(t)}%`).join(' · ');
  if (trend) lines.push('', `**Trend** (engaged / ambassadors): ${trend}`);
  return say(lines.join('\n'), {
    title: `${program.name} — engagement, ${r.label}`,
    footer: 'Only verified activity counts. Pulse response rates are for rounds that closed in the period.',
    ...(r.chart ? { image: { png: r.chart.png, name: 'engagement.png', alt: r.chart.alt } } : {}),
  });
}

export function nudgesReply(program: Program): Reply {
  return say(program.nudgeAfterWeeks
    ? `Nudges on: an ambassador with no verified activity for ${program.nudgeAfterWeeks} weeks gets one kind DM (at 10:00 ${program.timeZone}) with the current campaigns and how to log. They can turn them off with /nudges off. /report lists who has lapsed.`
    : 'Nudges off: nobody gets a reminder when they go quiet. /report still lists who has lapsed.');
}
