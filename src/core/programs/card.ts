// How a program shows itself: its card for staff (settings, rules, places, the waitlist in order,
// the last problem staff were not told about), and its short "about" for everyone. Pure rendering.
import type { Program } from '../model.js';
import type { OutboundMessage } from '../ports/chat-platform.js';
import { formatDate, formatNumber } from '../text.js';
import { describeRules } from '../voting/rules.js';
import type { ProgramState } from './show.js';
import { PULSE_PRIVACY } from '../pulse/anonymity.js';

export function programCard(p: Program, state: ProgramState): OutboundMessage {
  const fields = [
    { name: 'Ambassadors', value: `${state.active} / ${p.capacity}`, inline: true },
    { name: 'Waitlist', value: state.waiting.length ? state.waiting.map((w, i) => `${i + 1}. ${w}`).join('\n') : 'nobody waiting', inline: true },
    { name: 'Applications', value: p.applicationsOpen ? 'open' : 'closed', inline: true },
    { name: 'Time zone', value: p.timeZone, inline: true },
    { name: 'Committee channel', value: channelName(p.committeeChannelId), inline: true },
    { name: 'Committee', value: p.committeeRef ? `group ${p.committeeRef}` : 'the /committee list', inline: true },
    { name: 'Ambassador role/channel', value: p.ambassadorTarget ?? 'not set', inline: true },
    { name: 'Announcements', value: channelName(p.announceChannelId), inline: true },
    { name: 'Staff alerts', value: p.staffChannelId ? channelName(p.staffChannelId) : 'the committee channel', inline: true },
    { name: 'Rules', value: `${describeRules(p)}\nRe-apply after rejection: ${p.reapplyCooldownDays} days\nAnswers of rejected and withdrawn applications: ${p.retentionDays === null ? 'kept' : `erased after ${p.retentionDays} days`}` },
  ];
  if (p.lastProblem) fields.push({ name: 'Last undelivered alert', value: `${formatDate(p.lastProblem.at, p.timeZone)}: ${p.lastProblem.text}` });
  return {
    title: p.name,
    text: `**Why:** ${p.why}\n**Objective:** ${p.objectiveText} (${formatNumber(p.objectiveTarget)} ${p.objectiveMetric})`,
    fields,
  };
}

/** Channels are written `<#id>` in core text: Discord and Slack both render it as a link; the console as #name. */
export const channelName = (id: string | null) => (id ? `<#${id}>` : 'not set');

/** The retention policy in one plain sentence (/about). */
export function retentionSentence(p: Program): string {
  const kept = p.retentionDays === null
    ? 'answers to applications that are not accepted are kept until you erase them'
    : `answers to applications that are not accepted or are withdrawn are erased ${p.retentionDays} days after the decision`;
  return `Only the committee and staff see your answers; ${kept}, and /mydata shows, exports or erases what we hold about you.`;
}

export function aboutCard(p: Program): OutboundMessage {
  return {
    title: `About ${p.name}`,
    text: `${p.why}\n\n**Our objective:** ${p.objectiveText}\n\n**Your data:** ${retentionSentence(p)}\n\n**Pulse surveys:** ${PULSE_PRIVACY}`,
    footer: p.applicationsOpen ? 'Applications are open: use /apply to join.' : 'Applications are closed for now.',
  };
}
